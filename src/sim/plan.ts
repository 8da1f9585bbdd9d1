/** What every run of a scenario shares, made once per scenario object and kept while it lives. */
import type { Action, Prompt, Scenario } from '../scenario/schema/index.ts';
import { PhaseLogic } from './machine.ts';
import { seriesKeys } from './recorder.ts';

export interface Plan {
  logic: PhaseLogic;
  actionsById: ReadonlyMap<string, Action>;
  promptsById: ReadonlyMap<string, Prompt>;
  endingsWithWhen: Scenario['endings'];
  seriesKeys: readonly string[];
}
const plans = new WeakMap<Scenario, Plan>();

export function planOf(scenario: Scenario): Plan {
  let plan = plans.get(scenario);
  if (!plan) {
    plan = {
      logic: new PhaseLogic(scenario),
      actionsById: new Map(scenario.actions.map((a) => [a.id, a])),
      promptsById: new Map(scenario.prompts.map((p) => [p.id, p])),
      endingsWithWhen: scenario.endings.filter((e) => e.when),
      seriesKeys: seriesKeys(scenario),
    };
    plans.set(scenario, plan);
  }
  return plan;
}
