/**
 * The team desk's full cards, as content: the briefing a player reads before the
 * facilitator starts, the key sheet, and the card when the drill is over. Pure, so what each seat is told
 * is tested without a browser.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { mayAct, SEAT_NAMES, type Seat } from '../../sim/team-roles.ts';
import { isRole } from '../../sim/team-log.ts';
import type { Clock } from '../../server/protocol.ts';
import type { ModalContent } from '../ui/modal.ts';
import { teamHelp } from './team-view.ts';

/** The briefing: the story, who runs the clock, what this seat's keys do, and who writes the status updates. */
export function briefingCard(code: string, seat: Seat, scenario: Scenario, ready: () => void): ModalContent {
  const updates = scenario.actions.filter((a) => a.statusUpdate);
  const writes = isRole(seat) && updates.some((a) => mayAct(seat, a) === null);
  const updateLine = updates.length === 0 ? '' : writes
    ? ' You write the status updates: their keys open a card where you say who is affected, what is known, what is being done and when the next update comes; each is checked against the run.'
    : ' Communications writes the status updates.';
  return {
    kicker: `Game day ${code} · you are ${SEAT_NAMES[seat]}`,
    title: scenario.title,
    body: `${scenario.briefing ?? ''}\n\nThe facilitator starts and pauses the clock. Your palette offers your seat's work; Enter talks to the team (status, and for the commander: assign, ask, hand over).${updateLine}`.trim(),
    choices: [{ label: 'Ready', key: 'Enter', onPick: ready, tone: 'primary' }],
    width: 760,
  };
}

/** The card when the drill is over: who ended it, and the way to the debriefs. */
export function endingCard(code: string, clock: Clock, ended: RunSnapshot['ended'], open: () => void): ModalContent {
  const by = clock.ended?.by === 'facilitator' ? 'The facilitator ended the drill.' : ended ? `${ended.title}.` : 'The drill is over.';
  return {
    kicker: `Game day ${code} · over`,
    kickerColour: ended?.outcome === 'resolved' ? 'ok' : 'warning',
    title: by,
    body: 'Your own debrief (your level, dimension by dimension, from your own evidence) and the team\'s are ready.',
    choices: [{ label: 'See the debriefs', key: 'Enter', onPick: open, tone: 'primary' }],
  };
}

/** The key sheet: the desk's keys, then the actions this seat is offered now. */
export function helpCard(actions: ReadonlyArray<{ label: string; key: string | undefined }>, close: () => void): ModalContent {
  return {
    kicker: 'Keys',
    title: 'Everything works from the keyboard',
    body: teamHelp(actions),
    choices: [{ label: 'Close', key: 'Esc', onPick: close }],
    width: 1040,
  };
}
