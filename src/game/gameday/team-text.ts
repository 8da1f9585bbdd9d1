/**
 * The room's log in words: who did what, for the desk's team strip, the console's live
 * feed and the projector. Pure, so the wording is tested without a browser.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import type { RunEvent } from '../../sim/events.ts';
import type { MessageView } from '../../sim/snapshot.ts';
import { updateLine } from '../../sim/status-update.ts';
import type { TeamLogEntry } from '../../sim/team-log.ts';
import { SEAT_NAMES, type Seat } from '../../sim/team-roles.ts';
import { formatClock } from '../ui/format.ts';

/** Short seat names for tight columns. */
export const SEAT_SHORT: Readonly<Record<Seat, string>> = {
  ic: 'IC',
  ops: 'Ops',
  comms: 'Comms',
  observer: 'Observer',
  facilitator: 'Facilitator',
  projector: 'Projector',
};

/** One line of the team feed. */
export interface TeamLine {
  seq: number;
  t: number;
  /** "04:12 · Ana (Ops)" */
  head: string;
  body: string;
  /** Colour role: what kind of thing happened. */
  tone: 'work' | 'talk' | 'command' | 'room' | 'inject';
}

/** What one log entry says, or null for entries that are not news to a player (clock controls are shown elsewhere). */
export function describeEntry(entry: TeamLogEntry, scenario: Scenario, nameOf: (id: string) => string): TeamLine | null {
  const who = entry.player === 'facilitator' ? 'Facilitator' : `${nameOf(entry.player)} (${SEAT_SHORT[entry.role]})`;
  const head = `${formatClock(entry.t)} · ${who}`;
  const line = (body: string, tone: TeamLine['tone']): TeamLine => ({ seq: entry.seq, t: entry.t, head, body, tone });
  const e = entry.event;
  switch (e.type) {
    case 'act': {
      const a = scenario.actions.find((x) => x.id === e.action);
      if (e.update) return line(`sent: ${a?.label ?? e.action} — ${updateLine(e.update)}`, 'talk');
      return line(a?.kind === 'communicate' ? `sent: ${a.label}` : `started: ${a?.label ?? e.action}`, a?.kind === 'communicate' ? 'talk' : 'work');
    }
    case 'choose': {
      const p = scenario.prompts.find((x) => x.id === e.prompt);
      const o = p?.options.find((x) => x.id === e.option);
      return line(`decided: ${o?.label ?? e.option}${p ? ` (${p.question})` : ''}`, 'command');
    }
    case 'ack':
      return line('acknowledged the page', 'work');
    case 'assign': {
      // A task is an action id when picked from the menu, or a few words.
      const a = scenario.actions.find((x) => x.id === e.task);
      return line(`assigned ${nameOf(e.to)}: ${a?.label ?? e.task}`, 'command');
    }
    case 'ask-status':
      return line(e.to ? `asked ${nameOf(e.to)} for status` : 'asked everyone for status', 'command');
    case 'status':
      return line(`status: ${e.text}`, 'talk');
    case 'handover':
      return line(`handed command to ${nameOf(e.to)}`, 'command');
    case 'take-command':
      return line('took command', 'command');
    case 'join':
      return line(`joined as ${SEAT_NAMES[e.seat]}`, 'room');
    case 'remove':
      return line(`took ${nameOf(e.player)} out of the drill`, 'room');
    case 'inject': {
      const i = scenario.injects.find((x) => x.id === e.inject);
      return line(`fired inject: ${i?.label ?? e.inject}`, 'inject');
    }
    case 'say': {
      const s = scenario.stakeholders.find((x) => x.id === e.from);
      return line(`as ${s?.name ?? e.from}: ${e.text}`, 'inject');
    }
    case 'start':
      return line('started the drill', 'room');
    case 'end':
      return line('ended the drill', 'room');
    case 'pause':
      return line('paused the clock', 'room');
    case 'resume':
      return line('resumed the clock', 'room');
    case 'speed':
      return line(`set the speed to ${e.speed}×`, 'room');
  }
}

/** The feed of a log for players: what the team did. Injects show as what they caused, not as injects. */
export function playerFeed(log: readonly TeamLogEntry[], scenario: Scenario, nameOf: (id: string) => string): TeamLine[] {
  const out: TeamLine[] = [];
  for (const entry of log) {
    // A player sees an inject's effects (a message, an alert), never that the facilitator fired it.
    if (entry.event.type === 'inject' || entry.event.type === 'say') continue;
    const l = describeEntry(entry, scenario, nameOf);
    if (l) out.push(l);
  }
  return out;
}

/** The facilitator's feed: everything, injects included. */
export function facilitatorFeed(log: readonly TeamLogEntry[], scenario: Scenario, nameOf: (id: string) => string): TeamLine[] {
  return log.flatMap((entry) => describeEntry(entry, scenario, nameOf) ?? []);
}

/**
 * The comms feed as a team reads it: single play calls every update "You"; in a drill an
 * update is signed by whoever sent it (and is "You" only on the sender's own desk).
 */
export function signedMessages(
  messages: readonly MessageView[],
  events: readonly RunEvent[],
  scenario: Scenario,
  who: (id: string) => { name: string; seat: Seat } | null,
  me: string | null,
): MessageView[] {
  const kinds = new Map(scenario.actions.map((a) => [a.id, a.kind]));
  // Updates appear in the snapshot in the order their actions finished: the same order as these events.
  const senders = events.flatMap((e) => (e.type === 'action.done' && kinds.get(e.action) === 'communicate' ? [e.by ?? null] : []));
  let i = 0;
  return messages.map((m) => {
    if (!m.own) return m;
    const by = senders[i++] ?? null;
    if (by === null || by === me) return m;
    const person = who(by);
    return { ...m, own: false, name: person ? `${person.name} (${SEAT_SHORT[person.seat]})` : by, role: 'status update' };
  });
}
