/**
 * Who may do what in a team drill. Seats are the people's places in the room; roles are
 * the seats that play (the facilitator runs the drill, the projector only watches). The
 * rules here are the whole permission model: the room server asks them and nothing else.
 */
import { TeamRole, type Action, type ActionKind, type Prompt } from '../scenario/schema/index.ts';

/** The roles a player can hold in a drill: Incident Commander, Operations, Communications, Observer. */
export const TEAM_ROLES = TeamRole.options;
export type { TeamRole };

/** Every seat in the room: the four roles, the facilitator and the read-only projector. */
export const SEATS = [...TEAM_ROLES, 'facilitator', 'projector'] as const;
export type Seat = (typeof SEATS)[number];

/** Plain names for each seat, as the room and the debrief print them. */
export const SEAT_NAMES: Readonly<Record<Seat, string>> = {
  ic: 'Incident Commander',
  ops: 'Operations',
  comms: 'Communications',
  observer: 'Observer',
  facilitator: 'Facilitator',
  projector: 'Projector',
};

/**
 * The role an action belongs to when the scenario does not name one: hands-on work is
 * Operations', talking to stakeholders is Communications', escalating (paging others,
 * declaring, calling in help) is the commander's call.
 */
export const DEFAULT_ROLE_BY_KIND: Readonly<Record<ActionKind, TeamRole>> = {
  investigate: 'ops',
  mitigate: 'ops',
  communicate: 'comms',
  escalate: 'ic',
};

/** The role an action is meant for: the scenario's `role`, else the default for its kind. */
export function roleOfAction(action: Action): TeamRole {
  return action.role ?? DEFAULT_ROLE_BY_KIND[action.kind];
}

/** The role a decision prompt is meant for: the scenario's `role`, else the commander. */
export function roleOfPrompt(prompt: Prompt): TeamRole {
  return prompt.role ?? 'ic';
}

/** Why a request is refused, in plain words; null when it is allowed. */
export type Refusal = string | null;

/**
 * Whether a player in `role` may take `action`. The commander may take over any action
 * (the team debrief notes it as hands-on work); observers change nothing.
 */
export function mayAct(role: TeamRole, action: Action): Refusal {
  if (role === 'observer') return 'observers watch; they do not act';
  const owner = roleOfAction(action);
  if (role === owner || role === 'ic') return null;
  return `"${action.label}" is for ${SEAT_NAMES[owner]}; ask the commander to assign it`;
}

/** Whether a player in `role` may answer `prompt`. The commander may answer any decision. */
export function mayAnswer(role: TeamRole, prompt: Prompt): Refusal {
  const owner = roleOfPrompt(prompt);
  if (role === owner || role === 'ic') return null;
  return `this decision is for ${SEAT_NAMES[owner]}`;
}

/** Acknowledging a page is the on-call engineer's job: Operations or the commander. */
export function mayAck(role: TeamRole): Refusal {
  return role === 'ops' || role === 'ic' ? null : 'only Operations or the commander acknowledge pages';
}

/** Assigning work and asking for status are the commander's coordination tools. */
export function mayCoordinate(role: TeamRole): Refusal {
  return role === 'ic' ? null : 'only the Incident Commander assigns work and asks for status';
}

/** Anyone playing may report status to the room; observers stay silent. */
export function mayReport(role: TeamRole): Refusal {
  return role === 'observer' ? 'observers watch; they do not report' : null;
}
