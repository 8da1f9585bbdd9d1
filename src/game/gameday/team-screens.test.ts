import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/scenario-files.ts';
import type { Member, Truth } from '../../server/protocol.ts';
import { Run } from '../../sim/engine.ts';
import { snapshotOf } from '../../sim/snapshot.ts';
import { consoleCard, spaceControl, speedStep } from './console-steps.ts';
import { referenceRows, rosterLines } from './console-view.ts';
import { stepOptions, typeStatus, type CommandContext } from './team-command.ts';
import { describeEntry, playerFeed } from './team-text.ts';
import { rosterLine } from './team-view.ts';

const scenario = loadScenarioFile('scenarios/auth-canary/scenario.yaml').scenario!;
const actions = snapshotOf(new Run(scenario, { seed: 1 })).actions;
const roster: Member[] = [
  { id: 'p1', name: 'Ana', seat: 'ic', out: false, connected: true },
  { id: 'p2', name: 'Bo', seat: 'ops', out: false, connected: true },
  { id: 'p3', name: 'Cy', seat: 'ops', out: false, connected: false },
  { id: 'p4', name: 'Di', seat: 'comms', out: false, connected: true },
  { id: 'p5', name: 'Room', seat: 'projector', out: false, connected: true },
];
const ctx = (id: string): CommandContext => ({ me: { id, seat: roster.find((m) => m.id === id)!.seat }, roster, scenario, actions });
const clock = { t: 0, started: false, paused: false, speed: 1 as const, ended: null };

describe('talking to the team', () => {
  it('offers the commander assign, ask and hand over; operations only a status report', () => {
    expect(stepOptions({ kind: 'menu' }, ctx('p1')).map((o) => o.label)).toEqual([
      'Report status to the room (type a line)',
      'Assign a task to someone',
      'Ask for status',
      'Hand over command',
    ]);
    expect(stepOptions({ kind: 'menu' }, ctx('p2')).map((o) => o.label)).toEqual(['Report status to the room (type a line)']);
  });

  it('assigns an operator a task from the work their seat may do, sent as the action id', () => {
    const who = stepOptions({ kind: 'who', purpose: 'assign' }, ctx('p1'));
    expect(who.map((o) => o.label)).toEqual(['Bo — Operations', 'Cy — Operations (offline)', 'Di — Communications']);
    const tasks = stepOptions(who[0]!.next!, ctx('p1'));
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.send?.type === 'assign')).toBe(true);
    const kinds = new Set(tasks.map((t) => scenario.actions.find((a) => t.send?.type === 'assign' && a.id === t.send.payload.task)?.kind));
    expect([...kinds].every((k) => k === 'investigate' || k === 'mitigate')).toBe(true);
  });

  it('offers to take command only when nobody holds it', () => {
    const noIc = roster.map((m) => (m.id === 'p1' ? { ...m, out: true } : m));
    expect(stepOptions({ kind: 'menu' }, { ...ctx('p2'), roster: noIc }).at(-1)?.send).toEqual({ type: 'takeCommand', payload: {} });
  });

  it('sends a typed status line, trimmed; an empty one sends nothing', () => {
    let step = { kind: 'status' as const, text: '' };
    for (const k of [' ', ...'rolled back', 'Backspace', 'k']) step = typeStatus(step, k);
    expect(stepOptions(step, ctx('p2'))[0]?.send).toEqual({ type: 'status', payload: { text: 'rolled back' } });
    expect(stepOptions({ kind: 'status', text: '  ' }, ctx('p2'))).toEqual([]);
  });
});

describe('the facilitator console', () => {
  it('Space starts, then pauses and resumes; speed steps stop at the ends', () => {
    expect(spaceControl(clock)).toEqual({ op: 'start' });
    expect(spaceControl({ ...clock, started: true })).toEqual({ op: 'pause' });
    expect(spaceControl({ ...clock, started: true, paused: true })).toEqual({ op: 'resume' });
    expect(spaceControl({ ...clock, ended: { at: 5, by: 'facilitator' } })).toBeNull();
    expect(speedStep(clock, 1)).toEqual({ op: 'speed', speed: 2 });
    expect(speedStep(clock, -1)).toBeNull();
  });

  it('confirms before taking a player out, and never offers the projector', () => {
    const card = consoleCard({ kind: 'remove-who' }, { clock, roster, truth: null });
    expect(card.options.map((o) => o.label)).toEqual(['Ana — Incident Commander', 'Bo — Operations', 'Cy — Operations', 'Di — Communications']);
    const confirm = consoleCard(card.options[1]!.next!, { clock, roster, truth: null });
    expect(confirm.options[0]?.send).toEqual({ op: 'remove', player: 'p2' });
  });

  it('lists the reference around now with the next step marked', () => {
    const truth = { reference: [
      { at: 60, label: 'Read the runbook', role: 'ops' },
      { at: 120, label: 'Who leads? → "Ana leads"', role: 'ic' },
      { at: 600, label: 'Roll back', role: 'ops' },
    ] } as Truth;
    expect(referenceRows(truth, 130)).toEqual([
      { mark: '·', text: '00:01:00  Ops · Read the runbook' },
      { mark: '·', text: '00:02:00  IC · decide: "Ana leads"' },
      { mark: '▶', text: '00:10:00  Ops · Roll back' },
    ]);
  });

  it('shows who is offline and who was taken out', () => {
    expect(rosterLines([{ ...roster[0]!, out: true }, roster[2]!])).toEqual(['✕ Ana — Incident Commander (taken out)', '○ Cy — Operations (offline)']);
  });
});

describe('the team feed', () => {
  const nameOf = (id: string) => roster.find((m) => m.id === id)?.name ?? id;
  it('says who did what in plain words, with the seat they held', () => {
    const line = describeEntry({ seq: 4, t: 65, player: 'p1', role: 'ic', event: { type: 'assign', to: 'p2', task: 'check-deploys' } }, scenario, nameOf);
    expect(line?.head).toBe('T+00:01:05 · Ana (IC)');
    expect(line?.body).toBe(`assigned Bo: ${scenario.actions.find((a) => a.id === 'check-deploys')!.label}`);
  });

  it('keeps the facilitator\'s injects and messages out of the players\' feed', () => {
    const log = [
      { seq: 1, t: 0, player: 'facilitator', role: 'facilitator' as const, event: { type: 'say' as const, from: 'dana', text: 'Any news?' } },
      { seq: 2, t: 5, player: 'p2', role: 'ops' as const, event: { type: 'ack' as const } },
    ];
    expect(playerFeed(log, scenario, nameOf).map((l) => l.body)).toEqual(['acknowledged the page']);
  });

  it('puts the roster in one line, the commander first', () => {
    expect(rosterLine(roster)).toBe('IC: Ana · Ops: Bo, Cy (offline) · Comms: Di');
    expect(rosterLine(roster.slice(1))).toMatch(/^IC: nobody/);
  });
});

describe('status updates in a drill', () => {
  it('are signed by whoever sent them, and are "You" only on the sender\'s desk', async () => {
    const { signedMessages } = await import('./team-text.ts');
    const own = { t: 130, from: 'you', name: 'You', role: 'on call', text: 'We are on it', own: true };
    const events = [{ t: 130, type: 'action.done' as const, action: 'status-update', result: null, by: 'p4' }];
    const who = (id: string) => (id === 'p4' ? { name: 'Di', seat: 'comms' as const } : null);
    expect(signedMessages([own], events, scenario, who, 'p2')[0]).toMatchObject({ own: false, name: 'Di (Comms)', role: 'status update' });
    expect(signedMessages([own], events, scenario, who, 'p4')[0]).toEqual(own);
  });
});

describe('the team desk briefing', () => {
  it('tells the seats that post status updates how, and the others who does; nobody is told they can pause', async () => {
    const { briefingCard } = await import('./team-desk-cards.ts');
    const drill = loadScenarioFile('scenarios/team-checkout-cascade/scenario.yaml').scenario!;
    const body = (seat: 'ic' | 'ops' | 'comms') => briefingCard('K7QX2M', seat, drill, () => undefined).body;
    expect(body('comms')).toMatch(/You write the status updates: .* each is checked against the run\.$/);
    expect(body('ic')).toMatch(/You write the status updates/);
    expect(body('ops')).toMatch(/Communications writes the status updates\.$/);
    for (const seat of ['ic', 'ops', 'comms'] as const) expect(body(seat)).toMatch(/The facilitator starts and pauses the clock/);
    const silent = { ...drill, actions: drill.actions.map((a) => ({ ...a, statusUpdate: false })) };
    expect(briefingCard('K7QX2M', 'comms', silent, () => undefined).body).not.toMatch(/status updates/);
  });
});
