/**
 * The loader must never throw and never point outside the file, whatever it is fed, and
 * what it accepts must play. Every scenario and fixture is mutated with a seeded generator,
 * so failures reproduce: a failure names its seed and the edits made. Every version that
 * loads is played for {@link PLAY_TICKS} ticks by a seeded player in a worker thread, under
 * a wall-clock guard that fails the test by the version's name rather than hang it.
 *
 * The full search is about a thousand versions of each library scenario. A run makes
 * the corpus (`test/fixtures/fuzz-corpus.json`: the fewest versions that between them run
 * every block of the loader, simulation, scorer, yaml and Zod that the full search runs,
 * and every version that loads) and every {@link SAMPLE}th version of the search besides.
 * `FUZZ_SCALE=1 npx vitest run test/fuzz-loader` runs the full search instead, and
 * `FUZZ_SCALE=20` twenty times as many; `npm run fuzz:distil` makes the corpus again.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.ts';
import { CORPUS_FILE, fuzzSources, searchVersions, sourceHash, versionOf, type FuzzSource, type FuzzVersion } from './support/fuzz-sources.ts';
import { checkInvariants, int, prng } from './support/mutate.ts';
import { PlayGuard } from './support/play-guard.ts';
import { fixtureReader } from './support/scenario-text.ts';

const SCALE = process.env.FUZZ_SCALE === undefined ? undefined : Number(process.env.FUZZ_SCALE);
/** Besides the corpus, a run makes every SAMPLE-th version of the search. */
const SAMPLE = 16;
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

const { versions: corpus, made } = JSON.parse(readFileSync(CORPUS_FILE, 'utf8')) as { versions: Record<string, Array<[number, number]>>; made: Record<string, string> };

/** The versions this run makes of a source: the full search at a scale, or the corpus and the sample. */
function versions(source: FuzzSource): FuzzVersion[] {
  if (SCALE !== undefined) return [...searchVersions(source, SCALE)];
  const out = new Map<string, FuzzVersion>();
  for (const [text, seed] of corpus[source.name] ?? []) {
    const v = versionOf(source, text, seed);
    if (v) out.set(`${text}:${seed}`, v);
  }
  let n = 0;
  for (const v of searchVersions(source, 1)) if (n++ % SAMPLE === 0) out.set(`${v.text}:${v.seed}`, v);
  return [...out.values()];
}

/**
 * Loads each version, failing with the seed and the edits that broke an invariant; plays
 * each one that loads, failing with its name if the play throws or hangs.
 */
async function fuzz(source: FuzzSource, list: readonly FuzzVersion[]): Promise<void> {
  const readFile = fixtureReader(source.folder);
  for (const { version, label, seed } of list) {
    let failure: string | undefined;
    let scenario;
    const began = performance.now();
    try {
      const result = loadScenario(version, { file: 'fuzz.yaml', readFile });
      failure = checkInvariants(version, result.diagnostics);
      if (!failure && result.scenario && result.diagnostics.some((d) => d.severity === 'error')) failure = 'a scenario was returned despite errors';
      scenario = result.scenario;
    } catch (error) {
      failure = `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
    figures.loadMs += performance.now() - began;
    figures.loads++;
    if (failure) expect.fail(`${source.name} ${label}: ${failure}`);
    if (!scenario) continue;
    figures.loaded++;
    const played = await guard.play(`${source.name} ${label}`, scenario, seed);
    if (played) expect.fail(played);
  }
}

describe('fuzzing the loader', () => {
  const sources = fuzzSources();
  for (const source of sources) {
    const list = versions(source);
    it(`${source.name}: ${list.length} mutated versions load without throwing, located inside the file, and those that load play`, async () => {
      await fuzz(source, list);
    }, 600_000 * (SCALE ?? 1));
  }

  it('has a corpus for every library scenario', () => {
    const missing = sources.filter((s) => s.name.startsWith('scenarios/') && !(s.name in corpus)).map((s) => s.name);
    expect(missing, 'run `npm run fuzz:distil` after adding a scenario').toEqual([]);
    // A file edited since the corpus was made keeps its seeds, which may now cover less: said, not failed.
    const changed = sources.filter((s) => made[s.name] !== undefined && made[s.name] !== sourceHash(s)).map((s) => s.name);
    if (changed.length > 0) console.log(`fuzz: changed since the corpus was made (run \`npm run fuzz:distil\` to cover them afresh): ${changed.join(', ')}`);
  });
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
