/**
 * Saved choice logs, as `scenario play --choices` reads them: a JSON list of timed
 * choices (`[{ "at": 90, "ack": true }, { "at": "5m", "do": "rollback" }]`) or an object
 * holding one (`{ "choices": [...], "seed": 7 }`; other keys, such as those of the game's
 * saved run, are ignored). Validated with Zod; a bad file gets a plain-words reason.
 */
import { z } from 'zod';
import { Choice, givesOneChoice, StatusUpdateContent } from '../scenario/schema/index.ts';
import { formatSeconds } from '../scenario/values.ts';
import type { TimedChoice } from '../sim/runner.ts';
import { teamChoices, type TeamLogEntry } from '../sim/team-log.ts';

const OneChoice = Choice.refine(givesOneChoice, 'each choice gives exactly one of "do", "choose" or "ack"');
/** Most choices a log may hold: more than any run makes, as the game's save allows. */
export const MAX_CHOICES = 5000;
const Choices = z.array(OneChoice).max(MAX_CHOICES);
const ChoiceLog = z.union([Choices, z.object({ choices: Choices, seed: z.number().int().min(0).max(0xffffffff).optional() })]);

/** A choice log read from a file. */
export type ChoiceLogRead = { ok: true; choices: TimedChoice[]; seed?: number } | { ok: false; error: string };

const where = (path: readonly PropertyKey[]) =>
  path.length === 0 ? 'the top level' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/** Parses and validates a choice log. Never throws. */
export function parseChoiceLog(text: string): ChoiceLogRead {
  if (/^\s*\{"kind":"header"/.test(text)) return parseRoomFile(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `the choice log is not valid JSON (${(e as Error).message})` };
  }
  // Said plainly: the union would otherwise call an over-long list "not a list".
  const given = Array.isArray(data) ? data : data !== null && typeof data === 'object' ? (data as { choices?: unknown }).choices : undefined;
  if (Array.isArray(given) && given.length > MAX_CHOICES) {
    return { ok: false, error: `the choice log holds ${given.length.toLocaleString('en-US')} choices; at most ${MAX_CHOICES.toLocaleString('en-US')} are allowed` };
  }
  const parsed = ChoiceLog.safeParse(data);
  if (!parsed.success) {
    // A union reports both branches; the one that got further is the one the author meant.
    const issue = [...parsed.error.issues]
      .flatMap((i) => (i.code === 'invalid_union' ? i.errors.flat() : [i]))
      .sort((a, b) => b.path.length - a.path.length)[0];
    const shape = 'a list of choices such as [{"at": 90, "ack": true}, {"at": "5m", "do": "rollback"}], or {"choices": [...], "seed": 1}';
    if (!issue || issue.path.length === 0) return { ok: false, error: `the choice log should be ${shape}` };
    return { ok: false, error: `the choice log has a problem at ${where(issue.path)}: ${issue.message}` };
  }
  const value = parsed.data;
  const list = Array.isArray(value) ? value : value.choices;
  const choices = list.map((c) => ({
    at: c.at,
    ...(c.do ? { do: c.do } : {}),
    ...(c.do && c.update ? { update: c.update } : {}),
    ...(c.choose ? { choose: c.choose } : {}),
    ...(c.ack ? { ack: true as const } : {}),
  }));
  return !Array.isArray(value) && value.seed !== undefined ? { ok: true, choices, seed: value.seed } : { ok: true, choices };
}

/**
 * The first choice timed after the scenario's time limit, as a plain message: such a
 * choice would silently run the clock to the end. Null when every choice is in time.
 */
export function choiceAfterLimit(choices: readonly TimedChoice[], timeLimit: number): string | null {
  const index = choices.findIndex((c) => c.at > timeLimit);
  if (index < 0) return null;
  return `the choice log has a problem at [${index}].at: ${formatSeconds((choices[index] as TimedChoice).at)} is after the scenario's time limit (${formatSeconds(timeLimit)}), when the run has already ended`;
}

const RoomEntry = z.object({
  seq: z.number().int().min(1),
  t: z.number().min(0),
  player: z.string(),
  role: z.string(),
  event: z.looseObject({ type: z.string(), update: StatusUpdateContent.optional() }),
});

/**
 * A game day's room file (the server's `--data` folder, one JSON object a line): the
 * header's seed and every accepted entry, in order, as the single-player choice log that
 * replays the drill (each choice keeping who made it, and the facilitator's injects).
 */
function parseRoomFile(text: string): ChoiceLogRead {
  const lines = text.split('\n');
  let seed: number | undefined;
  const entries: TeamLogEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (!raw) continue;
    let line: unknown;
    try {
      line = JSON.parse(raw);
    } catch {
      // The server appends whole lines; only a crash mid-write leaves a torn last one.
      if (i >= lines.length - 2) continue;
      return { ok: false, error: `the game-day log has a line that is not JSON at line ${i + 1}` };
    }
    const kind = (line as { kind?: unknown }).kind;
    if (kind === 'header') seed = (line as { seed?: number }).seed;
    if (kind !== 'entry') continue;
    const entry = RoomEntry.safeParse((line as { entry?: unknown }).entry);
    if (!entry.success) return { ok: false, error: `the game-day log has a malformed entry at line ${i + 1}` };
    entries.push(entry.data as unknown as TeamLogEntry);
  }
  const choices = teamChoices(entries);
  return seed !== undefined ? { ok: true, choices, seed } : { ok: true, choices };
}
