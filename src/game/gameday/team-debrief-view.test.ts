import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/scenario-files.ts';
import { buildTeamDebrief } from '../../scoring/team.ts';
import { transcriptOf } from '../../sim/runner.ts';
import { FACILITATOR, TeamRun } from '../../sim/team.ts';
import { teamChoices } from '../../sim/team-log.ts';
import { evidenceOf, firstView, nextLines, personHeadline, stepLines, teamExportName, teamSubline, viewLabel, views } from './team-debrief-view.ts';

function drill() {
  const s = loadScenarioFile('scenarios/team-checkout-cascade/scenario.yaml').scenario!;
  const team = new TeamRun(s, { seed: 7 });
  const ana = team.join('Ana', 'ic');
  const bo = team.join('Bo', 'ops');
  if (!ana.ok || !bo.ok) throw new Error('join refused');
  team.request(FACILITATOR, { type: 'start' });
  // After Paycore slows (2:00): before that, nothing calls for looking at payments.
  team.stepTo(150);
  team.request(ana.entry.player, { type: 'act', action: 'declare-sev2' });
  team.request(bo.entry.player, { type: 'act', action: 'payments-dashboard' });
  team.stepTo(300);
  team.request(FACILITATOR, { type: 'end' });
  return { d: buildTeamDebrief(s, team.log, transcriptOf(team.run, teamChoices(team.log))), ended: team.clock.ended };
}

describe('the team debrief in words', () => {
  const { d, ended } = drill();

  it('opens on a player\'s own debrief, and on the team\'s for the facilitator', () => {
    expect(views(d).map((v) => (v.kind === 'team' ? 'team' : v.id))).toEqual(['team', 'p1', 'p2']);
    expect(firstView(d, 'p2')).toBe(2);
    expect(firstView(d, null)).toBe(0);
    expect(viewLabel(d, { kind: 'person', id: 'p1' })).toMatch(/^Ana · IC · /);
  });

  it('says who ended a drill that the scenario did not end', () => {
    expect(teamSubline(d, ended)).toMatch(/ended by the facilitator at T\+00:05:00/);
  });

  it('lists what each person did and their evidence, and says so when a dimension was not observed', () => {
    const bo = d.people.find((p) => p.name === 'Bo')!;
    expect(stepLines(bo).map((l) => l.body).join(' ')).toMatch(/payments-gateway dashboard/);
    expect(evidenceOf(bo, 'mastery')[0]?.head).toMatch(/L3 \(log #\d+\)/);
    expect(evidenceOf(bo, 'feedback')[0]?.head).toBe('Not observed');
    expect(personHeadline(bo)).toMatch(/^Bo /);
  });

  it('heads each next-level step with the seat that would take it', () => {
    const lines = nextLines(d);
    expect(lines.length).toBe(d.next.length);
    for (const l of lines) expect(l.body.length).toBeGreaterThan(0);
    expect(teamExportName(d, 'K7QX2M', 'levels', 'csv')).toBe('burn-rate-gameday-K7QX2M-team-checkout-cascade-levels.csv');
  });
});
