/** `npm run bench`: prints each figure as `name: value unit`. */
import { checkFigures } from './check.ts';
import { engineFigures } from './engine.ts';
import { printFigure, type Figure } from './figure.ts';
import { scoringFigures } from './scoring.ts';

const groups: Array<[string, () => Figure[] | Promise<Figure[]>]> = [
  ['engine', engineFigures],
  ['checker', checkFigures],
  ['scoring', scoringFigures],
];

for (const [name, run] of groups) {
  try {
    for (const figure of await run()) printFigure(figure);
  } catch (err) {
    console.error(`${name} benchmark failed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
