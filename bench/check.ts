/** Checker figures: time to load and check one scenario file (parse, schema, references, graph). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../src/scenario/load.ts';
import { measure, type Figure } from './figure.ts';

/** Mean time per file over the whole library, on the quick path and on the positional path alone. */
export function checkFigures(): Figure[] {
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
  const perFile = (quick: boolean) => {
    const rate = measure(() => {
      for (const f of files) loadScenario(f.text, { file: f.file, readFile: f.readFile, quick });
    }, 3);
    return Math.round((1000 / rate / files.length) * 100) / 100;
  };
  const kb = Math.round(files.reduce((n, f) => n + f.text.length, 0) / files.length / 1024);
  return [
    { name: 'check time per file', value: perFile(true), unit: `ms (mean over ${files.length} library scenarios, ${kb} kB each)` },
    { name: 'check time per file, positional parser only', value: perFile(false), unit: 'ms (the path a file with problems takes)' },
  ];
}
