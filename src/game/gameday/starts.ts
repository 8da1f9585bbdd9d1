/** What the game-day screens pass each other. */
import type { Playable } from '../boot/play.ts';
import type { RoomConnection } from '../browser/room-client.ts';
import type { TeamMirror } from './mirror.ts';

export interface JoinStart {
  /** From a `#join/CODE` link. */
  code?: string;
  notice?: string;
}

/** The facilitator console, right after hosting or after a reload of the host's browser. */
export interface ConsoleStart {
  connection: RoomConnection;
}

/** A player's desk or the projector. */
export interface DeskStart {
  connection: RoomConnection;
}

/** The team debrief: the finished drill, as this browser replayed it. */
export interface TeamDebriefStart {
  mirror: TeamMirror;
  playable: Playable;
  /** The person this browser seated (null for the facilitator and the projector: they see the team). */
  you: string | null;
  connection: RoomConnection;
}
