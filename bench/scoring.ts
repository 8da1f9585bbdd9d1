/**
 * Scoring figures: full playthroughs with their debrief per second, the scorer alone per
 * second, and the time to explore a scenario's reachable levels. Uses auth-canary, or the
 * scored test fixture when the library scenario is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { Scenario } from '../src/scenario/schema/index.ts';
import { buildDebrief, scoreRun } from '../src/scoring/debrief.ts';
import { exploreLevels } from '../src/scoring/explore.ts';
import { runPlaythrough, type TimedChoice } from '../src/sim/runner.ts';
import { scoringFixture } from '../test/fixtures/scoring-fixture.ts';
import { measure, type Report } from './figure.ts';

const LIBRARY = 'scenarios/auth-canary/scenario.yaml';

function benchScenario(): { scenario: Scenario; name: string } {
  if (existsSync(LIBRARY)) return { scenario: Scenario.parse(YAML.parse(readFileSync(LIBRARY, 'utf8'))), name: 'auth-canary' };
  return { scenario: scoringFixture, name: 'scoring-fixture' };
}

/** What the scoring bench measured, for the scenario named. */
export interface ScoringMeasures {
  scenario: string;
  /** Playthroughs with their debrief per second. */
  debriefed: number;
  /** Assessments of a finished transcript per second. */
  assessed: number;
  /** Fastest exploration of the reachable levels, in milliseconds, and the playthroughs it took. */
  exploreMs: number;
  explored: number;
}

/** The scoring figures and their notes, from what was measured. */
export function scoringReport(m: ScoringMeasures): Report {
  return {
    notes: [
      `scoring: ${m.scenario} references on one core; a playthrough + debrief is engine, evidence, assessment and debrief; an assessment scores a finished transcript`,
      `scoring: exploring the reachable levels took ${m.explored} playthroughs with the default bounds (fastest of 3)`,
    ],
    figures: [
      { name: `${m.scenario} playthroughs + debrief per second`, value: Math.round(m.debriefed), unit: '/s' },
      { name: `${m.scenario} assessments per second`, value: Math.round(m.assessed), unit: '/s' },
      { name: `${m.scenario} explore reachable levels`, value: Math.round(m.exploreMs), unit: 'ms' },
    ],
  };
}

/** Scoring benchmark figures. */
export function scoringFigures(): Report {
  const { scenario, name } = benchScenario();
  const logs: TimedChoice[][] = scenario.scoring.references.map((r) => r.choices.map((c) => ({ ...c })) as TimedChoice[]);
  if (logs.length === 0) logs.push([]);
  let i = 0;
  let seed = 1;
  const full = measure(() => {
    const transcript = runPlaythrough(scenario, { seed: seed++, choices: logs[i++ % logs.length] as TimedChoice[] });
    buildDebrief(scenario, transcript);
  });
  const transcripts = logs.map((choices) => runPlaythrough(scenario, { seed: scenario.seed, choices }));
  const scoreOnly = measure(() => {
    scoreRun(scenario, transcripts[i++ % transcripts.length] as (typeof transcripts)[number]);
  });
  // Exploration is deterministic, so three runs differ only by machine noise: report the fastest.
  const times: number[] = [];
  let explored = 0;
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    explored = exploreLevels(scenario).playthroughs;
    times.push(performance.now() - start);
  }
  return scoringReport({ scenario: name, debriefed: full, assessed: scoreOnly, exploreMs: Math.min(...times), explored });
}
