/**
 * The scenario library: every scenario folder bundled with the game, loaded and checked
 * with the same loader as the CLI, and scenario files a player drops in. A broken scenario
 * is kept in the list with its diagnostics — never silently dropped.
 */
import type { Diagnostic } from '../../scenario/diagnostics.ts';
import { normaliseLineEnds } from '../../scenario/line-ends.ts';
import { loadScenario, readerFromFiles } from '../../scenario/load.ts';
import { DEFAULT_MAX_SIZE, tooLargeMessage } from '../../scenario/prescan.ts';
import { formatDuration, formatPercent } from '../ui/format.ts';
import type { Listing } from './listing.ts';
import type { Playable } from '../boot/play.ts';

export type { Listing };

/** A listing with the loaded scenario, ready to play (null when it has errors). */
export interface LibraryEntry extends Listing {
  playable: Playable | null;
}

/** The listing part of an entry (what the build-time index keeps). */
export function listingOf(e: LibraryEntry): Listing {
  const { playable: _playable, ...listing } = e;
  return listing;
}

function entryFrom(file: string, text: string, readFile: (p: string) => string | undefined, dropped: boolean): LibraryEntry {
  const result = loadScenario(text, { file, readFile });
  const s = result.scenario;
  const fallbackId = file.split('/').slice(-2, -1)[0] ?? file;
  if (s) {
    return {
      id: s.id,
      file,
      title: s.title,
      summary: s.summary,
      service: s.service.name,
      difficulty: s.difficulty,
      duration: s.duration,
      slo: s.service.slos[0] ? `${s.service.slos[0].id} ${formatPercent(s.service.slos[0].objective / 100)} over ${formatDuration(s.service.slos[0].window)}` : '',
      shift: formatDuration(s.timeLimit),
      tickSeconds: s.telemetry.tick,
      shiftSeconds: s.timeLimit,
      tags: [...s.tags],
      diagnostics: result.diagnostics,
      ok: true,
      playable: { scenario: s, runbooks: new Map(Object.entries(result.runbooks)), saveable: !dropped },
      dropped,
    };
  }
  // Show what can be read of a broken file so the author recognises it.
  const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim().replace(/^['"]|['"]$/g, '');
  return {
    id: /^id:\s*([A-Za-z][\w-]*)\s*$/m.exec(text)?.[1] ?? (dropped ? file : fallbackId),
    file,
    title: title || file,
    summary: 'This scenario has errors and cannot be played until they are fixed.',
    service: '',
    difficulty: 'broken',
    duration: null,
    slo: '',
    shift: '',
    tickSeconds: null,
    shiftSeconds: null,
    tags: [],
    diagnostics: result.diagnostics,
    ok: false,
    playable: null,
    dropped,
  };
}

/** Loads every `<folder>/scenario.yaml` among bundled files (paths like "/scenarios/x/scenario.yaml"). */
export function buildLibrary(files: Readonly<Record<string, string>>): LibraryEntry[] {
  return Object.keys(files)
    .filter((p) => /\/scenario\.ya?ml$/.test(p))
    .sort()
    .map((path) => loadBundledFile(files, path));
}

/** Loads one bundled scenario file, reading its runbooks from the same file map. */
export function loadBundledFile(files: Readonly<Record<string, string>>, path: string): LibraryEntry {
  return entryFrom(path.replace(/^\//, ''), files[path] ?? '', readerFromFiles(files, path), false);
}

/**
 * Loads scenario files a player dropped (or picked) in the browser. Markdown files dropped
 * with them serve as runbooks, matched by file name whatever folder the scenario names.
 */
export function loadDropped(files: ReadonlyArray<{ name: string; text: string; tooLarge?: number }>): LibraryEntry[] {
  const markdown = new Map(files.filter((f) => /\.md$/i.test(f.name) && f.tooLarge === undefined).map((f) => [f.name, normaliseLineEnds(f.text)]));
  const read = (rel: string) => markdown.get(rel.split('/').pop() ?? rel);
  return files
    .filter((f) => /\.ya?ml$/i.test(f.name))
    .map((f) => {
      if (f.tooLarge !== undefined) return tooLargeEntry(f.name, f.tooLarge);
      const text = normaliseLineEnds(f.text);
      const entry = entryFrom(f.name, text, read, true);
      // Kept with the runs in history, so a run of a dropped file can be reopened after a reload.
      if (entry.playable) entry.playable.files = [{ name: f.name, text }, ...files.filter((m) => /\.md$/i.test(m.name)).map((m) => ({ name: m.name, text: m.text }))];
      return entry;
    });
}

/** A dropped file too large to read, listed with the reason rather than as an empty file. */
function tooLargeEntry(file: string, size: number): LibraryEntry {
  const { message, hint } = tooLargeMessage(size, DEFAULT_MAX_SIZE);
  const diagnostic: Diagnostic = { file, line: 1, column: 1, severity: 'error', code: 'BR002', message, hint };
  return { ...entryFrom(file, '', () => undefined, true), diagnostics: [diagnostic] };
}
