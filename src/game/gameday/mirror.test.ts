import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/scenario-files.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import { snapshotOf } from '../../sim/snapshot.ts';
import { FACILITATOR, TeamRun } from '../../sim/team.ts';
import type { TeamLogEntry } from '../../sim/team-log.ts';
import type { RoomMessage, Welcome } from '../browser/room-client.ts';
import { TeamMirror } from './mirror.ts';
import { actRequest, composesUpdate } from './seat-requests.ts';
import { playerFeed } from './team-text.ts';

function scenario(id: string): Scenario {
  const r = loadScenarioFile(`scenarios/${id}/scenario.yaml`);
  if (!r.scenario) throw new Error(`${id} does not load`);
  return r.scenario;
}

/** A room as the server runs it: a TeamRun, and every message it would broadcast, in order. */
function room(s: Scenario) {
  const team = new TeamRun(s, { seed: 7 });
  const sent: RoomMessage[] = [];
  const accept = (r: ReturnType<TeamRun['request']>) => {
    if (!r.ok) throw new Error(r.reason);
    sent.push({ type: 'log', payload: { entries: [r.entry] } });
    sent.push({ type: 'clock', payload: team.clock });
    return r.entry;
  };
  const welcome = (you: string): Welcome => ({
    code: 'K7QX2M',
    you: { id: you, name: team.members.get(you)?.name ?? you, seat: team.members.get(you)?.seat ?? 'facilitator' },
    scenarioId: s.id,
    scenarioTitle: s.title,
    seed: 7,
    roster: [...team.members.values()].map((m) => ({ ...m, connected: true })),
    log: [...team.log] as TeamLogEntry[],
    clock: team.clock,
  });
  return {
    team,
    sent,
    welcome,
    join: (name: string, seat: 'ic' | 'ops' | 'comms') => accept(team.join(name, seat)).player,
    request: (player: string, event: Parameters<TeamRun['request']>[1]) => accept(team.request(player, event)),
    /** Real time passing: the clock moves in frames and each frame is broadcast. */
    run: (until: number) => {
      while (team.run.t < until && !team.ended) {
        team.stepTo(Math.min(until, team.run.t + 25));
        sent.push({ type: 'clock', payload: team.clock });
      }
    },
  };
}

describe('a browser replaying the room', () => {
  it('ends with the same run as the server, for a player there from the start and one who joined late', () => {
    const s = scenario('auth-canary');
    const r = room(s);
    const ic = r.join('Ana', 'ic');
    const ops = r.join('Bo', 'ops');
    const early = new TeamMirror(s, r.welcome(ops));
    let cursor = r.sent.length;
    r.request(FACILITATOR, { type: 'start' });
    r.run(540);
    r.request(ic, { type: 'choose', prompt: 'support-report', option: 'look-now' });
    r.request(ops, { type: 'act', action: 'read-error-runbook' });
    r.run(610);
    r.request(ops, { type: 'act', action: 'check-deploys' });
    // Someone joins mid-drill: the welcome carries the whole log so far.
    const comms = r.join('Di', 'comms');
    const late = new TeamMirror(s, r.welcome(comms));
    const lateFrom = r.sent.length;
    r.run(660);
    r.request(ic, { type: 'choose', prompt: 'declare', option: 'sev3' });
    r.run(900);
    r.request(ops, { type: 'act', action: 'tail-canary-logs' });
    for (; cursor < r.sent.length; cursor++) early.apply(r.sent[cursor] as RoomMessage);
    for (let i = lateFrom; i < r.sent.length; i++) late.apply(r.sent[i] as RoomMessage);

    // Each desk shows its own person's lane of work over the same run.
    expect(r.team.run.t).toBe(900);
    expect(early.snapshot()).toEqual(snapshotOf(r.team.run, { lane: ops }));
    expect(late.snapshot()).toEqual(snapshotOf(r.team.run, { lane: comms }));
    expect(early.snapshot().busy?.action).toBe('tail-canary-logs');
    expect(late.snapshot().busy).toBeNull();
    expect(early.run.events).toEqual(r.team.run.events);
    expect(early.log.map((e) => e.seq)).toEqual(r.team.log.map((e) => e.seq));
  });

  it('ignores an entry it already has, as a reconnect may resend it', () => {
    const s = scenario('auth-canary');
    const r = room(s);
    const ops = r.join('Bo', 'ops');
    const m = new TeamMirror(s, r.welcome(ops));
    const from = r.sent.length;
    r.request(FACILITATOR, { type: 'start' });
    const entry = r.request(ops, { type: 'act', action: 'read-error-runbook' });
    for (const msg of r.sent.slice(from)) m.apply(msg);
    m.apply({ type: 'log', payload: { entries: [entry] } });
    expect(m.log).toHaveLength(3);
    expect(m.run.events.filter((e) => e.type === 'action.start')).toHaveLength(1);
  });
});

describe('a status update from a team desk', () => {
  it('opens the composer for the seats that post updates, sends what it says, and every desk shows the words', () => {
    const s = scenario('team-checkout-cascade');
    const r = room(s);
    const ic = r.join('Ana', 'ic');
    const ops = r.join('Bo', 'ops');
    const comms = r.join('Di', 'comms');
    const desks = new Map([ic, ops, comms].map((id) => [id, new TeamMirror(s, r.welcome(id))]));
    let cursor = r.sent.length;
    const deliver = () => {
      for (; cursor < r.sent.length; cursor++) for (const d of desks.values()) d.apply(r.sent[cursor] as RoomMessage);
    };
    r.request(FACILITATOR, { type: 'start' });
    r.run(300);
    deliver();
    const di = desks.get(comms)!;
    const bo = desks.get(ops)!;
    // The key of a status update opens the composer (no request yet) for Communications and the commander only.
    expect(composesUpdate(di, 'status-page-first')).toBe(true);
    expect(composesUpdate(desks.get(ic)!, 'status-page-first')).toBe(true);
    expect(composesUpdate(bo, 'status-page-first')).toBe(false);
    expect(composesUpdate(di, 'support-update')).toBe(false);
    expect(actRequest(di, 'status-page-first')).toBeNull();
    const update = { impact: 'ongoing', known: 'symptoms', doing: 'investigating', next: '15m' } as const;
    expect(actRequest(di, 'support-update', update)).toBeNull();
    const request = actRequest(di, 'status-page-first', update);
    expect(request).toEqual({ type: 'act', payload: { action: 'status-page-first', update } });
    r.request(comms, { type: 'act', ...request!.payload } as never);
    r.run(400);
    deliver();
    // Bo's desk shows Di's post with its words; the feed says what it said.
    const said = bo.snapshot().messages.find((m) => m.from === 'you');
    expect(said?.text).toBe('Post on the status page: checkout failing — Customers are affected now; We know what is failing, not yet why; Investigating; Next update in 15 minutes');
    const line = playerFeed(bo.log, s, (id) => bo.nameOf(id)).at(-1);
    expect(line?.body).toBe('sent: Post on the status page: checkout failing — Customers are affected now; We know what is failing, not yet why; Investigating; Next update in 15 minutes');
    expect(bo.run.events).toEqual(r.team.run.events);
  });
});
