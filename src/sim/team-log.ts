/**
 * The team log: every request the room accepted, in the one order the server gave them,
 * with who made it, in which seat, at which sim time. It is the save, the replay and the
 * evidence for team scoring. Engine-facing entries turn into the single-player choice log,
 * so a drill replays through the ordinary runner bit for bit.
 */
import type { StatusUpdateContent } from '../scenario/schema/index.ts';
import type { PlayerEvent } from './events.ts';
import type { TimedChoice } from './runner.ts';
import type { Seat, TeamRole } from './team-roles.ts';

/** Speeds a facilitator may set: sim seconds per real second. */
export const TEAM_SPEEDS = [1, 2, 5, 10, 20] as const;
export type TeamSpeed = (typeof TEAM_SPEEDS)[number];

/** Something that happened in the room, as the log stores it. */
export type TeamEvent =
  // Engine requests (they change the run). A status update's act carries what it says.
  | { type: 'act'; action: string; update?: StatusUpdateContent }
  | { type: 'choose'; prompt: string; option: string }
  | { type: 'ack' }
  | { type: 'inject'; inject: string }
  | { type: 'say'; from: string; text: string }
  // Coordination (scored, the engine never sees them).
  | { type: 'assign'; to: string; task: string }
  | { type: 'ask-status'; to: string | null }
  | { type: 'status'; text: string }
  | { type: 'handover'; to: string }
  | { type: 'take-command' }
  // The room.
  | { type: 'join'; name: string; seat: Seat }
  | { type: 'remove'; player: string }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'speed'; speed: TeamSpeed }
  | { type: 'end' };

/** One accepted request. `player` is a room-given id ("p1"…) or "facilitator". */
export interface TeamLogEntry {
  seq: number;
  t: number;
  player: string;
  /** The seat the player held when the request was accepted. */
  role: Seat;
  event: TeamEvent;
}

/** True for the entries the engine must see to reproduce the run. */
export function isEngineEvent(event: TeamEvent): event is Extract<TeamEvent, { type: 'act' | 'choose' | 'ack' | 'inject' | 'say' }> {
  return event.type === 'act' || event.type === 'choose' || event.type === 'ack' || event.type === 'inject' || event.type === 'say';
}

/**
 * The engine event an entry sends the run, or null for entries the engine never sees.
 * The room's drill and every browser's copy of the run both go through this.
 */
export function engineEventOf(entry: TeamLogEntry): PlayerEvent | null {
  const e = entry.event;
  switch (e.type) {
    case 'act':
      return { type: 'act', action: e.action, ...(e.update ? { update: { ...e.update } } : {}), by: entry.player };
    case 'choose':
      return { type: 'choose', prompt: e.prompt, option: e.option, by: entry.player };
    case 'ack':
      return { type: 'ack', by: entry.player };
    case 'inject':
      return { type: 'inject', inject: e.inject };
    case 'say':
      return { type: 'say', from: e.from, text: e.text };
    default:
      return null;
  }
}

/**
 * The single-player choice log of a drill: the engine-facing entries in log order, at
 * their sim times. `playChoices` on it rebuilds the run the room ran.
 */
export function teamChoices(log: readonly TeamLogEntry[]): TimedChoice[] {
  const out: TimedChoice[] = [];
  for (const { t, player: by, event: e } of log) {
    if (e.type === 'act') out.push({ at: t, do: e.action, ...(e.update ? { update: { ...e.update } } : {}), by });
    else if (e.type === 'choose') out.push({ at: t, choose: `${e.prompt}.${e.option}`, by });
    else if (e.type === 'ack') out.push({ at: t, ack: true, by });
    else if (e.type === 'inject') out.push({ at: t, inject: e.inject });
    else if (e.type === 'say') out.push({ at: t, say: { from: e.from, text: e.text } });
  }
  return out;
}

/** A player as the roster shows them. */
export interface TeamMember {
  id: string;
  name: string;
  seat: Seat;
  /** Taken out of the drill by the facilitator: still listed, no longer acting. */
  out: boolean;
}

/** Whether a seat plays (holds a role) rather than runs or watches the drill. */
export function isRole(seat: Seat): seat is TeamRole {
  return seat === 'ic' || seat === 'ops' || seat === 'comms' || seat === 'observer';
}
