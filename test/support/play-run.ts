/**
 * Plays a scenario for a bounded number of ticks as a restless player would: acknowledges
 * pages, answers prompts, takes whatever is available, all chosen by a seeded generator.
 * Used by the loader fuzz on every mutated file that loads.
 */
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { Run } from '../../src/sim/engine.ts';
import { prng } from './mutate.ts';

/** What one bounded play did. */
export interface PlayFigures {
  ticks: number;
  choices: number;
  ended: string | null;
}

/** Plays up to `ticks` ticks of `scenario`; throws only if the engine does. */
export function playFor(scenario: Scenario, seed: number, ticks: number): PlayFigures {
  const rng = prng(seed);
  const run = new Run(scenario, { seed });
  let choices = 0;
  let n = 0;
  for (; n < ticks && !run.ended; n++) {
    if (rng() < 0.1) {
      run.send({ type: 'ack' });
      choices++;
    }
    const open = run.openPrompts[0];
    if (open && rng() < 0.3) {
      const option = open.prompt.options[Math.floor(rng() * open.prompt.options.length)];
      if (option) run.send({ type: 'choose', prompt: open.prompt.id, option: option.id });
      choices++;
    }
    if (rng() < 0.2) {
      const available = scenario.actions.filter((a) => run.isAvailable(a));
      const action = available[Math.floor(rng() * available.length)];
      if (action) run.send({ type: 'act', action: action.id });
      choices++;
    }
    run.step();
  }
  return { ticks: n, choices, ended: run.ending?.id ?? null };
}
