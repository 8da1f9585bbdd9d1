/**
 * What the loader fuzz mutates, and how each mutated version is named, shared by the fuzz
 * test and the corpus distiller so that a version named in the corpus is the same text
 * in both.
 *
 * A source is a scenario or fixture; its first text is the file itself, the others are
 * its sections spliced into the minimal scenario (a whole library file takes the full
 * parse, about 50 ms, so most of a scenario's versions mutate its sections). A version is
 * named by its source, the index of the text it mutates and its seed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editedVersions, mutate, splicedSections } from './mutate.ts';
import { FIXTURES } from './scenario-text.ts';

const ROOT = join(FIXTURES, '..', '..');
/** The corpus the fuzz test runs: see `fuzz-distil.ts`. */
export const CORPUS_FILE = join(FIXTURES, 'fuzz-corpus.json');

export interface FuzzSource {
  /** `scenarios/<folder>` or `fixtures/…`: the key in the corpus. */
  name: string;
  /** Texts to mutate: the whole file, then its spliced sections. */
  texts: string[];
  /** Where runbooks and other referenced files are read from. */
  folder: string;
  /** Versions of the whole file and of each section in the full search. */
  cases: number;
  perPiece: number;
  seedBase: number;
}

/** One mutated version. */
export interface FuzzVersion {
  text: number;
  seed: number;
  version: string;
  label: string;
}

/** Every source, in a fixed order (the order fixes each source's seeds). */
export function fuzzSources(): FuzzSource[] {
  const out: Omit<FuzzSource, 'seedBase'>[] = [];
  const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
  const scenarios = join(ROOT, 'scenarios');
  for (const entry of readdirSync(scenarios, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    let text: string;
    try {
      text = readFileSync(join(scenarios, entry.name, 'scenario.yaml'), 'utf8');
    } catch {
      continue; // a folder still being written has no scenario.yaml yet
    }
    // About a thousand versions of each scenario: 60 of the whole file, the rest spread over its sections.
    const pieces = splicedSections(text, minimal);
    out.push({ name: `scenarios/${entry.name}`, texts: [text, ...pieces], folder: join(scenarios, entry.name), cases: 60, perPiece: Math.ceil(900 / Math.max(1, pieces.length)) });
  }
  out.push({ name: 'fixtures/minimal.yaml', texts: [minimal], folder: FIXTURES, cases: 500, perPiece: 0 });
  const diagnostics = join(FIXTURES, 'diagnostics');
  for (const name of readdirSync(diagnostics).filter((n) => n.endsWith('.yaml')).sort()) {
    out.push({ name: `fixtures/diagnostics/${name}`, texts: [readFileSync(join(diagnostics, name), 'utf8')], folder: diagnostics, cases: 10, perPiece: 0 });
  }
  return out.map((source, index) => ({ ...source, seedBase: index * 1_000_003 }));
}

/** A short hash of a source's file, kept in the corpus to tell when the file changed after the corpus was made. */
export function sourceHash(source: FuzzSource): string {
  return createHash('sha256').update(source.texts[0] ?? '').digest('hex').slice(0, 16);
}

/** The seed of the first version of text `text` of a source; its `n`th version has seed `textSeed + n`. */
export function textSeed(source: FuzzSource, text: number): number {
  return source.seedBase + text * 10_007;
}

/** The version of text `text` with seed `seed`. */
export function versionOf(source: FuzzSource, text: number, seed: number): FuzzVersion | undefined {
  const original = source.texts[text];
  if (original === undefined) return undefined;
  for (const [version, label] of editedVersions(original, seed, 1, mutate)) return { text, seed, version, label };
  return undefined;
}

/** The full search: `scale` times the source's cases of the whole file and of each section. */
export function* searchVersions(source: FuzzSource, scale: number): Generator<FuzzVersion> {
  for (const [text, original] of source.texts.entries()) {
    const count = (text === 0 ? source.cases : source.perPiece) * scale;
    let seed = textSeed(source, text);
    for (const [version, label] of editedVersions(original, seed, count, mutate)) yield { text, seed: seed++, version, label };
  }
}
