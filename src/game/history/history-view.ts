/**
 * What the history and progress screens say, derived from the kept runs: the rows of the
 * list, and the level of each dimension over time. Pure and tested; the scenes lay it out.
 */
import type { HistoryEntry } from '../run/history.ts';

/** "6 Dec 2026 22:04" in the player's own time zone; the ISO text if it is not a date. */
export function formatWhen(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, ...(timeZone ? { timeZone } : {}) })
    .format(d)
    .replace(',', '');
}

export interface Row {
  when: string;
  scenario: string;
  mode: string;
  level: string;
  seed: string;
  ending: string;
  /** Whether it can be reopened after a reload (a dropped file's run needs its file kept). */
  reopenable: boolean;
}

export function rowOf(e: HistoryEntry, timeZone?: string): Row {
  const reopenable = e.source === 'library' || (e.files?.length ?? 0) > 0;
  return {
    when: formatWhen(e.finishedAt, timeZone),
    scenario: `${e.scenario.title}${e.source === 'file' ? (reopenable ? ' · dropped file, kept' : ' · dropped file, not kept') : ''}`,
    mode: e.mode,
    level: e.level ?? 'not observed',
    seed: String(e.seed),
    ending: e.ending ?? '—',
    reopenable,
  };
}

export const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5'] as const;
const RANK: Record<string, number> = { L1: 1, L2: 2, L3: 3, L4: 4, L5: 5 };

/** One line of the progress chart: a dimension (or the overall level) across runs, oldest first. */
export interface Track {
  id: string;
  title: string;
  /** 1–5, or null where the run did not show this dimension. */
  points: Array<number | null>;
}

export interface Progress {
  /** The runs charted, oldest first. */
  runs: HistoryEntry[];
  overall: Track;
  dimensions: Track[];
}

/** The level of each dimension over the kept runs (of one scenario, or all), oldest first. */
export function progressOf(entries: readonly HistoryEntry[], scenarioId: string | null = null): Progress {
  const runs = entries.filter((e) => scenarioId === null || e.scenario.id === scenarioId).sort((a, b) => (a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0));
  const rank = (l: string | null) => (l ? (RANK[l] ?? null) : null);
  const dims = new Map<string, Track>();
  for (const [i, run] of runs.entries()) {
    for (const d of run.dimensions) {
      let track = dims.get(d.dimension);
      if (!track) {
        track = { id: d.dimension, title: d.title, points: new Array<number | null>(i).fill(null) };
        dims.set(d.dimension, track);
      }
      track.points.push(rank(d.level));
    }
    for (const track of dims.values()) if (track.points.length < i + 1) track.points.push(null);
  }
  return { runs, overall: { id: 'overall', title: 'Overall', points: runs.map((r) => rank(r.level)) }, dimensions: [...dims.values()] };
}

/** "L2 → L4 over 5 runs", or what little there is to say. */
export function trend(track: Track): string {
  const seen = track.points.filter((p): p is number => p !== null);
  if (seen.length === 0) return 'not observed yet';
  const first = seen[0] as number;
  const last = seen[seen.length - 1] as number;
  if (seen.length === 1) return `L${last} (one run)`;
  return first === last ? `L${last}, steady over ${seen.length} runs` : `L${first} → L${last} over ${seen.length} runs`;
}
