/**
 * Distils the loader fuzz's corpus: runs the full search (`FUZZ_SCALE` times over), records
 * which blocks of the loader, the simulation, the scorer, yaml and Zod each version runs
 * (V8's precise coverage, reset after each version), and keeps the fewest versions that
 * between them run every block the whole search ran, plus every version that loads
 * (those are played, in a worker the coverage does not see). The test runs the corpus and a
 * fixed sample of the search; run this again after adding or much changing a scenario:
 *
 *     npm run fuzz:distil
 */
import '../../src/cli/plain-env.ts';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.ts';
import { CORPUS_FILE, fuzzSources, searchVersions, sourceHash } from './fuzz-sources.ts';
import { fixtureReader } from './scenario-text.ts';


/** The code whose blocks count: ours outside the tests, and the parsers it hands text to. */
const COUNTED = /\/src\/(?!.*\.test\.ts$)|\/node_modules\/(yaml|zod)\//;

interface Range {
  startOffset: number;
  endOffset: number;
  count: number;
}
interface ScriptCoverage {
  url: string;
  functions: Array<{ ranges: Range[] }>;
}

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

/**
 * V8 reports a function's blocks only where their count differs from the block around
 * them, so a block's coverage is read by painting each version's ranges, outermost
 * first, over the segments between every boundary any version reported.
 */
const scripts = new Map<string, number>();
const boundaries: Array<Set<number>> = [];
/** One version's report: [script, start, end, ran] for each range, in V8's order. */
async function report(): Promise<Int32Array> {
  const { result } = (await session.post('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] };
  const out: number[] = [];
  for (const script of result) {
    if (!COUNTED.test(script.url)) continue;
    let id = scripts.get(script.url);
    if (id === undefined) {
      scripts.set(script.url, (id = scripts.size));
      boundaries.push(new Set());
    }
    const cuts = boundaries[id] as Set<number>;
    for (const fn of script.functions)
      for (const r of fn.ranges) {
        out.push(id, r.startOffset, r.endOffset, r.count > 0 ? 1 : 0);
        cuts.add(r.startOffset).add(r.endOffset);
      }
  }
  return Int32Array.from(out);
}

interface Candidate {
  source: string;
  text: number;
  seed: number;
  loads: boolean;
  /** The blocks it ran (segment numbers), once the segments are known. */
  blocks: Int32Array;
}
const played: Array<Omit<Candidate, 'blocks'> & { report: Int32Array }> = [];
const hashes: Record<string, string> = {};
const began = performance.now();
await report(); // what importing ran
for (const source of fuzzSources()) {
  hashes[source.name] = sourceHash(source);
  const readFile = fixtureReader(source.folder);
  for (const v of searchVersions(source, scale)) {
    const { scenario } = loadScenario(v.version, { file: 'fuzz.yaml', readFile });
    played.push({ source: source.name, text: v.text, seed: v.seed, report: await report(), loads: scenario !== undefined });
  }
  process.stderr.write(`${source.name}: ${played.length} versions so far\n`);
}

// Segments: block ids, numbered script by script.
const cuts = boundaries.map((set) => Int32Array.from([...set].sort((x, y) => x - y)));
const firstSegment: number[] = [];
let segments = 0;
for (const c of cuts) {
  firstSegment.push(segments);
  segments += Math.max(0, c.length - 1);
}
const segmentAt = (script: number, offset: number) => {
  const c = cuts[script] as Int32Array;
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return (firstSegment[script] as number) + lo;
};
const painted = new Int8Array(segments).fill(-1);
const candidates: Candidate[] = played.map(({ report: r, ...version }) => {
  const touched: number[] = [];
  for (let k = 0; k < r.length; k += 4) {
    const from = segmentAt(r[k] as number, r[k + 1] as number);
    const to = segmentAt(r[k] as number, r[k + 2] as number);
    for (let g = from; g < to; g++) {
      if (painted[g] === -1) touched.push(g);
      painted[g] = r[k + 3] as number;
    }
  }
  const blocks = Int32Array.from(touched.filter((g) => painted[g] === 1));
  for (const g of touched) painted[g] = -1;
  return { ...version, blocks };
});

// Greedy cover, with gains kept as upper bounds and recomputed only for the best (they only fall).
const covered = new Uint8Array(segments);
const chosen = new Set<Candidate>(candidates.filter((c) => c.loads));
for (const c of chosen) for (const b of c.blocks) covered[b] = 1;
const gain = (c: Candidate) => {
  let g = 0;
  for (const b of c.blocks) if (!covered[b]) g++;
  return g;
};
const queue = candidates.filter((c) => !chosen.has(c)).map((c) => ({ c, g: gain(c) }));
for (;;) {
  queue.sort((a, b) => b.g - a.g);
  const best = queue[0];
  if (!best || best.g === 0) break;
  const fresh = gain(best.c);
  if (fresh < best.g) {
    best.g = fresh;
    continue;
  }
  chosen.add(best.c);
  for (const b of best.c.blocks) covered[b] = 1;
  queue.shift();
}

const corpus: Record<string, Array<[number, number]>> = {};
for (const c of candidates) if (chosen.has(c)) (corpus[c.source] ??= []).push([c.text, c.seed]);
writeFileSync(CORPUS_FILE, `${JSON.stringify({ about: 'Loader fuzz corpus: per source, [text, seed] of the versions that between them run every block the full search ran. Made by `npm run fuzz:distil`; `made` holds a hash of each file it was made from.', scale, made: hashes, versions: corpus }, null, 1).replace(/\[\n\s+(\d+),\n\s+(\d+)\n\s+\]/g, '[$1, $2]')}\n`);
const ran = new Set(candidates.flatMap((c) => [...(c.blocks)])).size;
console.log(`${candidates.length} versions ran ${ran} of ${segments} blocks; ${chosen.size} kept (${candidates.filter((c) => c.loads).length} of them load) in ${((performance.now() - began) / 1000).toFixed(0)} s → ${CORPUS_FILE}`);
