/**
 * The loader must never throw and never point outside the file, whatever it is fed, and
 * what it accepts must play. Every scenario and fixture is mutated with a seeded generator
 * (about a thousand versions of each library scenario, 500 of the minimal fixture), so
 * failures reproduce: a failure names its seed and the edits made. Every version that
 * loads is played for {@link PLAY_TICKS} ticks by a seeded player in a worker thread, under
 * a wall-clock guard that fails the test by the version's name rather than hang it.
 * `FUZZ_SCALE=20 npx vitest run test/fuzz-loader` runs twenty times as many.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.ts';
import { checkInvariants, editedVersions, int, mutate, prng, splicedSections } from './support/mutate.ts';
import { PlayGuard } from './support/play-guard.ts';
import { FIXTURES, fixtureReader } from './support/scenario-text.ts';

const ROOT = join(FIXTURES, '..', '..');
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Ticks each loaded version is played: past the first pages and prompts of most scenarios. */
const PLAY_TICKS = 150;
/** Wall-clock time one play may take; a bounded play of a sane scenario takes milliseconds. */
const PLAY_GUARD_MS = 15_000;
const guard = new PlayGuard(PLAY_GUARD_MS, PLAY_TICKS);
const figures = { loads: 0, loaded: 0, loadMs: 0 };
afterAll(async () => {
  await guard.stop();
  const t = guard.totals;
  // Printed so a run (and FUZZ_SCALE runs) says what it covered.
  console.log(
    `fuzz: ${figures.loads} versions loaded in ${Math.round(figures.loadMs)} ms; ${figures.loaded} loaded without errors and were played: ` +
      `${t.ticks} ticks, ${t.choices} choices, ${t.endings} reached an ending; slowest play ${Math.round(t.slowestMs)} ms (${t.slowest || '—'})`,
  );
});

interface Source {
  name: string;
  /** Texts to mutate; the first is mutated `cases` times, the rest `perPiece` times each. */
  texts: string[];
  folder: string;
  cases: number;
  perPiece: number;
}

/**
 * A whole-file mutation of a library scenario takes the full parse (about 50 ms), so the real scenarios get some whole-file mutations and
 * many more of their sections spliced into the minimal scenario; the minimal fixture gets
 * 800 and each diagnostic fixture 15.
 */
function sources(): Source[] {
  const out: Source[] = [];
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
    // About two thousand versions of each scenario: 120 whole-file mutations, the rest spread
    // over its sections.
    const pieces = splicedSections(text, minimal);
    out.push({ name: `scenarios/${entry.name}`, texts: [text, ...pieces], folder: join(scenarios, entry.name), cases: 60, perPiece: Math.ceil(900 / Math.max(1, pieces.length)) });
  }
  out.push({ name: 'fixtures/minimal.yaml', texts: [minimal], folder: FIXTURES, cases: 500, perPiece: 0 });
  const diagnostics = join(FIXTURES, 'diagnostics');
  for (const name of readdirSync(diagnostics).filter((n) => n.endsWith('.yaml')).sort()) {
    out.push({ name: `fixtures/diagnostics/${name}`, texts: [readFileSync(join(diagnostics, name), 'utf8')], folder: diagnostics, cases: 10, perPiece: 0 });
  }
  return out;
}

/**
 * Loads `count` mutations of `original`, failing with the seed and the edits that broke an
 * invariant; plays each one that loads, failing with its name if the play throws or hangs.
 */
async function fuzz(name: string, original: string, folder: string, seedBase: number, count: number): Promise<void> {
  const readFile = fixtureReader(folder);
  for (const [text, label] of editedVersions(original, seedBase, count, mutate)) {
    let failure: string | undefined;
    let scenario;
    const began = performance.now();
    try {
      const result = loadScenario(text, { file: 'fuzz.yaml', readFile });
      failure = checkInvariants(text, result.diagnostics);
      if (!failure && result.scenario && result.diagnostics.some((d) => d.severity === 'error')) failure = 'a scenario was returned despite errors';
      scenario = result.scenario;
    } catch (error) {
      failure = `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
    figures.loadMs += performance.now() - began;
    figures.loads++;
    if (failure) expect.fail(`${name} ${label}: ${failure}`);
    if (!scenario) continue;
    figures.loaded++;
    const played = await guard.play(`${name} ${label}`, scenario, seedBase);
    if (played) expect.fail(played);
  }
}

describe('fuzzing the loader', () => {
  for (const [index, source] of sources().entries()) {
    const [whole, ...pieces] = source.texts;
    const total = (source.cases + pieces.length * source.perPiece) * SCALE;
    it(`${source.name}: ${total} mutated versions load without throwing, located inside the file, and those that load play`, async () => {
      await fuzz(source.name, whole ?? '', source.folder, index * 1_000_003, source.cases * SCALE);
      for (const [p, piece] of pieces.entries()) await fuzz(source.name, piece, source.folder, index * 1_000_003 + (p + 1) * 10_007, source.perPiece * SCALE);
    }, 600_000 * SCALE);
  }
});

describe('hostile input', () => {
  const load = (text: string) => loadScenario(text, { file: 'hostile.yaml' });
  const only = (text: string) => {
    const { diagnostics, scenario } = load(text);
    expect(scenario).toBeUndefined();
    expect(checkInvariants(text, diagnostics)).toBeUndefined();
    return diagnostics.map((d) => d.code);
  };

  it('refuses a 50 MB file before parsing it', () => {
    const { diagnostics } = load('a'.repeat(50 * 1024 * 1024));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'BR002', line: 1, column: 1 })]);
  });

  it('stops an alias bomb', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
    expect(only(text)).toEqual(['BR007']);
  });

  it('recognises binary data', () => {
    const rng = prng(7);
    const bytes = Array.from({ length: 4096 }, () => String.fromCharCode(int(rng, 256))).join('');
    expect(only(bytes)).toEqual(['BR003']);
    expect(only('format: 1\n\0\0\0\0')).toEqual(['BR003']);
  });

  it('refuses absurd nesting, in brackets or in compact lists', () => {
    expect(only('['.repeat(1_000_000))).toEqual(['BR008']);
    expect(only(`${'{a: '.repeat(100_000)}`)).toEqual(['BR008']);
    expect(only(`${'- '.repeat(500_000)}x\n`)).toEqual(['BR008']);
  });

  it('handles deep indentation and very many keys', () => {
    let deep = '';
    for (let i = 0; i < 1000; i++) deep += `${' '.repeat(i)}k:\n`;
    expect(only(deep).length).toBeGreaterThan(0);
    let keys = '';
    for (let i = 0; i < 10_000; i++) keys += `k${i}: ${i}\nk${i}: again\n`;
    const codes = only(keys);
    expect(codes).toContain('BR006');
    expect(codes.at(-1)).toBe('BR090');
  });

  it('explains a top-level scalar, a list, a lone document marker and odd whitespace', () => {
    expect(only('42')).toEqual(['BR005']);
    expect(only('[1, 2]')).toEqual(['BR005']);
    expect(only('---\n')).toEqual(['BR004']);
    expect(only('\n\n   \n\t\n')).toEqual(['BR004']);
    expect(only('\ufeff')).toEqual(['BR004']);
  });
});
