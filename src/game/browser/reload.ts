/**
 * Play-as-you-write: a scenario file saved while the game runs is loaded again and, if a
 * run of it is in progress, the run is rebuilt on the new version by replaying the
 * player's timed choices (the runner's `playChoices`, as a resumed save does) to the
 * moment it had reached. A broken save returns its diagnostics and leaves the run alone.
 * Pure: no Phaser, no DOM.
 */
import type { Diagnostic } from '../../scenario/diagnostics.ts';
import { loadScenario } from '../../scenario/load.ts';
import type { Playable } from '../boot/play.ts';
import type { SavedRun } from '../run/save.ts';
import { Session } from '../run/session.ts';

export type Reloaded =
  | { ok: true; playable: Playable; diagnostics: Diagnostic[]; session: Session | null; resume: SavedRun | null }
  | { ok: false; diagnostics: Diagnostic[] };

export interface ReloadSource {
  /** The scenario file's path as diagnostics should name it. */
  file: string;
  /** Reads a runbook relative to the scenario file. */
  readFile?: (relativePath: string) => string | undefined;
}

/**
 * Loads `newText`; with a previous session of the same scenario, replays its choices on
 * the new version up to the sim time it had reached. Errors (in the file, or a replay the
 * new version cannot take) come back as diagnostics.
 */
export function reloadScenario(previous: Session | null, newText: string, source: ReloadSource): Reloaded {
  const loaded = loadScenario(newText, { file: source.file, readFile: source.readFile ?? (() => undefined) });
  const scenario = loaded.scenario;
  if (!scenario || loaded.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: loaded.diagnostics };
  const playable: Playable = { scenario, runbooks: new Map(Object.entries(loaded.runbooks)), saveable: previous?.config.saveable ?? true };
  if (!previous || previous.scenario.id !== scenario.id) return { ok: true, playable, diagnostics: loaded.diagnostics, session: null, resume: null };
  const { seed, mode, speed } = previous.config;
  const resume: SavedRun = { scenarioId: scenario.id, seed, mode, speed, choices: [...previous.choices], t: previous.run.t };
  try {
    const session = Session.resume({ ...previous.config, scenario, runbooks: playable.runbooks }, resume, null);
    return { ok: true, playable, diagnostics: loaded.diagnostics, session, resume };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const diagnostic: Diagnostic = {
      file: source.file,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'BR000',
      message: `the run so far could not be replayed on this version: ${message}`,
      hint: 'Undo the last change, or go back to the picker and start a new run.',
    };
    return { ok: false, diagnostics: [...loaded.diagnostics, diagnostic] };
  }
}

/** A diagnostic as one line of the overlay: "file:line:column  error BR011 — message". */
export function diagnosticLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity} ${d.code} — ${d.message}`;
}
