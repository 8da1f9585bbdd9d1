import { describe, expect, it } from 'vitest';
import { fixture, fixtureInput } from '../../test/fixtures/sim-fixture.ts';
import { Scenario } from '../scenario/schema/index.ts';
import { Run } from './engine.ts';
import type { RunEvent } from './events.ts';
import { runPlaythrough } from './runner.ts';

const phasesOf = (events: RunEvent[]) => events.flatMap((e) => (e.type === "phase" ? [e.phase] : []));

describe('a run', () => {
  it('moves through phases on its own by sim time', () => {
    const run = new Run(fixture, { seed: 7 });
    expect(run.phase).toBe('calm');
    for (let i = 0; i < 11; i++) run.step();
    expect(run.t).toBe(110);
    expect(run.phase).toBe('calm');
    run.step();
    expect(run.phase).toBe('bad');
  });

  it('moves telemetry per cohort: the canary fails, the stable cohort stays healthy', () => {
    const tr = runPlaythrough(fixture, { seed: 3, choices: [] });
    const at = tr.time.indexOf(600);
    expect(tr.series['canary.errorRatio']?.[at]).toBeGreaterThan(0.3);
    expect(tr.series['stable.errorRatio']?.[at]).toBeLessThan(0.001);
    // the service-wide ratio carries about a tenth of the canary's
    const service = tr.series['service.errorRatio']?.[at] as number;
    expect(service).toBeGreaterThan(0.03);
    expect(service).toBeLessThan(0.08);
  });

  it('burns the budget until it is exhausted when nobody acts', () => {
    const input = structuredClone(fixtureInput);
    input.service.slos[0]!.budgetSpentAtStart = 0.95;
    input.phases[1]!.onEnter!.telemetry![0]!.to = 1;
    const tr = runPlaythrough(Scenario.parse(input), { seed: 3, choices: [] });
    expect(tr.ending?.outcome).toBe('exhausted');
    expect(tr.budgetSpent).toBeGreaterThan(1);
    // A canary failing outright on 10% of traffic is a 100x burn at 99.9%: the 5% left of a
    // 43.2-minute budget lasts 0.05 × 2592 s ÷ 0.1 after the failure starts at 2 minutes.
    const expected = 120 + (0.05 * 2592) / 0.1;
    expect(tr.ending?.at).toBeGreaterThan(expected * 0.9);
    expect(tr.ending?.at).toBeLessThan(expected * 1.1);
  });

  it('pages through the burn-rate alert as the workbook predicts, while the static alert stays quiet', () => {
    const tr = runPlaythrough(fixture, { seed: 3, choices: [] });
    const pages = tr.events.filter((e) => e.type === 'page');
    expect(pages.map((p) => (p as { alert: string }).alert)).toEqual(['burn-fast']);
    // 5% service errors: the 1 h window crosses 14.4 × 0.1% after 3600 × 14.4 × 0.001 / 0.05 ≈ 1037 s
    expect(pages[0]!.t).toBeGreaterThanOrEqual(120 + 1037 - 60);
    expect(pages[0]!.t).toBeLessThanOrEqual(120 + 1037 + 60);
  });

  it('is resolved by rolling back, with effects landing when the action completes', () => {
    const tr = runPlaythrough(fixture, { seed: 3, choices: [{ at: 180, do: 'rollback' }] });
    expect(phasesOf(tr.events)).toEqual(['calm', 'bad', 'recovering']);
    const done = tr.events.find((e) => e.type === 'action.done');
    expect(done?.t).toBe(240);
    expect(tr.ending).toMatchObject({ id: 'resolved', outcome: 'resolved', at: 540 });
  });

  it('refuses an action outside its phases and records the refusal', () => {
    const tr = runPlaythrough(fixture, { seed: 3, choices: [{ at: 0, do: 'rollback' }, { at: 10, do: 'promote' }] });
    expect(tr.events.find((e) => e.type === 'rejected')).toMatchObject({ what: 'rollback', reason: 'not available now' });
    expect(tr.ending?.outcome).toBe('worse');
  });

  it('queues a choice made while the player is busy', () => {
    const tr = runPlaythrough(fixture, { seed: 3, choices: [{ at: 130, do: 'look' }, { at: 140, do: 'rollback' }] });
    const start = tr.events.filter((e) => e.type === 'action.start').map((e) => [e.t, (e as { action: string }).action]);
    expect(start).toEqual([[130, 'look'], [250, 'rollback']]);
  });

  it('opens a prompt on a condition and takes the default when it times out', () => {
    const run = new Run(fixture, { seed: 1 });
    while (!run.firing.has('burn-fast') && !run.ended) run.step();
    run.send({ type: 'ack' });
    expect(run.acked).toBe(true);
    run.step();
    expect(run.openPrompts.map((p) => p.prompt.id)).toEqual(['declare']);
    for (let i = 0; i < 61; i++) run.step();
    expect(run.openPrompts).toHaveLength(0);
    expect(run.chosen.has('declare.no')).toBe(true);
  });

  it('declares severity through a prompt answer and records the choice with its context', () => {
    const run = new Run(fixture, { seed: 1 });
    while (!run.firing.has('burn-fast')) run.step();
    run.send({ type: 'ack' });
    run.step();
    run.send({ type: 'choose', prompt: 'declare', option: 'sev2' });
    expect(run.severity).toBe('SEV2');
    const record = run.choices.at(-1);
    expect(record).toMatchObject({ kind: 'choose', id: 'declare.sev2' });
    expect(record?.view.acked).toBe(true);
    expect(record?.view.phase).toBe('bad');
  });

  it('silencing an alert resolves it and keeps it quiet', () => {
    const run = new Run(fixture, { seed: 1 });
    while (!run.firing.has('burn-fast') && run.t < 2400) run.step();
    expect(run.firing.has('burn-fast')).toBe(true);
    run.send({ type: 'act', action: 'quiet' });
    for (let i = 0; i < 30; i++) run.step();
    expect(run.firing.has('burn-fast')).toBe(false);
    expect(run.alerts.status.find((a) => a.id === 'burn-fast')?.state).toBe('resolved');
  });

  it('sends a stakeholder message when there has been no update for 20 minutes', () => {
    const tr = runPlaythrough(fixture, { seed: 2, choices: [] });
    const msg = tr.events.find((e) => e.type === 'message');
    expect(msg).toMatchObject({ from: 'boss', text: 'ETA?', t: 1200 });
  });

  it('streams phase logs in time order', () => {
    const tr = runPlaythrough(fixture, { seed: 2, choices: [{ at: 600, do: 'rollback' }] });
    const logs = tr.logs.toArray();
    expect(logs.length).toBeGreaterThan(10);
    expect(logs[0]).toMatchObject({ level: 'error', source: 'canary-pod', text: 'token check failed' });
    for (let i = 1; i < logs.length; i++) expect(logs[i]!.t).toBeGreaterThanOrEqual(logs[i - 1]!.t);
  });

  it('ends at the time limit', () => {
    const calm = Scenario.parse({ ...fixtureInput, phases: [{ id: 'calm', title: 'Calm' }, { id: 'bad', title: 'Bad' }, { id: 'recovering', title: 'R' }] });
    const tr = runPlaythrough(calm, { seed: 2, choices: [] });
    expect(tr.ending).toMatchObject({ outcome: 'timeout', at: 3600 });
  });

  it('replays bit for bit from the same seed and choices, and differs with another seed', () => {
    const choices = [{ at: 300, do: 'look' }, { at: 400, do: 'rollback' }];
    const a = runPlaythrough(fixture, { seed: 11, choices });
    const b = runPlaythrough(fixture, { seed: 11, choices });
    const c = runPlaythrough(fixture, { seed: 12, choices });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.series)).not.toBe(JSON.stringify(c.series));
  });
});

describe('delayed effects', () => {
  it('a later effect on the same metric cancels one still waiting to start', () => {
    const input = structuredClone(fixtureInput);
    // the canary fails 5 minutes after the bad phase begins; rolling back before then must prevent it
    input.phases[1]!.onEnter!.telemetry![0]!.delay = '5m';
    const scenario = Scenario.parse(input);
    const tr = runPlaythrough(scenario, { seed: 4, choices: [{ at: 130, do: 'rollback' }] });
    const canary = tr.series['canary.errorRatio']!;
    expect(Math.max(...canary)).toBeLessThan(0.01);
    const untouched = runPlaythrough(scenario, { seed: 4, choices: [] });
    expect(Math.max(...untouched.series['canary.errorRatio']!)).toBeGreaterThan(0.3);
  });
});

describe('conditions with alternatives', () => {
  it('anyOf holds when one alternative does', () => {
    const input = structuredClone(fixtureInput);
    // the boss asks as soon as the player has either compared cohorts or acknowledged a page
    input.messages = [{ id: 'eta', from: 'boss', text: 'Anything?', when: { anyOf: [{ done: ['look'] }, { acked: true }] } }];
    const scenario = Scenario.parse(input);
    const looked = runPlaythrough(scenario, { seed: 1, choices: [{ at: 0, do: 'look' }] });
    expect(looked.events.find((e) => e.type === 'message')?.t).toBe(120);
    const idle = runPlaythrough(scenario, { seed: 1, choices: [] });
    expect(idle.events.find((e) => e.type === 'message')).toBeUndefined();
  });
});
