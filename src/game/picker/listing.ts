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
  /** Sim seconds one engine tick stands for: at 1× the desk runs one tick per real second. */
  tickSeconds: number | null;
  /** Sim seconds of the whole shift (the time limit), if known. */
  shiftSeconds: number | null;
  tags: string[];
  diagnostics: Diagnostic[];
  /** False when the scenario has errors. */
  ok: boolean;
  /** Dropped in by the player this session rather than bundled. */
  dropped: boolean;
}

const RANK: Record<string, number> = { tutorial: 0, beginner: 1, intermediate: 2, advanced: 3 };

/**
 * The library's order: the tutorial first, then by difficulty and title, so a first-time
 * player lands on it. The build sorts the index (vite.config.ts): comparing titles by
 * locale loads the browser's collation tables, tens of milliseconds of the first screen.
 */
export function inLibraryOrder(listings: readonly Listing[]): Listing[] {
  return [...listings].sort((a, b) => (RANK[a.difficulty] ?? 9) - (RANK[b.difficulty] ?? 9) || a.title.localeCompare(b.title));
}

/** "scenario.yaml:12:5" — where a diagnostic points. */
export function location(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}`;
}

export function errorCount(entry: Listing): number {
  return entry.diagnostics.filter((d) => d.severity === 'error').length;
}

/** Sim seconds that pass per real second at 1× (one engine tick per real second). */
export function simSecondsPerRealSecond(entry: Listing): number | null {
  return entry.tickSeconds;
}

/**
 * How long the shift lasts in real time at 1× ("up to 6 min at 1×"): the time limit in
 * ticks, one per real second. A run may end sooner, when the incident is over.
 */
export function runLength(entry: Listing): string {
  if (!entry.tickSeconds || !entry.shiftSeconds) return 'length unknown';
  const minutes = entry.shiftSeconds / entry.tickSeconds / 60;
  return `up to ${minutes < 1 ? '1' : Math.round(minutes)} min at 1×`;
}
