/**
 * Long checks: the scoring exploration stops at a tick budget and says so, and a check
 * that takes a while says how far it has got.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureReader } from '../../test/support/scenario-text.ts';
import { loadScenario } from '../scenario/load.ts';
import { exploreLevels } from '../scoring/explore.ts';
import { progressReporter } from './check.ts';
import { scoringCheck } from './scoring-check.ts';

const FILE = join(FIXTURES, 'hostile', 'long-72h.yaml');
const loaded = () => loadScenario(readFileSync(FILE, 'utf8'), { file: 'long-72h.yaml', readFile: fixtureReader(join(FIXTURES, 'hostile')) });

describe('a long check', () => {
  it('stops exploring a 72-hour, 1-second-tick scenario at its tick budget, saying it was cut short', () => {
    const scenario = loaded().scenario;
    if (!scenario) throw new Error('the fixture should load');
    const report = exploreLevels(scenario, { playthroughs: 400, repairBudget: 100, maxTicks: 600_000 });
    expect(report.cutShort).toBe(true);
    expect(report.ticks).toBeLessThanOrEqual(600_000);
    // The reference playthrough and one policy playthrough fit in the budget; the rest do not.
    expect(report.playthroughs).toBe(2);
  });

  it('says in the summary that the search was cut short, and claims no unreachable level', () => {
    const summaries: string[] = [];
    const result = loaded();
    const diagnostics = scoringCheck(result, FILE, 'long-72h.yaml', summaries, undefined, { maxTicks: 600_000 });
    expect(summaries[0]).toMatch(/explored playthroughs reach .*\(cut short at its budget of [\d,]+ simulated ticks, so levels it did not reach and evidence it did not see are not reported\)(;|$)/);
    // Random play keeps to the same budget: 259,201 ticks a run at most, so two of the hundred fit.
    expect(summaries[0]).toMatch(/; play styles \d\/\d within their bounds, \d of 2 random runs at L4\+ \(cut short: 2 of 100 fit the same budget\)$/);
    expect(diagnostics.filter((d) => ['BR064', 'BR065', 'BR067'].includes(d.code))).toEqual([]);
  });

  it('prints progress every two seconds once a check runs long, nothing before, and nothing where no one watches', () => {
    const lines: string[] = [];
    let clock = 0;
    const io = { stdout: () => undefined, stderr: () => undefined, progress: (t: string) => lines.push(t), cwd: '/' };
    const report = progressReporter(io, 'long.yaml', () => clock);
    if (!report) throw new Error('a terminal gets progress');
    expect(progressReporter({ ...io, progress: undefined } as never, 'long.yaml')).toBeUndefined();
    report(25, 401);
    clock = 1500;
    report(50, 401);
    expect(lines).toEqual([]);
    clock = 2100;
    report(75, 401);
    clock = 3000;
    report(100, 401);
    clock = 4200;
    report(125, 401);
    expect(lines).toEqual(['long.yaml: exploring play, 75 of up to 401 playthroughs…', 'long.yaml: exploring play, 125 of up to 401 playthroughs…']);
  });
});
