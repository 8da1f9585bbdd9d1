import { describe, expect, it } from 'vitest';
import { accepted as ok } from '../../test/support/team-drill.ts';
import { loadScenarioFile } from '../cli/scenario-files.ts';
import { FACILITATOR, TeamRun } from './team.ts';
import { snapshotOf } from './snapshot.ts';

const scenario = loadScenarioFile('scenarios/team-checkout-cascade/scenario.yaml').scenario!;

function drill() {
  const team = new TeamRun(scenario, { seed: 9 });
  const ana = ok(team.join('Ana', 'ic')).player;
  const bo = ok(team.join('Bo', 'ops')).player;
  const cy = ok(team.join('Cy', 'ops')).player;
  ok(team.request(FACILITATOR, { type: 'start' }));
  return { team, ok, ana, bo, cy };
}

describe('a team drill', () => {
  it('lets two operators work at the same time, each in their own lane', () => {
    const { team, ok, bo, cy } = drill();
    team.stepTo(200);
    ok(team.request(bo, { type: 'act', action: 'thread-dump' }));
    ok(team.request(cy, { type: 'act', action: 'payments-dashboard' }));
    expect(snapshotOf(team.run, { lane: bo }).busy?.action).toBe('thread-dump');
    expect(snapshotOf(team.run, { lane: cy }).busy?.action).toBe('payments-dashboard');
    team.stepTo(240);
    expect(team.run.done.has('payments-dashboard')).toBe(true);
    expect(team.run.done.has('thread-dump')).toBe(false);
  });

  it('replays its log to the same run, bit for bit', () => {
    const { team, ok, ana, bo } = drill();
    team.stepTo(200);
    ok(team.request(bo, { type: 'ack' }));
    ok(team.request(ana, { type: 'act', action: 'declare-sev2' }));
    ok(team.request(FACILITATOR, { type: 'inject', inject: 'cache-node-lost' }));
    ok(team.request(FACILITATOR, { type: 'say', from: 'vp', text: 'Status?' }));
    team.stepTo(400);
    const replay = TeamRun.replay(scenario, { seed: 9 }, team.log, team.run.t);
    expect(JSON.stringify(replay.run.events)).toBe(JSON.stringify(team.run.events));
    expect(replay.run.budgetSpent).toBe(team.run.budgetSpent);
  });

  it('moves command by handover, and lets someone take it when the commander is taken out', () => {
    const { team, ok, ana, bo, cy } = drill();
    expect(team.join('Eve', 'ic')).toEqual({ ok: false, reason: 'the room already has a commander: Ana' });
    expect(team.request(bo, { type: 'take-command' })).toEqual({ ok: false, reason: 'Ana is the commander; ask them to hand over' });
    ok(team.request(ana, { type: 'handover', to: bo }));
    expect([team.members.get(ana)?.seat, team.members.get(bo)?.seat]).toEqual(['ops', 'ic']);
    ok(team.request(FACILITATOR, { type: 'remove', player: bo }));
    expect(team.commander).toBeNull();
    ok(team.request(cy, { type: 'take-command' }));
    expect(team.commander?.name).toBe('Cy');
    expect(team.request(FACILITATOR, { type: 'say', from: 'nobody', text: 'hi' })).toMatchObject({ ok: false });
  });
});
