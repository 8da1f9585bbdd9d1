/** Small pure helpers the team screens share: the roster in one line, colours by kind of news. */
import type { Member } from '../../server/protocol.ts';
import { keyLabel } from '../ui/keymap.ts';
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

/** The team desk's key list for `?`: the desk's own keys (no clock keys: the facilitator runs it), then this seat's actions. */
export function teamHelp(actions: ReadonlyArray<{ label: string; key: string | undefined }>): string {
  const desk = [
    'A  acknowledge the page (Operations and the commander)',
    'Enter  talk to the team: report status; the commander also assigns, asks for status, hands over',
    'Tab / Shift+Tab  switch side panel (Comms, Logs, Runbook, Findings) · PgUp / PgDn scroll it',
    '/  type a log filter (Enter keeps it, Esc clears) · \\  log level',
    '1–6  answer an open decision, if your seat answers it',
    'The clock, its speed and pauses belong to the facilitator.',
  ];
  const acts = actions.filter((a) => a.key).map((a) => `${keyLabel(a.key as string)} ${a.label}`);
  return [...desk, '', 'Your seat\'s actions offered now:', acts.join('   ·   ') || 'none right now'].join('\n');
}
