import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load.ts';
import { diagnosticLine, reloadScenario } from './reload.ts';
import { Session } from '../run/session.ts';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures');
const text = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
const readFile = (p: string) => {
  try {
    return readFileSync(join(FIXTURES, p), 'utf8');
  } catch {
    return undefined;
  }
};
const source = { file: 'scenarios/minimal/scenario.yaml', readFile };

function runningSession(): Session {
  const scenario = loadScenario(text, { file: source.file, readFile }).scenario;
  if (!scenario) throw new Error('fixture does not load');
  const s = new Session({ scenario, runbooks: new Map(), seed: 7, mode: 'practice', speed: 1, saveable: true }, null);
  for (let i = 0; i < 60; i++) s.step();
  s.ack();
  for (let i = 0; i < 60; i++) s.step();
  s.act('compare-cohorts');
  for (let i = 0; i < 150; i++) s.step();
  return s;
}

describe('reloadScenario', () => {
  it('replays the choices so far on the new version and reaches the same moment', () => {
    const before = runningSession();
    const edited = text.replace('title: Minimal canary incident', 'title: Minimal canary incident, edited');
    const r = reloadScenario(before, edited, source);
    if (!r.ok) throw new Error(r.diagnostics.map(diagnosticLine).join('\n'));
    expect(r.playable.scenario.title).toBe('Minimal canary incident, edited');
    expect(r.session?.run.t).toBe(before.run.t);
    expect(r.session?.choices).toEqual(before.choices);
    expect(r.session?.run.known).toEqual(before.run.known);
    expect(r.resume).toMatchObject({ scenarioId: 'minimal', seed: 7, mode: 'practice', t: before.run.t, choices: before.choices });
  });

  it('an unchanged file rebuilds the very same run (deterministic replay)', () => {
    const before = runningSession();
    const r = reloadScenario(before, text, source);
    if (!r.ok) throw new Error('did not reload');
    expect(JSON.stringify(r.session?.snapshot())).toBe(JSON.stringify(before.snapshot()));
  });

  it('a broken save returns located diagnostics and no session', () => {
    const before = runningSession();
    const r = reloadScenario(before, text.replace('timeLimit: 30m', 'timeLimit: [30m'), source);
    expect(r.ok).toBe(false);
    const first = r.diagnostics.find((d) => d.severity === 'error');
    expect(first).toMatchObject({ file: source.file, severity: 'error' });
    expect(first?.line).toBeGreaterThan(1);
    expect(diagnosticLine(first!)).toMatch(/^scenarios\/minimal\/scenario\.yaml:\d+:\d+ {2}error BR\d{3} — /);
  });

  it('with no run in progress (or another scenario) it only loads', () => {
    const r = reloadScenario(null, text, source);
    expect(r).toMatchObject({ ok: true, session: null, resume: null });
    const other = reloadScenario(runningSession(), text.replace('id: minimal', 'id: other'), source);
    expect(other).toMatchObject({ ok: true, session: null });
  });
});
