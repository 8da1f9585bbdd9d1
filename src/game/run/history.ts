/**
 * Every finished run, kept in the browser's storage: when, which scenario, mode, level,
 * seed and the timed choices, which with the scenario rebuild the whole debrief. Runs of
 * scenario files a player dropped in keep those files with them, so they can be reopened
 * after a reload. One storage key per run: a damaged entry costs only itself, and is left
 * in place (never deleted) with a plain-words reason.
 */
import { z } from 'zod';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import type { TimedChoice } from '../../sim/runner.ts';
import { ChoiceSchema, type KeyValueStore } from './save.ts';

export const HISTORY_PREFIX = 'burn-rate.history.v1.';

const LevelSchema = z.enum(['L1', 'L2', 'L3', 'L4', 'L5']).nullable();

export const HistoryEntrySchema = z.strictObject({
  id: z.string().min(1).max(40),
  /** ISO date and time the run finished. */
  finishedAt: z.string().min(10).max(40),
  scenario: z.strictObject({ id: z.string().min(1).max(64), title: z.string().max(120) }),
  mode: z.enum(['practice', 'assessed']),
  seed: z.number().int().min(0).max(0xffffffff),
  level: LevelSchema,
  /** Level per dimension, in the ladder's order. */
  dimensions: z.array(z.strictObject({ dimension: z.string(), title: z.string(), level: LevelSchema })).max(12),
  ending: z.string().max(120).nullable(),
  choices: z.array(ChoiceSchema).max(5000),
  /** Where the scenario came from: the library, or a file the player dropped in. */
  source: z.enum(['library', 'file']),
  /** A dropped scenario's files (the scenario and its runbooks), when they could be kept. */
  files: z.array(z.strictObject({ name: z.string().max(200), text: z.string() })).max(40).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema> & { choices: TimedChoice[] };

/** A store whose keys can be listed (the Storage API; tests pass a Map-backed fake). */
export interface ListableStore extends KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
}

export interface DamagedEntry {
  key: string;
  message: string;
}

export interface HistoryRead {
  /** Newest first. */
  entries: HistoryEntry[];
  damaged: DamagedEntry[];
}

/** Reads every kept run. Never throws; entries that do not fit are reported, not removed. */
export function readHistory(store: ListableStore): HistoryRead {
  const entries: HistoryEntry[] = [];
  const damaged: DamagedEntry[] = [];
  let keys: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(HISTORY_PREFIX)) keys.push(key);
    }
  } catch {
    keys = [];
  }
  for (const key of keys) {
    let raw: string | null = null;
    try {
      raw = store.getItem(key);
    } catch {
      damaged.push({ key, message: 'the browser would not read it' });
      continue;
    }
    if (raw === null) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      damaged.push({ key, message: 'it is not valid JSON' });
      continue;
    }
    const parsed = HistoryEntrySchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      damaged.push({ key, message: `it does not fit the history format${where}: ${issue?.message ?? 'unknown problem'}` });
      continue;
    }
    entries.push(parsed.data as HistoryEntry);
  }
  entries.sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : a.finishedAt > b.finishedAt ? -1 : 0));
  return { entries, damaged };
}

export type AddResult = { ok: true; note: string | null } | { ok: false; message: string };

/**
 * Keeps a finished run. A full store first drops the dropped file's text (the run's
 * choices are what matter), and says so; if even that does not fit, the player is told
 * to export the run, which is still on screen.
 */
export function addRun(store: KeyValueStore, entry: HistoryEntry): AddResult {
  const key = HISTORY_PREFIX + entry.id;
  const write = (e: HistoryEntry) => {
    try {
      store.setItem(key, JSON.stringify(e));
      return true;
    } catch {
      return false;
    }
  };
  if (write(entry)) {
    if (entry.source === 'file' && !entry.files) return { ok: true, note: 'The scenario file was not kept with this run, so it can be listed but not reopened after a reload.' };
    return { ok: true, note: null };
  }
  if (entry.files) {
    const { files: _files, ...lean } = entry;
    if (write(lean)) return { ok: true, note: 'Storage is nearly full: the run is kept, but not its scenario file, so it can be listed but not reopened after a reload.' };
  }
  return { ok: false, message: 'Storage is full: this run could not be added to your history. Export it now (J) to keep it.' };
}

/** The history entry of a finished run, from its debrief. */
export function entryOf(
  d: Debrief,
  run: { finishedAt: string; mode: 'practice' | 'assessed'; choices: readonly TimedChoice[]; files?: ReadonlyArray<{ name: string; text: string }> | undefined; fromLibrary: boolean },
): HistoryEntry {
  return {
    id: entryId(run.finishedAt, d.seed),
    finishedAt: run.finishedAt,
    scenario: { id: d.scenario.id, title: d.scenario.title },
    mode: run.mode,
    seed: d.seed,
    level: d.overall.level,
    dimensions: d.dimensions.map((x) => ({ dimension: x.dimension, title: x.title, level: x.level })),
    ending: d.ending?.title ?? null,
    choices: run.choices.map((c) => ({ ...c })),
    source: run.fromLibrary ? 'library' : 'file',
    ...(run.files ? { files: run.files.map((f) => ({ ...f })) } : {}),
  };
}

/** A short id, unique enough for one browser's history: time plus seed. */
export function entryId(finishedAt: string, seed: number): string {
  return `${finishedAt.replace(/[^0-9]/g, '').slice(0, 17)}-${seed}`;
}

/** The whole history as one JSON file a player can keep or move to another browser. */
export function historyToJson(entries: readonly HistoryEntry[]): string {
  return `${JSON.stringify({ format: 'burn-rate-history', version: 1, runs: entries }, null, 2)}\n`;
}
