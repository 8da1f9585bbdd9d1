/**
 * Plays a scenario's reference playthrough as a team would, without a server: the
 * commander takes the decisions and escalations, two operators share the hands-on work,
 * communications posts the updates. `style` adds (or leaves out) the coordination a team
 * at that level shows: nobody commands (leaderless); a commander who decides but neither
 * splits the work nor hears from the operators until asking at the end (loose, a team
 * still finding its roles); or a commander who assigns each task and operators who
 * report as they go (coordinated).
 */
import type { Level, ReferencePlaythrough, Scenario } from '../../src/scenario/schema/index.ts';
import { transcriptOf, type Transcript } from '../../src/sim/runner.ts';
import { FACILITATOR, TeamRun } from '../../src/sim/team.ts';
import { teamChoices, type TeamLogEntry } from '../../src/sim/team-log.ts';
import { roleOfAction, roleOfPrompt } from '../../src/sim/team-roles.ts';

/** The log entry of a request the test expects to be taken; a refusal fails the test with its reason. */
export function accepted(r: ReturnType<TeamRun['request']>): TeamLogEntry {
  if (!r.ok) throw new Error(r.reason);
  return r.entry;
}

export type DrillStyle = 'leaderless' | 'loose' | 'coordinated';

/** How a team at a reference's level works together. */
export function styleFor(level: Level): DrillStyle {
  return level === 'L1' ? 'leaderless' : level === 'L2' ? 'loose' : 'coordinated';
}

export interface Drill {
  team: TeamRun;
  log: TeamLogEntry[];
  transcript: Transcript;
}

function ok(result: ReturnType<TeamRun['request']>): TeamLogEntry {
  if (!result.ok) throw new Error(result.reason);
  return result.entry;
}

export function playAsTeam(scenario: Scenario, ref: ReferencePlaythrough, style: DrillStyle): Drill {
  const team = new TeamRun(scenario, { seed: ref.seed ?? scenario.seed });
  const seat = (name: string, s: 'ic' | 'ops' | 'comms') => ok(team.join(name, s)).player;
  const ic = style !== 'leaderless' ? seat('Ana', 'ic') : null;
  const coordinated = style === 'coordinated';
  const ops = [seat('Bo', 'ops'), seat('Cy', 'ops')];
  const comms = seat('Di', 'comms');
  ok(team.request(FACILITATOR, { type: 'start' }));
  let turn = 0;
  const choices = [...ref.choices].sort((a, b) => a.at - b.at);
  for (const c of choices) {
    team.stepTo(c.at);
    if (team.ended) break;
    if (c.ack) {
      ok(team.request(ops[0] as string, { type: 'ack' }));
    } else if (c.do) {
      const action = scenario.actions.find((a) => a.id === c.do);
      if (!action) throw new Error(`no action ${c.do}`);
      const role = roleOfAction(action);
      const who = role === 'ops' ? (ops[turn++ % ops.length] as string) : role === 'comms' ? comms : (ic ?? (ops[0] as string));
      if (ic && coordinated && role === 'ops') ok(team.request(ic, { type: 'assign', to: who, task: action.id }));
      // Without a commander an operator does the commander's work, and is refused it: take it as comms' or skip.
      const result = team.request(who, { type: 'act', action: action.id, ...(c.update ? { update: c.update } : {}) });
      if (result.ok && ic && coordinated && role === 'ops' && team.run.t > 0) ok(team.request(who, { type: 'status', text: `started ${action.label}` }));
    } else if (c.choose) {
      const [prompt, option] = c.choose.split('.') as [string, string];
      const p = scenario.prompts.find((x) => x.id === prompt);
      const role = p ? roleOfPrompt(p) : 'ic';
      const who = role === 'comms' ? comms : role === 'ops' ? (ops[0] as string) : ic;
      if (who) team.request(who, { type: 'choose', prompt, option });
    }
  }
  if (ic) ok(team.request(ic, { type: 'ask-status', to: null }));
  while (!team.ended && team.run.t < scenario.timeLimit) team.stepTo(team.run.t + team.run.tick);
  return { team, log: team.log, transcript: transcriptOf(team.run, teamChoices(team.log)) };
}
