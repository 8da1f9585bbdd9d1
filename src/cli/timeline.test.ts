import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureReader, MINIMAL } from '../../test/support/scenario-text.ts';
import { loadScenario } from '../scenario/load.ts';
import { main } from './main.ts';
import { clock, idleTimeline } from './timeline.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const minimal = MINIMAL;
const readFile = fixtureReader();
const load = (text: string) => {
  const r = loadScenario(text, { file: 'minimal.yaml', readFile });
  if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.scenario;
};

describe('check --timeline', () => {
  it('lists what happens if nobody acts: phase starts, the ending, and says when no page fired', () => {
    expect(idleTimeline(load(minimal))).toEqual([
      { t: 0, what: 'phase `failing` starts: Canary failing' },
      { t: 1800, what: 'the run ends: `timed-out` (timeout), Out of time' },
      { t: 1800, what: 'no page fired before the run ended' },
    ]);
  });

  it('moves with the scenario: a shorter time limit ends the idle run sooner', () => {
    const entries = idleTimeline(load(minimal.replace('timeLimit: 30m', 'timeLimit: 12m')));
    expect(entries.find((e) => e.what.startsWith('the run ends'))?.t).toBe(720);
  });

  it('prints the first page and the budget running out, in time order, for a library scenario', async () => {
    const out: string[] = [];
    const code = await main(['check', '--timeline', 'scenarios/auth-canary/scenario.yaml'], { cwd: ROOT, stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
    expect(code).toBe(0);
    const text = out.join('\n');
    const block = text.slice(text.indexOf('scenarios/auth-canary/scenario.yaml: if nobody acts (seed 1)'));
    expect(block).toMatch(/first page: alert `\w+`/);
    const lines = block.split('\n').slice(1).filter((l) => /^ {2}/.test(l));
    const exhausted = lines.findIndex((l) => l.includes('error budget exhausted'));
    const ends = lines.findIndex((l) => l.includes('the run ends'));
    expect(exhausted).toBeGreaterThan(-1);
    expect(ends).toBe(exhausted + 1);
  });

  it('writes sim time as an author does', () => {
    expect([0, 45, 90, 600, 3900, 7200].map(clock)).toEqual(['0s', '45s', '1m 30s', '10m', '1h 5m', '2h']);
  });
});
