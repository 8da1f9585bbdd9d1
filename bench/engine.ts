/** Engine figures: full headless playthroughs per second. */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { Scenario } from '../src/scenario/schema/index.ts';
import { runPlaythrough } from '../src/sim/runner.ts';
import type { Figure } from './figure.ts';
import { measure } from './figure.ts';

/** Loads a library scenario without the diagnostics layer (the engine bench needs only the data). */
export function libraryScenario(id: string): Scenario {
  return Scenario.parse(YAML.parse(readFileSync(`scenarios/${id}/scenario.yaml`, 'utf8')));
}

/**
 * Full playthroughs of the first scenario, each with a fresh seed: (1) exactly 60 sim-minutes
 * with nobody acting — early endings switched off so that no run is cut short; (2) each
 * reference playthrough as written, to its own ending.
 */
export function engineFigures(): Figure[] {
  const base = libraryScenario('auth-canary');
  const hour: Scenario = { ...base, timeLimit: 3600, endings: base.endings.map((e) => ({ ...e, when: undefined })) };
  let seed = 1;
  const full = measure(() => {
    runPlaythrough(hour, { seed: seed++, choices: [] });
  });
  const refs = base.scoring.references;
  let i = 0;
  const played = refs.length
    ? measure(() => {
        const ref = refs[i++ % refs.length]!;
        runPlaythrough(base, { seed: seed++, choices: ref.choices });
      })
    : 0;
  return [
    { name: 'playthroughs per second', value: Math.round(full), unit: '/s (auth-canary, 60 sim-min, one core)' },
    { name: 'reference playthroughs per second', value: Math.round(played), unit: '/s (auth-canary L1-L5 references, to their endings)' },
  ];
}
