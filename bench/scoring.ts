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
import { measure, type Figure } from './figure.ts';

const LIBRARY = 'scenarios/auth-canary/scenario.yaml';

function benchScenario(): { scenario: Scenario; name: string } {
  if (existsSync(LIBRARY)) return { scenario: Scenario.parse(YAML.parse(readFileSync(LIBRARY, 'utf8'))), name: 'auth-canary' };
  return { scenario: scoringFixture, name: 'scoring fixture' };
}

/** Scoring benchmark figures, each `{ name, value, unit }`. */
export function scoringFigures(): Figure[] {
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
  return [
    { name: 'playthroughs + debrief per second', value: Math.round(full), unit: `/s (${name} references, engine + evidence + assessment + debrief, one core)` },
    { name: 'assessments per second', value: Math.round(scoreOnly), unit: `/s (${name} references, scoring a finished transcript)` },
    { name: 'explore reachable levels', value: Math.round(Math.min(...times)), unit: `ms (${name}, ${explored} playthroughs, default bounds)` },
  ];
}
