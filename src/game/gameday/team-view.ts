/** Small pure helpers the team screens share: the roster in one line, colours by kind of news. */
import type { Member } from '../../server/protocol.ts';
import { SEAT_SHORT, type TeamLine } from './team-text.ts';

export const TONE_COLOUR: Record<TeamLine['tone'], string> = {
  work: '#dde3ea',
  talk: '#4cc38a',
  command: '#c792ea',
  room: '#93a1b3',
  inject: '#ffb547',
};

const ORDER = ['ic', 'ops', 'comms', 'observer', 'projector', 'facilitator'] as const;

/** "IC: Ana · Ops: Bo, Cy (offline) · Comms: Di" — who holds which seat; players taken out are left off. */
export function rosterLine(roster: readonly Member[]): string {
  const parts: string[] = [];
  for (const seat of ORDER) {
    if (seat === 'facilitator' || seat === 'projector') continue;
    const here = roster.filter((m) => m.seat === seat && !m.out);
    if (here.length === 0) {
      if (seat === 'ic') parts.push('IC: nobody');
      continue;
    }
    parts.push(`${SEAT_SHORT[seat]}: ${here.map((m) => `${m.name}${m.connected ? '' : ' (offline)'}`).join(', ')}`);
  }
  return parts.join(' · ');
}
