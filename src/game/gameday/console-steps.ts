/**
 * The facilitator console's keys and the cards they open: fire an inject, speak as a
 * stakeholder, take a player out, end the drill — each confirmed before it is sent, since
 * a drill cannot be rewound. Pure and tested; the scene draws the card and sends.
 */
import type { ClientMessage, Clock, Member, Truth } from '../../server/protocol.ts';
import { TEAM_SPEEDS, type TeamSpeed } from '../../sim/team-log.ts';
import { SEAT_NAMES } from '../../sim/team-roles.ts';

export type ConsoleStep =
  | { kind: 'injects' }
  | { kind: 'fire'; inject: string; label: string }
  | { kind: 'say-who' }
  | { kind: 'say-text'; from: string; name: string; text: string }
  | { kind: 'remove-who' }
  | { kind: 'remove'; player: string; name: string }
  | { kind: 'end' };

export type Control = ClientMessage<'control'>;

export interface ConsoleCard {
  title: string;
  body: string;
  options: Array<{ label: string; next?: ConsoleStep; send?: Control }>;
}

export interface ConsoleContext {
  clock: Clock;
  roster: readonly Member[];
  truth: Truth | null;
}

export const SAY_MAX = 300;

/** The clock control for Space: start, then pause and resume; nothing once it is over. */
export function spaceControl(clock: Clock): Control | null {
  if (clock.ended) return null;
  if (!clock.started) return { op: 'start' };
  return { op: clock.paused ? 'resume' : 'pause' };
}

/** The speed one step down or up from now. */
export function speedStep(clock: Clock, by: 1 | -1): Control | null {
  const i = TEAM_SPEEDS.indexOf(clock.speed as TeamSpeed);
  const next = TEAM_SPEEDS[i + by];
  return next === undefined || clock.ended ? null : { op: 'speed', speed: next };
}

/** The players the facilitator may take out: seated, playing, not already out. */
export function removable(roster: readonly Member[]): Member[] {
  return roster.filter((m) => !m.out && m.seat !== 'facilitator' && m.seat !== 'projector');
}

/** The card for a step, with its numbered options. */
export function consoleCard(step: ConsoleStep, ctx: ConsoleContext): ConsoleCard {
  switch (step.kind) {
    case 'injects':
      return {
        title: 'Fire an inject',
        body: ctx.truth?.injects.length ? 'The scenario\'s own surprises. Each may be fired once; the team sees only what it causes.' : 'This scenario declares no injects; M speaks as a stakeholder instead.',
        options: (ctx.truth?.injects ?? []).filter((i) => !i.fired).slice(0, 9).map((i) => ({ label: `${i.label}${i.description ? ` — ${i.description}` : ''}`, next: { kind: 'fire', inject: i.id, label: i.label } })),
      };
    case 'fire':
      return { title: `Fire "${step.label}" now?`, body: 'It happens at once, on the drill\'s clock, for everyone.', options: [{ label: 'Fire it', send: { op: 'inject', inject: step.inject } }] };
    case 'say-who':
      return {
        title: 'Speak as a stakeholder',
        body: 'Who is writing to the team?',
        options: (ctx.truth?.stakeholders ?? []).slice(0, 9).map((s) => ({ label: `${s.name}, ${s.role}`, next: { kind: 'say-text', from: s.id, name: s.name, text: '' } })),
      };
    case 'say-text':
      return {
        title: `Message from ${step.name}`,
        body: `${step.text}▌\n\nType the message; Enter sends it to the team's Comms tab, Esc closes.`,
        options: step.text.trim() ? [{ label: 'Send', send: { op: 'say', from: step.from, text: step.text.trim() } }] : [],
      };
    case 'remove-who':
      return {
        title: 'Take a player out',
        body: 'They leave the drill mid-incident (as when someone is called away): the team must hand over.',
        options: removable(ctx.roster).slice(0, 9).map((m) => ({ label: `${m.name} — ${SEAT_NAMES[m.seat]}`, next: { kind: 'remove', player: m.id, name: m.name } })),
      };
    case 'remove':
      return { title: `Take ${step.name} out of the drill?`, body: 'They keep watching but can no longer act. This cannot be undone.', options: [{ label: `Take ${step.name} out`, send: { op: 'remove', player: step.player } }] };
    case 'end':
      return { title: 'End the drill now?', body: 'The clock stops for good and everyone goes to the debriefs.', options: [{ label: 'End the drill', send: { op: 'end' } }] };
  }
}

/** Typing into the stakeholder message. */
export function typeSay(step: Extract<ConsoleStep, { kind: 'say-text' }>, key: string): ConsoleStep {
  if (key === 'Backspace') return { ...step, text: step.text.slice(0, -1) };
  if (key.length === 1 && step.text.length < SAY_MAX && !(key === ' ' && step.text === '')) return { ...step, text: step.text + key };
  return step;
}
