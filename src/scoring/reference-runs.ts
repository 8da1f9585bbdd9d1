/**
 * What the scenario's own reference playthroughs did, replayed once per scenario object:
 * the budget each spent during the incident, how long each took to stop the bleeding, and
 * in which phases each took which actions. The outcome bound compares a run with these
 * figures, and relevance defaults to "an action is called for in the phases a reference
 * at L2 or above took it in". Pure: the references are replayed with the real engine on
 * their own seeds, never scored (so scoring a reference does not recurse).
 */
import type { Level, Scenario } from '../scenario/schema/index.ts';
import { runPlaythrough } from '../sim/runner.ts';
import { keyTimes } from './key-times.ts';
import { rank } from './ladder.ts';
import { RunIndex } from './occurrences.ts';

/** One reference playthrough's outcome. */
export interface ReferenceOutcome {
  id: string;
  /** The level the scorer must assess it at. */
  level: Level;
  /** Fraction of the window's budget spent during the run. */
  spent: number;
  /** Seconds from the incident's start until the burn stayed below 1× (Infinity: never). */
  timeToMitigate: number;
  /** "actionId phase" for every action it started. */
  actionPhases: Set<string>;
}

/** All references' outcomes, and the actions the L2+ references took per phase. */
export interface ReferenceRuns {
  outcomes: ReferenceOutcome[];
  /** "actionId phase" pairs some reference at L2 or above took. */
  calledFor: Set<string>;
}

const cache = new WeakMap<Scenario, ReferenceRuns>();

/** Replays the scenario's references (once per scenario object) and reads their outcomes. */
export function referenceRuns(scenario: Scenario): ReferenceRuns {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const outcomes: ReferenceOutcome[] = [];
  const calledFor = new Set<string>();
  for (const ref of scenario.scoring.references) {
    const transcript = runPlaythrough(scenario, { seed: ref.seed ?? scenario.seed, choices: ref.choices });
    const index = new RunIndex(scenario, transcript);
    const times = keyTimes(index);
    const actionPhases = new Set<string>();
    for (const r of transcript.records) if (r.kind === 'act') actionPhases.add(`${r.id} ${r.view.phase}`);
    const spent = Math.max(0, transcript.budgetSpent - transcript.budgetSpentAtStart);
    const timeToMitigate = times.incidentStartAt === null ? 0 : (times.timeToMitigate ?? Infinity);
    outcomes.push({ id: ref.id, level: ref.expect, spent, timeToMitigate, actionPhases });
    if (rank(ref.expect) >= 2) for (const p of actionPhases) calledFor.add(p);
  }
  const runs = { outcomes, calledFor };
  cache.set(scenario, runs);
  return runs;
}
