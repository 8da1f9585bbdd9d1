/**
 * How seeded random play scores, per library scenario: 1,000 random playthroughs that
 * avoid anti-patterns, the share assessed at each level. The scoring promise is that
 * random play reads as a lead (L4 or above) in under 1% of runs; the test suite plays 40
 * per scenario, this is the full figure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../src/scenario/load.ts';
import { LEVELS } from '../src/scenario/schema/index.ts';
import { assessRun } from '../src/scoring/debrief.ts';
import { checkPersonas } from '../src/scoring/personas.ts';
import type { Figure, Report } from './figure.ts';

/** Random playthroughs per scenario. */
export const RANDOM_RUNS = 1000;

function library(): Array<{ id: string; text: string; folder: string }> {
  const root = join(import.meta.dirname, '..', 'scenarios');
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'scenario.yaml')))
    .map((e) => ({ id: e.name, folder: join(root, e.name), text: readFileSync(join(root, e.name, 'scenario.yaml'), 'utf8') }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Per scenario: the percentage of random runs at each level and at L4 or above. */
export function personaFigures(runs = RANDOM_RUNS): Report {
  const figures: Figure[] = [];
  for (const { id, text, folder } of library()) {
    const { scenario } = loadScenario(text, {
      file: `scenarios/${id}/scenario.yaml`,
      readFile: (p) => {
        try {
          return readFileSync(join(folder, p), 'utf8');
        } catch {
          return undefined;
        }
      },
    });
    if (!scenario) continue;
    const { random } = checkPersonas(scenario, (t) => assessRun(scenario, t), { randomRuns: runs });
    for (const level of LEVELS) figures.push({ name: `${id} random play assessed ${level}`, value: (random.counts[level] / runs) * 100, unit: '%' });
    figures.push({ name: `${id} random play assessed L4 or above`, value: random.highShare * 100, unit: '%' });
  }
  return {
    notes: [
      `Random play: ${runs} seeded playthroughs per library scenario that avoid anti-patterns (random actions every 30 s to 5 min, random answers, random status-update content).`,
      'The share assessed at each level, in percent; L4 or above must stay under 1%.',
    ],
    figures,
  };
}
