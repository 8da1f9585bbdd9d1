/** Checker figures: time to load and check one scenario file (parse, schema, references, graph). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../src/scenario/load.ts';
import { measure, type Report } from './figure.ts';

/** What the checker bench measured: mean milliseconds per file, over files of a mean size. */
export interface CheckMeasures {
  files: number;
  kB: number;
  quickMs: number;
  oneProblemMs: number;
  positionalMs: number;
}

/** The checker figures and their notes, from what was measured. */
export function checkReport(m: CheckMeasures): Report {
  return {
    notes: [
      `checker: mean over the ${m.files} library scenarios, ${m.kB} kB each on average`,
      'checker: a file with one problem has its first `goto` misspelt; the problem is located by parsing only the entry that holds it',
      'checker: the whole-file positional parse is the fallback for files the quick scan cannot be sure of (tabs, `---`, syntax errors)',
    ],
    figures: [
      { name: 'check time per file', value: m.quickMs, unit: 'ms' },
      { name: 'check time per file, one problem', value: m.oneProblemMs, unit: 'ms' },
      { name: 'check time per file, whole-file positional parse', value: m.positionalMs, unit: 'ms' },
    ],
  };
}

/**
 * Mean time per file over the whole library: clean files, the same files with one problem
 * each, and clean files on the whole-file positional path alone.
 */
export function checkFigures(): Report {
  const files = readdirSync('scenarios', { withFileTypes: true })
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
  const perFile = (set: typeof files, quick: boolean) => {
    const rate = measure(() => {
      for (const f of set) loadScenario(f.text, { file: f.file, readFile: f.readFile, quick });
    }, 3);
    return Math.round((1000 / rate / set.length) * 100) / 100;
  };
  const kB = Math.round(files.reduce((n, f) => n + f.text.length, 0) / files.length / 1024);
  return checkReport({
    files: files.length,
    kB,
    quickMs: perFile(files, true),
    oneProblemMs: perFile(broken, true),
    positionalMs: perFile(files, false),
  });
}
