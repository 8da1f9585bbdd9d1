/**
 * The run in progress, kept in localStorage so a reload loses nothing: scenario (with a
 * hash of its content), seed, mode, speed and the timed choices (the replay format).
 * Validated with Zod on the way back in; a save that does not fit the format or the
 * scenario as it is now is reported in plain words and set aside, never silently replayed.
 */
import { z } from 'zod';
import { MAX_SECONDS, RecordedChoice, givesOneChoice, type Scenario } from '../../scenario/schema/index.ts';
import { formatSeconds } from '../../scenario/values.ts';
import type { TimedChoice } from '../../sim/runner.ts';

import { SAVE_KEY, writeSave as writeSlot, type KeyValueStore } from './save-slot.ts';

export { SAVE_KEY, DISCARDED_KEY, clearSave, discardSave, hasSave, restoreFailedMessage, type KeyValueStore } from './save-slot.ts';
/** Most choices a save holds, as a choice log. */
const MAX_CHOICES = 5000;

/** One timed choice as saved: the run in progress, a kept run in history, an imported log. */
export const ChoiceSchema = RecordedChoice.refine(givesOneChoice, 'each choice has exactly one of do, choose or ack');

export const SavedRunSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  seed: z.number().int().min(0).max(0xffffffff),
  mode: z.enum(['practice', 'assessed']),
  speed: z.union([z.literal(1), z.literal(2), z.literal(5), z.literal(10)]),
  choices: z.array(ChoiceSchema).max(MAX_CHOICES, `a save holds at most ${MAX_CHOICES} choices`),
  /** Sim time reached when last saved, so a reload resumes where the clock was. */
  t: z.number().nonnegative().max(MAX_SECONDS, `the saved time is at most ${MAX_SECONDS} seconds`).optional(),
  /** The scenario's content hash when saved (see {@link scenarioHash}); older saves have none. */
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/).optional(),
});
export type SavedRun = z.infer<typeof SavedRunSchema> & { choices: TimedChoice[] };

export type SaveRead = { kind: 'none' } | { kind: 'ok'; save: SavedRun } | { kind: 'corrupt'; message: string };

/** Reads and validates the saved run. Never throws. */
export function readSave(store: KeyValueStore): SaveRead {
  let raw: string | null;
  try {
    raw = store.getItem(SAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { kind: 'corrupt', message: 'the saved data is not valid JSON' };
  }
  const parsed = SavedRunSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { kind: 'corrupt', message: `the saved run does not fit the save format${where}: ${issue?.message ?? 'unknown problem'}` };
  }
  return { kind: 'ok', save: parsed.data as SavedRun };
}

const hashes = new WeakMap<Scenario, string>();

/**
 * A hash of everything in a scenario (FNV-1a, 64 bits, over its parsed content as JSON),
 * as 16 hex digits: a save made on one version of a scenario is known when restored on another.
 */
export function scenarioHash(scenario: Scenario): string {
  const known = hashes.get(scenario);
  if (known) return known;
  const text = JSON.stringify(scenario);
  // Two 32-bit halves, as JavaScript has no 64-bit integer multiply without BigInt.
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  const hash = h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
  hashes.set(scenario, hash);
  return hash;
}

/**
 * Why a save cannot be replayed on the scenario as it is now, in words, or null if it can:
 * choices naming actions or answers the scenario no longer has, choices after its time
 * limit, or a scenario whose content changed since the save was made.
 */
export function saveMismatch(save: SavedRun, scenario: Scenario): string | null {
  const actions = new Set(scenario.actions.map((a) => a.id));
  const answers = new Set(scenario.prompts.flatMap((p) => p.options.map((o) => `${p.id}.${o.id}`)));
  const missing = [...new Set(save.choices.flatMap((c) => (c.do && !actions.has(c.do) ? [c.do] : c.choose && !answers.has(c.choose) ? [c.choose] : [])))];
  const late = save.choices.find((c) => c.at > scenario.timeLimit) ?? (save.t !== undefined && save.t > scenario.timeLimit ? { at: save.t } : undefined);
  const changed = save.scenarioHash !== undefined && save.scenarioHash !== scenarioHash(scenario);
  const problems: string[] = [];
  if (missing.length > 0) {
    const shown = missing.slice(0, 3).map((id) => `\`${id}\``).join(', ');
    problems.push(`its choices name ${missing.length === 1 ? 'an action or answer' : 'actions or answers'} the scenario no longer has (${shown}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''})`);
  }
  if (late) problems.push(`it reaches ${formatSeconds(late.at)}, past the scenario's time limit of ${formatSeconds(scenario.timeLimit)}`);
  if (changed && problems.length === 0) problems.push('its content differs, so the run would not replay as it was played');
  if (problems.length === 0) return null;
  return `${changed ? `the scenario "${scenario.id}" has changed since this run was saved: ` : ''}${problems.join('; ')}`;
}

/** Writes the run; storage that is full or blocked is not worth interrupting a game for. */
export function writeSave(store: KeyValueStore, save: SavedRun): boolean {
  return writeSlot(store, save);
}
