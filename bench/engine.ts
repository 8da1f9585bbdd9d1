/** Engine figures: full headless playthroughs per second. */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { Scenario } from '../src/scenario/schema/index.ts';
import { runPlaythrough } from '../src/sim/runner.ts';
import { measure, type Report } from './figure.ts';

/** Loads a library scenario without the diagnostics layer (the engine bench needs only the data). */
export function libraryScenario(id: string): Scenario {
  return Scenario.parse(YAML.parse(readFileSync(`scenarios/${id}/scenario.yaml`, 'utf8')));
}

/** What the engine bench measured, in playthroughs per second. */
export interface EngineMeasures {
  hour: number;
  references: number;
}

/** The engine figures and their notes, from what was measured. */
export function engineReport(m: EngineMeasures): Report {
  return {
    notes: [
      'engine: auth-canary on one core, a fresh seed for each playthrough',
      'engine: 60-sim-min runs have nobody acting and early endings off; reference runs play the L1-L5 references to their endings',
    ],
    figures: [
      { name: 'auth-canary 60-sim-min playthroughs per second', value: Math.round(m.hour), unit: '/s' },
      { name: 'auth-canary reference playthroughs per second', value: Math.round(m.references), unit: '/s' },
    ],
  };
}

/**
 * Full playthroughs of the first scenario, each with a fresh seed: (1) exactly 60 sim-minutes
 * with nobody acting — early endings switched off so that no run is cut short; (2) each
 * reference playthrough as written, to its own ending.
 */
export function engineFigures(): Report {
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
  return engineReport({ hour: full, references: played });
}
