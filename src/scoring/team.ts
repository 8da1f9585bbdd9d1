/**
 * The debrief of a team drill: one for each person, on their own evidence, and one for
 * the team, on everything the run showed plus how the people worked together. Levels come
 * from the same aggregation as single play; every team finding cites the log entries that
 * show it. Pure: the log and the run's transcript in, plain data out.
 */
import type { Level, Scenario } from '../scenario/schema/index.ts';
import type { Transcript } from '../sim/runner.ts';
import type { TeamLogEntry } from '../sim/team-log.ts';
import { roleOfAction, SEAT_NAMES, type Seat } from '../sim/team-roles.ts';
import { referenceTimeline } from '../sim/team-truth.ts';
import { assess, type Assessment } from './assess.ts';
import { buildDebrief, scoreRun } from './debrief.ts';
import type { Debrief } from './debrief-schema.ts';
import type { Observed } from './evidence.ts';
import { DIMENSION_INFO, LEVEL_INFO, rank } from './ladder.ts';
import { coordinationEvidence, longestSilence, seatsOver, startOf, timeToCommander, type TeamObserved } from './team-evidence.ts';
import { senderAt, updateVerdicts } from './team-updates.ts';
import { describeEntry } from './team-words.ts';
import { mmss } from './time.ts';

export const TEAM_DEBRIEF_FORMAT = 'burn-rate-team-debrief';
export const TEAM_DEBRIEF_VERSION = 1;

/** One piece of evidence as a debrief lists it. */
export interface TeamEvidence {
  t: number;
  dimension: string;
  level: Level;
  harmful: boolean;
  why: string;
  /** Log entries that show it (empty for evidence from the scenario's own rules). */
  cites: number[];
}

/** A level with what it rests on. */
export interface LevelSummary {
  level: Level | null;
  title: string;
  confidence: string;
  explanation: string;
  dimensions: Array<{ dimension: string; title: string; level: Level | null }>;
}

/** One person's debrief. */
export interface PersonDebrief {
  id: string;
  name: string;
  /** Seats held during the drill, in order. */
  seats: Seat[];
  out: boolean;
  assessment: LevelSummary;
  evidence: TeamEvidence[];
  /** What they did, from the log. */
  steps: Array<{ seq: number; t: number; text: string }>;
}

/** A team finding: a fact about how the team worked, with the moments that show it. */
export interface TeamFinding {
  id: string;
  verdict: 'good' | 'concern' | 'info';
  title: string;
  text: string;
  cites: number[];
}

/** The whole debrief of a drill. */
export interface TeamDebrief {
  format: typeof TEAM_DEBRIEF_FORMAT;
  version: typeof TEAM_DEBRIEF_VERSION;
  scenario: { id: string; title: string };
  seed: number;
  ending: Transcript['ending'];
  /** Sim seconds from the start until someone commanded; null if nobody did. */
  timeToCommander: number | null;
  team: LevelSummary;
  people: PersonDebrief[];
  findings: TeamFinding[];
  /** The shared timeline: every log entry in order, by person and seat. */
  timeline: Array<{ seq: number; t: number; player: string; name: string; role: Seat; text: string }>;
  /** What the next level of team would have done differently. */
  next: string[];
  /** The whole run scored as one player, exactly as the single-player tooling scores its replay. */
  run: Debrief;
}

function summary(a: Assessment): LevelSummary {
  const level = a.overall.level;
  return {
    level,
    title: level ? LEVEL_INFO[level].title : 'Not observed',
    confidence: a.overall.confidence,
    explanation: a.overall.explanation,
    dimensions: a.dimensions.map((d) => ({ dimension: d.dimension, title: DIMENSION_INFO[d.dimension].title, level: d.level })),
  };
}

const asEvidence = (o: Observed, cites: number[]): TeamEvidence => ({ t: o.t, dimension: o.dimension, level: o.level, harmful: o.harmful, why: o.why, cites });

/** Builds the debrief of a finished drill from its log and its run's transcript. */
export function buildTeamDebrief(scenario: Scenario, log: readonly TeamLogEntry[], transcript: Transcript): TeamDebrief {
  const { evidence } = scoreRun(scenario, transcript);
  const endT = transcript.time.length > 0 ? (transcript.time[transcript.time.length - 1] as number) : 0;
  const coordination = coordinationEvidence(scenario, log, transcript.events, endT);
  const names = new Map<string, string>();
  const outs = new Set<string>();
  for (const e of log) {
    if (e.event.type === 'join') names.set(e.player, e.event.name);
    if (e.event.type === 'remove') outs.add(e.event.player);
  }
  names.set('facilitator', 'Facilitator');

  // A choice's evidence belongs to whoever made it: the engine records `by` on their events,
  // and a status update's verdict follows the start of the action that sent it.
  const byAt = (seq: number): string | null => senderAt(transcript, seq);
  const ownerOf = (o: Observed): string | null => (o.seq === undefined ? null : byAt(o.seq));
  const verdicts = updateVerdicts(log, transcript);
  const describe = (e: TeamLogEntry) => describeEntry(scenario, e, names, verdicts.get(e.seq));
  const citesOf = (o: Observed): number[] => {
    const owner = ownerOf(o);
    if (!owner) return [];
    const ev = transcript.events[o.seq as number] as { t: number; type: string; action?: string; prompt?: string; option?: string };
    const match = log.find(
      (e) =>
        e.player === owner &&
        e.t <= ev.t &&
        ((e.event.type === 'act' && e.event.action === ev.action) ||
          (e.event.type === 'choose' && e.event.prompt === ev.prompt && e.event.option === ev.option) ||
          (e.event.type === 'ack' && ev.type === 'ack')),
    );
    return match ? [match.seq] : [];
  };

  const seats = seatsOver(log);
  const people: PersonDebrief[] = [...names.keys()]
    .filter((id) => id !== 'facilitator' && (seats.get(id) ?? []).some((s) => s !== 'projector'))
    .map((id) => {
      const own: Observed[] = evidence.filter((o) => ownerOf(o) === id);
      const coord: TeamObserved[] = coordination.filter((c) => c.people.includes(id));
      return {
        id,
        name: names.get(id) ?? id,
        seats: seats.get(id) ?? [],
        out: outs.has(id),
        assessment: summary(assess([...own, ...coord])),
        evidence: [...own.map((o) => asEvidence(o, citesOf(o))), ...coord.map((c) => asEvidence(c, c.cites))].sort((a, b) => a.t - b.t),
        steps: log.filter((e) => e.player === id && e.event.type !== 'join').map((e) => ({ seq: e.seq, t: e.t, text: describe(e) })),
      };
    });

  const team = assess([...evidence, ...coordination]);
  const findings = teamFindings(scenario, log, transcript, coordination, names, endT);
  const run = buildDebrief(scenario, transcript);
  return {
    format: TEAM_DEBRIEF_FORMAT,
    version: TEAM_DEBRIEF_VERSION,
    scenario: { id: scenario.id, title: scenario.title },
    seed: transcript.seed,
    ending: transcript.ending ? { ...transcript.ending } : null,
    timeToCommander: timeToCommander(log)?.seconds ?? null,
    team: summary(team),
    people,
    findings,
    timeline: log.map((e) => ({ seq: e.seq, t: e.t, player: e.player, name: names.get(e.player) ?? e.player, role: e.role, text: describe(e) })),
    next: nextTeamLevel(scenario, log, findings, run),
    run,
  };
}

function teamFindings(
  scenario: Scenario,
  log: readonly TeamLogEntry[],
  transcript: Transcript,
  coordination: readonly TeamObserved[],
  names: ReadonlyMap<string, string>,
  endT: number,
): TeamFinding[] {
  const findings: TeamFinding[] = [];
  const commander = timeToCommander(log);
  findings.push(
    commander
      ? {
          id: 'commander',
          verdict: commander.seconds <= 120 ? 'good' : 'concern',
          title: 'Time to a commander',
          text: `${names.get(commander.player) ?? commander.player} took command ${mmss(commander.seconds)} into the drill.`,
          cites: [commander.seq],
        }
      : { id: 'commander', verdict: 'concern', title: 'Time to a commander', text: 'Nobody took command.', cites: [] },
  );

  // Role coverage: was each seat held, and did its holder do anything?
  const seats = seatsOver(log);
  const working = new Map<Seat, number[]>();
  for (const e of log) if (['act', 'choose', 'ack', 'assign', 'ask-status', 'status', 'handover'].includes(e.event.type)) working.set(e.role, [...(working.get(e.role) ?? []), e.seq]);
  const held = (seat: Seat) => [...seats.values()].some((list) => list.includes(seat));
  const missing = (['ic', 'ops', 'comms'] as const).filter((s) => !held(s) || !working.has(s));
  findings.push({
    id: 'coverage',
    verdict: missing.length === 0 ? 'good' : 'concern',
    title: 'Role coverage',
    text:
      missing.length === 0
        ? 'Every seat (commander, operations, communications) was held and used.'
        : `Not used: ${missing.map((s) => SEAT_NAMES[s]).join(', ')}.`,
    cites: (['ic', 'ops', 'comms'] as const).flatMap((s) => (working.get(s) ?? []).slice(0, 1)),
  });

  const handovers = log.filter((e) => e.event.type === 'handover');
  findings.push({
    id: 'handovers',
    verdict: handovers.length === 0 ? 'info' : coordination.some((c) => c.key.startsWith('team:handover') && c.harmful) ? 'concern' : 'good',
    title: 'Handovers',
    text:
      handovers.length === 0
        ? 'Command was never handed over.'
        : handovers
            .map((h) => {
              const c = coordination.find((x) => x.key === `team:handover-${h.seq}`);
              return `${mmss(h.t)} ${names.get(h.player)} to ${names.get((h.event as { to: string }).to)}: ${c?.harmful ? 'no summary' : 'with a summary'}`;
            })
            .join('; '),
    cites: handovers.map((h) => h.seq),
  });

  const gap = longestSilence(scenario, transcript.events, startOf(log), endT);
  if (gap)
    findings.push({
      id: 'comms-gap',
      verdict: gap.seconds > 1200 ? 'concern' : 'good',
      title: 'Longest silence to stakeholders',
      text: `${mmss(gap.seconds)}, from ${mmss(gap.from)} to ${mmss(gap.until)}.`,
      cites: [],
    });

  const twice = coordination.filter((c) => c.key.startsWith('team:twice'));
  findings.push({
    id: 'duplicates',
    verdict: twice.length === 0 ? 'good' : 'concern',
    title: 'Work asked for twice',
    text: twice.length === 0 ? 'Nobody duplicated anyone\'s work.' : twice.map((c) => `${mmss(c.t)} ${c.why}`).join(' '),
    cites: twice.flatMap((c) => c.cites),
  });

  const lapsed = transcript.events.filter((e) => e.type === 'prompt.lapse');
  findings.push({
    id: 'unanswered',
    verdict: lapsed.length === 0 ? 'good' : 'concern',
    title: 'Decisions left unanswered',
    text:
      lapsed.length === 0
        ? 'Every decision was answered.'
        : lapsed.map((e) => `${mmss(e.t)} ${scenario.prompts.find((p) => p.id === (e as { prompt: string }).prompt)?.question.slice(0, 80) ?? ''}`).join('; '),
    cites: [],
  });

  const handsOn = coordination.filter((c) => c.key.startsWith('team:hands-on'));
  if (handsOn.length > 0)
    findings.push({ id: 'hands-on', verdict: 'concern', title: 'Commander doing hands-on work', text: handsOn.map((c) => `${mmss(c.t)} ${c.why}`).join(' '), cites: handsOn.flatMap((c) => c.cites) });
  const silent = coordination.filter((c) => c.key.startsWith('team:silent'));
  if (silent.length > 0)
    findings.push({
      id: 'silent',
      verdict: 'concern',
      title: 'Silent operators',
      text: silent.map((c) => `${names.get(c.people[0] as string)} never reported status.`).join(' '),
      cites: silent.flatMap((c) => c.cites),
    });
  return findings;
}

/** What a team one level up would have done: the findings to fix, then the reference steps the team missed. */
function nextTeamLevel(scenario: Scenario, log: readonly TeamLogEntry[], findings: readonly TeamFinding[], run: Debrief): string[] {
  const advice: string[] = [];
  const concern = (id: string) => findings.some((f) => f.id === id && f.verdict === 'concern');
  if (concern('commander')) advice.push('Name a commander in the first minute: one person who decides, delegates and keeps the rhythm.');
  if (concern('coverage')) advice.push('Use every seat: the commander coordinates, Operations works the problem, Communications keeps stakeholders informed.');
  if (concern('hands-on')) advice.push('The commander delegates hands-on work and keeps the overview.');
  if (concern('silent')) advice.push('Operators report what they find and do, so the commander is never guessing.');
  if (concern('handovers')) advice.push('Before handing over command, post a summary: what is known, what is running, what is next.');
  if (concern('comms-gap')) advice.push('Keep stakeholders on a cadence: an update every 15 minutes, even when nothing changed.');
  if (concern('duplicates')) advice.push('Assign work by name so two people never do the same thing.');
  if (concern('unanswered')) advice.push('Every decision gets an answer, even "not yet, ask me at :30".');
  const done = new Set(log.flatMap((e) => (e.event.type === 'act' ? [e.event.action] : [])));
  for (const step of referenceTimeline(scenario)) {
    const action = scenario.actions.find((a) => a.label === step.label);
    if (action && !done.has(action.id)) advice.push(`${SEAT_NAMES[roleOfAction(action)]}: ${action.label} (the reference team did it at ${mmss(step.at)}).`);
  }
  for (const a of run.nextLevel.advice.slice(0, 3)) advice.push(a.label ? `${a.label}: ${a.why}` : a.why);
  return [...new Set(advice)].slice(0, 10);
}

/** Levels in order, for sorting people by level in exports. */
export const levelOrder = (l: Level | null): number => (l ? rank(l) : 0);
