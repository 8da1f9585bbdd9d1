/**
 * The run in progress, kept in localStorage so a reload loses nothing: scenario, seed,
 * mode, speed and the timed choices (the replay format). Validated with Zod on the way
 * back in; anything that does not fit is reported in plain words and discarded.
 */
import { z } from 'zod';
import { StatusUpdateContent } from '../../scenario/schema/index.ts';
import type { TimedChoice } from '../../sim/runner.ts';

export const SAVE_KEY = 'burn-rate.run.v1';

const ChoiceSchema = z
  .strictObject({
    at: z.number().finite().nonnegative(),
    do: z.string().min(1).max(64).optional(),
    choose: z.string().regex(/^[A-Za-z][\w-]*\.[A-Za-z][\w-]*$/).optional(),
    ack: z.literal(true).optional(),
    update: StatusUpdateContent.optional(),
  })
  .refine((c) => [c.do, c.choose, c.ack].filter((x) => x !== undefined).length === 1, 'each choice has exactly one of do, choose or ack');

export const SavedRunSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  seed: z.number().int().min(0).max(0xffffffff),
  mode: z.enum(['practice', 'assessed']),
  speed: z.union([z.literal(1), z.literal(2), z.literal(5), z.literal(10)]),
  choices: z.array(ChoiceSchema).max(5000),
  /** Sim time reached when last saved, so a reload resumes where the clock was. */
  t: z.number().finite().nonnegative().optional(),
});
export type SavedRun = z.infer<typeof SavedRunSchema> & { choices: TimedChoice[] };

/** The part of the Storage API the save needs (tests pass a Map-backed fake). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

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

/** Writes the run; storage that is full or blocked is not worth interrupting a game for. */
export function writeSave(store: KeyValueStore, save: SavedRun): boolean {
  try {
    store.setItem(SAVE_KEY, JSON.stringify(save));
    return true;
  } catch {
    return false;
  }
}

export function clearSave(store: KeyValueStore): void {
  try {
    store.removeItem(SAVE_KEY);
  } catch {
    // Nothing to do: a store we cannot write holds nothing of ours.
  }
}

/** The message a player sees when a save could not be used. */
export function restoreFailedMessage(reason: string): string {
  return `Your saved run could not be restored: ${reason}. It has been discarded.`;
}
