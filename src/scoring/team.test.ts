import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../cli/scenario-files.ts';
import { playChoices, transcriptOf } from '../sim/runner.ts';
import { Run } from '../sim/engine.ts';
import { FACILITATOR, TeamRun } from '../sim/team.ts';
import { teamChoices } from '../sim/team-log.ts';
import { accepted as ok, playAsTeam, styleFor } from '../../test/support/team-drill.ts';
import { buildDebrief } from './debrief.ts';
import { buildTeamDebrief } from './team.ts';
import { teamDebriefToMarkdown, teamLevelsToCsv, teamTimelineToCsv } from './team-export.ts';

const scenario = loadScenarioFile('scenarios/team-checkout-cascade/scenario.yaml').scenario!;
const ref = (id: string) => scenario.scoring.references.find((r) => r.id === id)!;

describe('team debrief', () => {
  for (const id of ['team-checkout-cascade', 'team-search-blackout']) {
    it(`assesses each reference, played as a team of its level works, at that level in ${id}, and a team with nobody in command no higher than L2`, () => {
      const sc = loadScenarioFile(`scenarios/${id}/scenario.yaml`).scenario!;
      for (const r of sc.scoring.references) {
        if (r.level === 'L1') continue;
        const drill = playAsTeam(sc, r, styleFor(r.level));
        expect(buildTeamDebrief(sc, drill.log, drill.transcript).team.level, r.id).toBe(r.expect);
      }
      for (const r of sc.scoring.references) {
        const drill = playAsTeam(sc, r, 'leaderless');
        const debrief = buildTeamDebrief(sc, drill.log, drill.transcript);
        expect(['L1', 'L2'], r.id).toContain(debrief.team.level);
        expect(debrief.findings.find((f) => f.id === 'commander')).toMatchObject({ verdict: 'concern', text: 'Nobody took command.' });
      }
    });
  }

  it('scores each person on their own choices, citing the log entries', () => {
    const drill = playAsTeam(scenario, ref('l5-team'), 'coordinated');
    const debrief = buildTeamDebrief(scenario, drill.log, drill.transcript);
    const ana = debrief.people.find((p) => p.name === 'Ana')!;
    const di = debrief.people.find((p) => p.name === 'Di')!;
    expect(ana.seats).toEqual(['ic']);
    expect(ana.evidence.some((e) => e.why.startsWith('Weighed the fee'))).toBe(true);
    expect(di.evidence.some((e) => e.why.startsWith('Weighed the fee'))).toBe(false);
    expect(di.evidence.some((e) => e.why === 'Gave support accurate, reassuring words for customers.')).toBe(true);
    for (const p of debrief.people)
      for (const e of p.evidence) for (const seq of e.cites) expect(drill.log.find((x) => x.seq === seq)?.player === p.id || e.why.includes('commander')).toBe(true);
  });

  it('finds the commander doing hands-on work, a handover without a summary, silent operators and duplicated work', () => {
    const team = new TeamRun(scenario, { seed: 1 });
    const ana = ok(team.join('Ana', 'ic')).player;
    const bo = ok(team.join('Bo', 'ops')).player;
    const cy = ok(team.join('Cy', 'ops')).player;
    ok(team.request(FACILITATOR, { type: 'start' }));
    team.stepTo(200);
    const handsOn = ok(team.request(ana, { type: 'act', action: 'checkout-dashboard' }));
    const first = ok(team.request(bo, { type: 'act', action: 'payments-dashboard' }));
    const second = ok(team.request(cy, { type: 'act', action: 'payments-dashboard' }));
    ok(team.request(bo, { type: 'act', action: 'thread-dump' }));
    team.stepTo(400);
    const handover = ok(team.request(ana, { type: 'handover', to: cy }));
    ok(team.request(FACILITATOR, { type: 'end' }));
    const debrief = buildTeamDebrief(scenario, team.log, transcriptOf(team.run, teamChoices(team.log)));
    const finding = (id: string) => debrief.findings.find((f) => f.id === id)!;
    expect(finding('hands-on')).toMatchObject({ verdict: 'concern', cites: [handsOn.seq] });
    expect(finding('duplicates')).toMatchObject({ verdict: 'concern', cites: [first.seq, second.seq] });
    expect(finding('handovers')).toMatchObject({ verdict: 'concern', cites: [handover.seq] });
    expect(finding('handovers').text).toBe('06:40 Ana to Cy: no summary');
    expect(finding('silent').text).toBe('Bo never reported status.');
    expect(finding('coverage')).toMatchObject({ verdict: 'concern', text: 'Not used: Communications.' });
    expect(debrief.people.find((p) => p.name === 'Cy')!.seats).toEqual(['ops', 'ic']);
    expect(debrief.next).toContain('The commander delegates hands-on work and keeps the overview.');
  });

  it('credits a status update to whoever sent it, and the timeline says what it said and whether it was true', () => {
    const drill = playAsTeam(scenario, ref('l5-team'), 'coordinated');
    const debrief = buildTeamDebrief(scenario, drill.log, drill.transcript);
    const di = debrief.people.find((p) => p.name === 'Di')!;
    const first = di.evidence.find((e) => e.why === 'First accurate status update within eight minutes of the page.');
    const post = drill.log.find((e) => e.event.type === 'act' && e.event.action === 'status-page-first')!;
    expect(first?.cites).toEqual([post.seq]);
    expect(debrief.people.find((p) => p.name === 'Ana')!.evidence.some((e) => e.why.startsWith('First accurate status update'))).toBe(false);
    expect(debrief.timeline.find((e) => e.seq === post.seq)?.text).toBe(
      'took "Post on the status page: checkout failing": "Customers are affected now; We have found the cause; Applying a fix; Next update in 15 minutes" (true when sent)',
    );

    // Said too early: nothing is known or being done yet.
    const team = new TeamRun(scenario, { seed: scenario.seed });
    const comms = ok(team.join('Di', 'comms')).player;
    ok(team.request(FACILITATOR, { type: 'start' }));
    team.stepTo(300);
    const wrong = ok(team.request(comms, { type: 'act', action: 'status-page-first', update: { impact: 'ongoing', known: 'cause', doing: 'mitigating', next: '15m' } }));
    ok(team.request(FACILITATOR, { type: 'end' }));
    const said = buildTeamDebrief(scenario, team.log, transcriptOf(team.run, teamChoices(team.log)));
    expect(said.timeline.find((e) => e.seq === wrong.seq)?.text).toMatch(/\(not true when sent: what is known, what is being done\)$/);
    expect(said.people[0]!.evidence.find((e) => e.why.startsWith('Posted an update saying "We have found the cause"'))?.cites).toEqual([wrong.seq]);
  });

  it('is the single-player debrief for the whole run when replayed from the log', () => {
    const drill = playAsTeam(scenario, ref('l3-team'), 'coordinated');
    const replay = new Run(scenario, { seed: drill.transcript.seed });
    const choices = teamChoices(drill.log);
    playChoices(replay, choices);
    const debrief = buildTeamDebrief(scenario, drill.log, drill.transcript);
    expect(JSON.stringify(debrief.run)).toBe(JSON.stringify(buildDebrief(scenario, transcriptOf(replay, choices))));
  });

  it('exports Markdown and CSV a spreadsheet reads', () => {
    const drill = playAsTeam(scenario, ref('l5-team'), 'coordinated');
    const debrief = buildTeamDebrief(scenario, drill.log, drill.transcript);
    const md = teamDebriefToMarkdown(debrief);
    expect(md).toContain('**Team: L5 Principal SRE**');
    expect(md).toContain('| Ana | Incident Commander | L5 Principal SRE |');
    const csv = teamTimelineToCsv(debrief).trim().split('\n');
    expect(csv[0]).toBe('seq,time,seconds,person,seat,what');
    expect(csv).toHaveLength(drill.log.length + 1);
    expect(csv.find((l) => l.includes('Declare a SEV2'))).toMatch(/^\d+,03:50,230,Ana,Incident Commander,"?took ""Declare a SEV2"""?$/);
    const levels = teamLevelsToCsv(debrief).trim().split('\n');
    expect(levels[1]?.startsWith('Team,,L5,')).toBe(true);
  });
});
