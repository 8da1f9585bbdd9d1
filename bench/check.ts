/** Checker figures: time to load and check one scenario file (parse, schema, references, graph). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../src/scenario/load.ts';
import type { Report } from './figure.ts';

/** What the checker bench measured: mean milliseconds per file, over files of a mean size. */
export interface CheckMeasures {
  files: number;
  kB: number;
  meanMs: number;
  oneProblemMs: number;
  largest: { name: string; kB: number; ms: number };
  /** The largest file with one key, halfway down, indented two spaces too far. */
  misindentedMs: number;
}

/** The checker figures and their notes, from what was measured. */
export function checkReport(m: CheckMeasures): Report {
  return {
    notes: [
      `checker: mean over the ${m.files} library scenarios, ${m.kB} kB each on average`,
      'checker: CPU milliseconds per file, median of seven rounds; a file with one problem has its first `goto` misspelt',
      `checker: the largest library file is ${m.largest.name}, ${m.largest.kB} kB; it should check in under 100 ms`,
      'checker: mis-indented is the largest file with the first nested key past its middle indented two spaces too far, found and explained by trial parses',
    ],
    figures: [
      { name: 'check time per file', value: m.meanMs, unit: 'ms' },
      { name: 'check time per file, one problem', value: m.oneProblemMs, unit: 'ms' },
      { name: 'check time, largest library file', value: m.largest.ms, unit: 'ms' },
      { name: 'check time, largest library file, one key mis-indented', value: m.misindentedMs, unit: 'ms' },
    ],
  };
}

type BenchFile = { file: string; text: string; readFile: (p: string) => string | undefined };

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Milliseconds of this process's CPU time to check each file of `set` once: the median
 * of several rounds after a warm-up. CPU time rather than the wall clock, because on a
 * machine shared with other work the wall clock mostly measures the other work.
 */
function perFile(set: readonly BenchFile[], rounds = 7): number {
  const once = () => {
    for (const f of set) loadScenario(f.text, { file: f.file, readFile: f.readFile });
  };
  once();
  once();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const before = process.cpuUsage();
    once();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000 / set.length);
  }
  samples.sort((a, b) => a - b);
  return round(samples[Math.floor(samples.length / 2)] as number);
}

/** The text with the first nested key past its middle indented two spaces further, the slip the indentation search explains. */
function misindent(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line, i) => i > lines.length / 2 && /^ {4,}[a-z]\w*:/.test(line) && /^ +(- )?[a-z]\w*:/.test(lines[i - 1] ?? ''));
  lines[at] = `  ${lines[at]}`;
  return lines.join('\n');
}

/** Mean time per file over the whole library, clean and with one problem each, and the largest file alone. */
export function checkFigures(): Report {
  const files: BenchFile[] = readdirSync('scenarios', { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const folder = join('scenarios', e.name);
      const readFile = (p: string) => {
        try {
          return readFileSync(join(folder, p), 'utf8');
        } catch {
          return undefined;
        }
      };
      return { file: join(folder, 'scenario.yaml'), text: readFileSync(join(folder, 'scenario.yaml'), 'utf8'), readFile };
    });
  // A file with no `goto` to misspell would be timed clean: it is left out of this figure.
  const broken = files.map((f) => ({ ...f, text: f.text.replace(/(goto: [\w-]+)/, '$1x') })).filter((f, i) => f.text !== files[i]?.text);
  const largest = files.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const kB = Math.round(files.reduce((n, f) => n + f.text.length, 0) / files.length / 1024);
  return checkReport({
    files: files.length,
    kB,
    meanMs: perFile(files),
    oneProblemMs: perFile(broken),
    largest: { name: largest.file, kB: Math.round(largest.text.length / 1024), ms: perFile([largest]) },
    misindentedMs: perFile([{ ...largest, text: misindent(largest.text) }]),
  });
}
