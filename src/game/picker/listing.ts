/**
 * A scenario as the picker lists it, and small helpers on it. No loader here: the picker
 * shows listings before any scenario text or the loader has been fetched.
 */
import type { Diagnostic } from '../../scenario/diagnostics.ts';

/** What the picker lists about a scenario: plain data, so the build can index the library. */
export interface Listing {
  /** Scenario id, or the folder / file name when the file is too broken to say. */
  id: string;
  file: string;
  title: string;
  summary: string;
  service: string;
  difficulty: string;
  /** Expected minutes at 1×, if known. */
  duration: number | null;
  /** The first SLO in words ("availability 99.99% over 30d"), if known. */
  slo: string;
  /** Sim-time length of the shift in words ("1h"), if known. */
  shift: string;
  tags: string[];
  diagnostics: Diagnostic[];
  /** False when the scenario has errors. */
  ok: boolean;
  /** Dropped in by the player this session rather than bundled. */
  dropped: boolean;
}

/** "scenario.yaml:12:5" — where a diagnostic points. */
export function location(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}`;
}

export function errorCount(entry: Listing): number {
  return entry.diagnostics.filter((d) => d.severity === 'error').length;
}
