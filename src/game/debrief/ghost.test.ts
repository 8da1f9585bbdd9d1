import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load.ts';
import { buildDebrief } from '../../scoring/debrief.ts';
import { runPlaythrough } from '../../sim/runner.ts';
import { divergences, playGhost } from './ghost.ts';

const path = 'scenarios/auth-canary/scenario.yaml';
const scenario = loadScenario(readFileSync(path, 'utf8'), { file: path, readFile: (p) => readFileSync(`scenarios/auth-canary/${p}`, 'utf8') }).scenario!;

describe('the ghost run beside the player', () => {
  const ghost = playGhost(scenario, 4242);

  it('is the scenario\'s L5 reference, played on the player\'s seed to its L5 debrief', () => {
    expect(ghost?.level).toBe('L5');
    expect(ghost?.debrief.seed).toBe(4242);
    expect(ghost?.debrief.overall.level).toBe('L5');
    expect(ghost?.time.length).toBe(ghost?.spent.length);
  });

  it('calls out the rollback a junior took late, and the answer that differed', () => {
    const junior = scenario.scoring.references.find((r) => r.level === 'L1')!;
    const you = buildDebrief(scenario, runPlaythrough(scenario, { seed: 4242, choices: junior.choices }));
    const parted = divergences(you, ghost!.debrief, 'L5');
    const text = parted.map((p) => p.text).join('\n');
    expect(text).toContain('T+00:10:10 L5 did "Abort the canary (back to v2.13.4)"; you did at T+00:27:20, 17m 10s later');
    expect(text).toMatch(/T\+00:20:10 L5 answered "Under 1% of logins hit; rolled back\. Promote…"; you answered "Should be fixed in five minutes\." at T\+00:21:00/);
    expect(text).toContain('T+00:21:10 you did "Restart all user-auth-service pods", an anti-pattern L5 never did');
    expect(parted.map((p) => p.t)).toEqual([...parted.map((p) => p.t)].sort((a, b) => a - b));
  });

  it('finds nothing to call out when the player made the reference\'s own choices', () => {
    const l5 = scenario.scoring.references.find((r) => r.level === 'L5')!;
    const you = buildDebrief(scenario, runPlaythrough(scenario, { seed: 4242, choices: l5.choices }));
    expect(divergences(you, ghost!.debrief, 'L5')).toEqual([]);
  });
});
