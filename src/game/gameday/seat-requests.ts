/**
 * What a seat may ask of the room right now, from this browser's replay: the request a
 * key or click becomes, or null when the seat's rules (src/sim/team-roles.ts) would refuse
 * it — so a desk never sends what the room will turn down — and the warning line the
 * team strip shows. Pure; the room still decides.
 */
import type { StatusUpdateContent } from '../../scenario/schema/index.ts';
import { isRole } from '../../sim/team-log.ts';
import { mayAck, mayAct, mayAnswer, SEAT_NAMES, type TeamRole } from '../../sim/team-roles.ts';
import type { Outgoing } from './team-command.ts';
import type { TeamMirror } from './mirror.ts';

/** The role this browser's person plays now, or null (projector, facilitator). A handover changes it. */
export function roleOf(mirror: TeamMirror): TeamRole | null {
  const seat = mirror.you.seat;
  return isRole(seat) ? seat : null;
}

/** The ids of the actions a role may take. */
export function actionsFor(mirror: TeamMirror, role: TeamRole | null): Set<string> {
  return new Set(role ? mirror.scenario.actions.filter((a) => mayAct(role, a) === null).map((a) => a.id) : []);
}

function playing(mirror: TeamMirror): TeamRole | null {
  const role = roleOf(mirror);
  return role && !mirror.out && !mirror.clock.ended ? role : null;
}

export function ackRequest(mirror: TeamMirror): Outgoing | null {
  const role = playing(mirror);
  if (!role || mayAck(role) || mirror.snapshot().pager.length === 0) return null;
  return { type: 'ack', payload: {} };
}

/** The action, if this seat may take it now (it is offered, and it is this seat's work). */
function takeable(mirror: TeamMirror, id: string) {
  const role = playing(mirror);
  const action = mirror.scenario.actions.find((a) => a.id === id);
  const view = mirror.snapshot().actions.find((a) => a.id === id);
  return role && action && view?.available && !mayAct(role, action) ? action : null;
}

/**
 * The request taking an action becomes. A status update is sent with what it says, so
 * without `update` it is not a request yet (`composesUpdate` says to open the composer).
 */
export function actRequest(mirror: TeamMirror, id: string, update?: StatusUpdateContent): Outgoing | null {
  const action = takeable(mirror, id);
  if (!action || action.statusUpdate !== !!update) return null;
  return { type: 'act', payload: update ? { action: id, update } : { action: id } };
}

/** Whether taking this action opens the status-update composer: it is a status update this seat may post now. */
export function composesUpdate(mirror: TeamMirror, id: string): boolean {
  return takeable(mirror, id)?.statusUpdate ?? false;
}

/** Whether this person answers the decision open now. */
export function answersOpenPrompt(mirror: TeamMirror): boolean {
  const role = playing(mirror);
  const open = mirror.snapshot().prompts[0];
  const spec = open ? mirror.scenario.prompts.find((p) => p.id === open.id) : undefined;
  return !!role && !!spec && mayAnswer(role, spec) === null;
}

export function chooseRequest(mirror: TeamMirror, index: number): Outgoing | null {
  const prompt = mirror.snapshot().prompts[0];
  const option = prompt?.options[index];
  if (!prompt || !option || !answersOpenPrompt(mirror)) return null;
  return { type: 'choose', payload: { prompt: prompt.id, option: option.id } };
}

/** Real milliseconds a refusal stays on screen. */
export const NOTICE_MS = 6000;

/** The strip's warning line: being out, a fresh refusal, or a decision waiting for another seat. */
export function noteLine(mirror: TeamMirror, now: number): string {
  if (mirror.out) return 'The facilitator has taken you out of the drill: watch how the team copes.';
  const n = mirror.notice;
  if (n && now - n.at < NOTICE_MS) return n.text;
  const open = mirror.snapshot().prompts[0];
  if (open && !answersOpenPrompt(mirror)) {
    const spec = mirror.scenario.prompts.find((p) => p.id === open.id);
    const owner = (spec?.role ?? 'ic') as TeamRole;
    return `Decision waiting for the ${SEAT_NAMES[owner]}: ${open.question}`;
  }
  return '';
}
