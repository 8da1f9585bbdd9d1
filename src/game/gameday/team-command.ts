/**
 * "Talk to the team" (Enter on the team desk): report status, and for the commander,
 * assign a task, ask for status, hand over command — or take command when nobody holds
 * it. A small menu of numbered steps; pure, so what each seat is offered is tested. The
 * server still decides: this only offers what the seat's rules would accept.
 */
import type { ActionView } from '../../sim/snapshot.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import { isRole } from '../../sim/team-log.ts';
import { mayAct, SEAT_NAMES, type Seat, type TeamRole } from '../../sim/team-roles.ts';
import type { ClientMessage, ClientMessageType, Member } from '../../server/protocol.ts';

export type CommandStep =
  | { kind: 'menu' }
  | { kind: 'who'; purpose: 'assign' | 'ask' | 'handover' }
  | { kind: 'task'; to: string }
  | { kind: 'status'; text: string };

/** A message the menu wants sent. */
export type Outgoing = { [K in ClientMessageType]: { type: K; payload: ClientMessage<K> } }[ClientMessageType];

export interface CommandOption {
  label: string;
  next?: CommandStep;
  send?: Outgoing;
}

export interface CommandContext {
  me: { id: string; seat: Seat };
  roster: readonly Member[];
  scenario: Scenario;
  actions: readonly ActionView[];
}

export const STATUS_MAX = 200;

function others(ctx: CommandContext): Member[] {
  return ctx.roster.filter((m) => m.id !== ctx.me.id && !m.out && isRole(m.seat) && m.seat !== 'observer');
}

/** The step's title, for the card. */
export function stepTitle(step: CommandStep): string {
  switch (step.kind) {
    case 'menu':
      return 'Talk to the team';
    case 'who':
      return step.purpose === 'assign' ? 'Assign a task to…' : step.purpose === 'ask' ? 'Ask for status from…' : 'Hand command over to…';
    case 'task':
      return 'Which task?';
    case 'status':
      return 'Report status to the room';
  }
}

/** The numbered options of a step (at most nine: the number keys pick them). */
export function stepOptions(step: CommandStep, ctx: CommandContext): CommandOption[] {
  const seat = ctx.me.seat;
  const ic = seat === 'ic';
  const playing = isRole(seat) && seat !== 'observer';
  switch (step.kind) {
    case 'menu': {
      const out: CommandOption[] = [];
      if (playing) out.push({ label: 'Report status to the room (type a line)', next: { kind: 'status', text: '' } });
      if (ic) {
        out.push({ label: 'Assign a task to someone', next: { kind: 'who', purpose: 'assign' } });
        out.push({ label: 'Ask for status', next: { kind: 'who', purpose: 'ask' } });
        out.push({ label: 'Hand over command', next: { kind: 'who', purpose: 'handover' } });
      }
      const commander = ctx.roster.some((m) => m.seat === 'ic' && !m.out);
      if (playing && !ic && !commander) out.push({ label: 'Take command (nobody is Incident Commander)', send: { type: 'takeCommand', payload: {} } });
      return out;
    }
    case 'who': {
      const people = others(ctx).map((m): CommandOption => {
        const label = `${m.name} — ${SEAT_NAMES[m.seat]}${m.connected ? '' : ' (offline)'}`;
        if (step.purpose === 'assign') return { label, next: { kind: 'task', to: m.id } };
        if (step.purpose === 'ask') return { label, send: { type: 'askStatus', payload: { to: m.id } } };
        return { label, send: { type: 'handover', payload: { to: m.id } } };
      });
      if (step.purpose === 'ask') people.unshift({ label: 'Everyone', send: { type: 'askStatus', payload: { to: null } } });
      return people.slice(0, 9);
    }
    case 'task': {
      const member = ctx.roster.find((m) => m.id === step.to);
      if (!member || !isRole(member.seat)) return [];
      const role = member.seat as TeamRole;
      const byId = new Map(ctx.scenario.actions.map((a) => [a.id, a]));
      return ctx.actions
        .filter((a) => a.available && byId.has(a.id) && mayAct(role, byId.get(a.id)!) === null)
        .slice(0, 9)
        .map((a) => ({ label: a.label, send: { type: 'assign', payload: { to: step.to, task: a.id } } }));
    }
    case 'status':
      return step.text.trim() ? [{ label: `Send: "${step.text.trim()}"`, send: { type: 'status', payload: { text: step.text.trim() } } }] : [];
  }
}

/** Typing into a status line: returns the new step. */
export function typeStatus(step: Extract<CommandStep, { kind: 'status' }>, key: string): Extract<CommandStep, { kind: 'status' }> {
  if (key === 'Backspace') return { ...step, text: step.text.slice(0, -1) };
  if (key.length === 1 && step.text.length < STATUS_MAX && !(key === ' ' && step.text === '')) return { ...step, text: step.text + key };
  return step;
}
