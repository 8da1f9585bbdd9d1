/**
 * Reading a run a player brings in: an exported debrief (JSON), the game's saved run, or
 * a choice log as `scenario play --choices` reads it. Never throws: a file that is none
 * of these gets a plain-words reason.
 */
import { parseChoiceLog } from '../../cli/choice-log.ts';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { parseDebrief } from '../../scoring/export.ts';
import type { TimedChoice } from '../../sim/runner.ts';
import { DEBRIEF_FORMAT } from '../../scoring/debrief-schema.ts';

export interface ImportedRun {
  /** The scenario the run names, if it names one (a bare choice log does not). */
  scenarioId: string | null;
  seed: number | null;
  mode: 'practice' | 'assessed' | null;
  choices: TimedChoice[];
  /** The debrief as exported, to compare the replay with. */
  debrief: Debrief | null;
}

export type ImportRead = { ok: true; run: ImportedRun } | { ok: false; error: string };

/** Reads an imported file's text. */
export function readImport(name: string, text: string): ImportRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${name} is not valid JSON (${(e as Error).message}), so it is neither a debrief nor a choice log.` };
  }
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === DEBRIEF_FORMAT) {
    const read = parseDebrief(data);
    if (!read.ok) return { ok: false, error: `${name}: ${read.error}` };
    const d = read.debrief;
    return { ok: true, run: { scenarioId: d.scenario.id, seed: d.seed, mode: null, choices: d.choices.map((c) => ({ ...c })) as TimedChoice[], debrief: d } };
  }
  const log = parseChoiceLog(text);
  if (!log.ok) return { ok: false, error: `${name}: ${log.error}.` };
  const obj = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const scenarioId = typeof obj.scenarioId === 'string' ? obj.scenarioId : typeof obj.scenario === 'string' ? obj.scenario : null;
  const mode = obj.mode === 'practice' || obj.mode === 'assessed' ? obj.mode : null;
  return { ok: true, run: { scenarioId, seed: log.seed ?? null, mode, choices: log.choices, debrief: null } };
}
