/**
 * Saved choice logs, as `scenario play --choices` reads them: a JSON list of timed
 * choices (`[{ "at": 90, "ack": true }, { "at": "5m", "do": "rollback" }]`) or an object
 * holding one (`{ "choices": [...], "seed": 7 }`; other keys, such as those of the game's
 * saved run, are ignored). Validated with Zod; a bad file gets a plain-words reason.
 */
import { z } from 'zod';
import { Choice } from '../scenario/schema/index.ts';
import type { TimedChoice } from '../sim/runner.ts';

const OneChoice = Choice.refine(
  (c) => [c.do, c.choose, c.ack].filter((x) => x !== undefined).length === 1,
  'each choice gives exactly one of "do", "choose" or "ack"',
);
const Choices = z.array(OneChoice).max(5000);
const ChoiceLog = z.union([Choices, z.object({ choices: Choices, seed: z.number().int().min(0).max(0xffffffff).optional() })]);

/** A choice log read from a file. */
export type ChoiceLogRead = { ok: true; choices: TimedChoice[]; seed?: number } | { ok: false; error: string };

const where = (path: readonly PropertyKey[]) =>
  path.length === 0 ? 'the top level' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

/** Parses and validates a choice log. Never throws. */
export function parseChoiceLog(text: string): ChoiceLogRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `the choice log is not valid JSON (${(e as Error).message})` };
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
