/**
 * Coordination evidence: what a team drill's log shows about how the people worked
 * together (naming a commander, splitting the work, asking for and giving status, handing
 * over, the commander doing hands-on work, two people doing the same thing, silent
 * operators, long silences to stakeholders). Each item is ordinary ladder evidence, so a
 * person and the team are assessed with the same aggregation as single play, and each
 * cites the log entries that show it.
 */
import type { Dimension, Level, Scenario } from '../scenario/schema/index.ts';
import type { RunEvent } from '../sim/events.ts';
import type { TeamLogEntry } from '../sim/team-log.ts';
import { roleOfAction, type Seat } from '../sim/team-roles.ts';
import type { Observed } from './evidence.ts';
import { mmss } from './time.ts';

/** A coordination item, with who it belongs to and the log entries behind it. */
export interface TeamObserved extends Observed {
  /** Player ids the item counts for; empty: the team only. */
  people: string[];
  /** Sequence numbers of the log entries that show it. */
  cites: number[];
}

/** Sim seconds of the drill's start, or 0 if it never started. */
export function startOf(log: readonly TeamLogEntry[]): number {
  return log.find((e) => e.event.type === 'start')?.t ?? 0;
}

/** The seat each person held after each entry, replayed from the log. */
export function seatsOver(log: readonly TeamLogEntry[]): Map<string, Seat[]> {
  const now = new Map<string, Seat>();
  const held = new Map<string, Seat[]>();
  const hold = (id: string, seat: Seat) => {
    now.set(id, seat);
    const list = held.get(id) ?? [];
    if (!list.includes(seat)) list.push(seat);
    held.set(id, list);
  };
  for (const e of log) {
    if (e.event.type === 'join') hold(e.player, e.event.seat);
    else if (e.event.type === 'take-command') hold(e.player, 'ic');
    else if (e.event.type === 'handover') {
      const to = now.get(e.event.to);
      hold(e.player, to && to !== 'ic' ? to : 'ops');
      hold(e.event.to, 'ic');
    }
  }
  return held;
}

/** Sim seconds after the start until someone commanded, and the entry that made them; null if nobody did. */
export function timeToCommander(log: readonly TeamLogEntry[]): { seconds: number; seq: number; player: string } | null {
  const start = startOf(log);
  for (const e of log) {
    const becomes = e.event.type === 'join' && e.event.seat === 'ic' ? e.player : e.event.type === 'take-command' ? e.player : null;
    if (becomes) return { seconds: Math.max(0, e.t - start), seq: e.seq, player: becomes };
  }
  return null;
}

const item = (
  id: string,
  dimension: Dimension,
  level: Level,
  harmful: boolean,
  t: number,
  why: string,
  people: string[],
  cites: number[],
): TeamObserved => ({ key: `team:${id}`, dimension, level, why, harmful, t, source: { kind: 'rule', id: `team-${id}` }, phase: '', people, cites });

/** Every coordination item the log and the run's events show. */
export function coordinationEvidence(scenario: Scenario, log: readonly TeamLogEntry[], events: readonly RunEvent[], endT: number): TeamObserved[] {
  const out: TeamObserved[] = [];
  const seat = new Map<string, Seat>();
  const out_ = new Set<string>();
  const actions = new Map(scenario.actions.map((a) => [a.id, a]));
  const start = startOf(log);
  const end = endT;

  const commander = timeToCommander(log);
  if (!commander) out.push(item('no-commander', 'ownership', 'L1', true, end, 'Nobody took command during the drill.', [], []));
  else if (commander.seconds <= 60)
    out.push(item('commander-early', 'ownership', 'L4', false, start + commander.seconds, `A commander was named ${mmss(commander.seconds)} into the drill.`, [commander.player], [commander.seq]));
  else if (commander.seconds > 600)
    out.push(item('commander-late', 'ownership', 'L2', true, start + commander.seconds, `Nobody commanded for ${mmss(commander.seconds)}.`, [commander.player], [commander.seq]));

  const assignees = new Set<string>();
  let asked = false;
  const reported = new Set<string>();
  const lastStatus = new Map<string, TeamLogEntry>();
  const requested = new Map<string, TeamLogEntry>();
  const acted = new Map<string, TeamLogEntry[]>();

  for (const e of log) {
    const ev = e.event;
    if (ev.type === 'join') seat.set(e.player, ev.seat);
    else if (ev.type === 'remove') out_.add(ev.player);
    else if (ev.type === 'take-command') seat.set(e.player, 'ic');
    else if (ev.type === 'assign') {
      if (assignees.size === 0) out.push(item('first-assign', 'planning', 'L3', false, e.t, 'The commander split the work by assigning a task.', [e.player], [e.seq]));
      const before = assignees.size;
      assignees.add(ev.to);
      if (before === 1 && assignees.size === 2) out.push(item('assign-many', 'planning', 'L5', false, e.t, 'The commander ran parallel workstreams, each with a named owner.', [e.player], [e.seq]));
    } else if (ev.type === 'ask-status') {
      if (!asked) out.push(item('ask-status', 'communication', 'L4', false, e.t, 'The commander ran the call: asked for status instead of waiting to hear.', [e.player], [e.seq]));
      asked = true;
    } else if (ev.type === 'status') {
      lastStatus.set(e.player, e);
      if (!reported.has(e.player) && seat.get(e.player) !== 'ic')
        out.push(item(`status-${e.player}`, 'communication', 'L3', false, e.t, 'Reported status to the room without being chased.', [e.player], [e.seq]));
      reported.add(e.player);
    } else if (ev.type === 'handover') {
      const summary = lastStatus.get(e.player);
      if (summary && e.t - summary.t <= 180)
        out.push(item(`handover-${e.seq}`, 'ownership', 'L4', false, e.t, 'Handed over command with a summary for the next commander.', [e.player], [summary.seq, e.seq]));
      else out.push(item(`handover-${e.seq}`, 'communication', 'L2', true, e.t, 'Handed over command without a summary.', [e.player], [e.seq]));
      const to = seat.get(ev.to);
      seat.set(e.player, to && to !== 'ic' ? to : 'ops');
      seat.set(ev.to, 'ic');
    } else if (ev.type === 'act') {
      const action = actions.get(ev.action);
      if (!action) continue;
      const list = acted.get(e.player) ?? [];
      list.push(e);
      acted.set(e.player, list);
      const ops = [...seat].some(([id, s]) => s === 'ops' && !out_.has(id));
      if (seat.get(e.player) === 'ic' && roleOfAction(action) === 'ops' && ops)
        out.push(item(`hands-on-${e.seq}`, 'scope', 'L2', true, e.t, `The commander did hands-on work ("${action.label}") while Operations was free to.`, [e.player], [e.seq]));
      const first = requested.get(ev.action);
      if (first && first.player !== e.player && !action.repeatable)
        out.push(item(`twice-${e.seq}`, 'planning', 'L2', true, e.t, `Two people asked for the same work: "${action.label}".`, [], [first.seq, e.seq]));
      if (!first) requested.set(ev.action, e);
    }
  }

  for (const [player, list] of acted) {
    if (seat.get(player) !== 'ops' || list.length < 2 || reported.has(player)) continue;
    const last = list[list.length - 1] as TeamLogEntry;
    out.push(item(`silent-${player}`, 'communication', 'L2', true, last.t, 'Worked without ever reporting status: the commander heard nothing.', [player], list.map((e) => e.seq)));
  }

  const gap = longestSilence(scenario, events, start, end);
  if (gap && gap.seconds > 1200)
    out.push(item('comms-gap', 'communication', 'L2', true, gap.until, `Stakeholders heard nothing for ${mmss(gap.seconds)}.`, [], []));
  return out;
}

/** The longest stretch with no completed stakeholder update, from the first page (or the start) to the end. */
export function longestSilence(scenario: Scenario, events: readonly RunEvent[], start: number, end: number): { seconds: number; from: number; until: number } | null {
  const comms = new Set(scenario.actions.filter((a) => a.kind === 'communicate').map((a) => a.id));
  const page = events.find((e) => e.type === 'page');
  let from = page ? page.t : start;
  let best: { seconds: number; from: number; until: number } | null = null;
  const stop = end;
  for (const e of events) {
    if (e.type !== 'action.done' || !comms.has(e.action) || e.t < from) continue;
    if (!best || e.t - from > best.seconds) best = { seconds: e.t - from, from, until: e.t };
    from = e.t;
  }
  if (!best || stop - from > best.seconds) best = { seconds: stop - from, from, until: stop };
  return best;
}
