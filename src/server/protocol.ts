/**
 * The game-day wire protocol: every message a browser sends the room server and every
 * message the server sends back, as Zod schemas with their types. Both sides import this
 * file (it has no Node or browser imports). The server validates every incoming message
 * against these schemas before anything else reads it.
 *
 * The room name is ROOM_NAME; a room's id is its join code. Players replay the broadcast
 * log into their own run of the same scenario and seed (the runner's `playChoices` via
 * `teamChoices`, or `TeamRun.replay`), stepping it to the clock's `t`: the server never
 * sends a player anything of the run that the scenario hides (phase, root cause, the
 * reference timeline); those go to the facilitator alone in `truth`.
 */
import { z } from 'zod';
import { StatusUpdateContent } from '../scenario/schema/index.ts';
import type { TeamEvent, TeamLogEntry } from '../sim/team-log.ts';

/** The Colyseus room type every drill is created under. */
export const ROOM_NAME = 'gameday';
export { CODE_ALPHABET, CODE_LENGTH } from './join-code.ts';
export const JoinCode = z.string().regex(/^[A-HJ-KMNP-Z2-9]{6}$/, 'a join code is 6 letters and digits, like K7QF2M');

/** Largest message a client may send, in bytes of JSON (checked before parsing the fields). */
export const MAX_MESSAGE_BYTES = 2048;
/** Most messages a client may send per second before the server drops its connection. */
export const MAX_MESSAGES_PER_SECOND = 20;

const Id = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9_-]*$/, 'an id is lowercase letters, digits, - and _');
const PlayerId = z.string().regex(/^p[0-9]{1,3}$/, 'a player id looks like p3');
const Name = z.string().trim().min(1, 'a display name is needed').max(40, 'a display name is at most 40 characters');
const Text = z.string().trim().min(1).max(500);

export const Seat = z.enum(['ic', 'ops', 'comms', 'observer', 'facilitator', 'projector']);
export const PlayerSeat = z.enum(['ic', 'ops', 'comms', 'observer', 'projector']);
export const Speed = z.union([z.literal(1), z.literal(2), z.literal(5), z.literal(10), z.literal(20)]);
/** A random id a browser keeps (localStorage) so it gets its seat back after a drop or a server restart. */
export const BrowserKey = z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const HostSecret = z.string().min(16).max(128);

// ---------------------------------------------------------------- join and create options

/** `client.create(ROOM_NAME, CreateOptions)`: the host makes a room and sits in the facilitator seat. */
export const CreateOptions = z.strictObject({
  scenarioId: Id,
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  speed: Speed.optional(),
  name: Name.optional(),
  browserKey: BrowserKey,
});
export type CreateOptions = z.infer<typeof CreateOptions>;

/**
 * `client.joinById(code, JoinOptions)`: a player takes a seat; the same browserKey gets
 * the same seat back. The host rejoins with seat "facilitator" and its hostSecret.
 */
export const JoinOptions = z.union([
  z.strictObject({ name: Name, seat: PlayerSeat, browserKey: BrowserKey }),
  z.strictObject({ seat: z.literal('facilitator'), hostSecret: HostSecret, browserKey: BrowserKey, name: Name.optional() }),
]);
export type JoinOptions = z.infer<typeof JoinOptions>;

// ---------------------------------------------------------------- client → server

/** Message type names a client sends, with the schema of each payload. */
export const ClientMessages = {
  /** Take an action of the scenario; a status update carries what it says (four closed choices, so bounded). */
  act: z.strictObject({ action: Id, update: StatusUpdateContent.optional() }),
  /** Answer an open decision. */
  choose: z.strictObject({ prompt: Id, option: Id }),
  /** Acknowledge the waiting pages. */
  ack: z.strictObject({}),
  /** Commander: give a person a task (an action id or a few words). */
  assign: z.strictObject({ to: PlayerId, task: Text }),
  /** Commander: ask one person (or everyone, `to: null`) for status. */
  askStatus: z.strictObject({ to: PlayerId.nullable() }),
  /** Anyone playing: report status to the room. */
  status: z.strictObject({ text: Text }),
  /** Commander: hand command to another player. */
  handover: z.strictObject({ to: PlayerId }),
  /** Anyone playing, when nobody commands: take command. */
  takeCommand: z.strictObject({}),
  /** Facilitator only. */
  control: z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('start') }),
    z.strictObject({ op: z.literal('pause') }),
    z.strictObject({ op: z.literal('resume') }),
    z.strictObject({ op: z.literal('end') }),
    z.strictObject({ op: z.literal('speed'), speed: Speed }),
    z.strictObject({ op: z.literal('inject'), inject: Id }),
    z.strictObject({ op: z.literal('say'), from: Id, text: Text }),
    z.strictObject({ op: z.literal('remove'), player: PlayerId }),
  ]),
} as const;
export type ClientMessageType = keyof typeof ClientMessages;
export type ClientMessage<K extends ClientMessageType> = z.infer<(typeof ClientMessages)[K]>;

// ---------------------------------------------------------------- server → client

const TeamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('act'), action: z.string(), update: StatusUpdateContent.optional() }),
  z.object({ type: z.literal('choose'), prompt: z.string(), option: z.string() }),
  z.object({ type: z.literal('ack') }),
  z.object({ type: z.literal('inject'), inject: z.string() }),
  z.object({ type: z.literal('say'), from: z.string(), text: z.string() }),
  z.object({ type: z.literal('assign'), to: z.string(), task: z.string() }),
  z.object({ type: z.literal('ask-status'), to: z.string().nullable() }),
  z.object({ type: z.literal('status'), text: z.string() }),
  z.object({ type: z.literal('handover'), to: z.string() }),
  z.object({ type: z.literal('take-command') }),
  z.object({ type: z.literal('join'), name: z.string(), seat: Seat }),
  z.object({ type: z.literal('remove'), player: z.string() }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('speed'), speed: Speed }),
  z.object({ type: z.literal('end') }),
]);

/** One entry of the ordered team log. */
export const LogEntry = z.object({ seq: z.number().int().min(1), t: z.number(), player: z.string(), role: Seat, event: TeamEventSchema });

/** Where the drill's clock is. `t` is sim seconds; players step their run to it. */
export const Clock = z.object({
  t: z.number(),
  started: z.boolean(),
  paused: z.boolean(),
  speed: Speed,
  ended: z.object({ at: z.number(), by: z.enum(['scenario', 'facilitator']) }).nullable(),
});
export type Clock = z.infer<typeof Clock>;

export const Member = z.object({ id: z.string(), name: z.string(), seat: Seat, out: z.boolean(), connected: z.boolean() });
export type Member = z.infer<typeof Member>;

/** Ground truth, for the facilitator alone. */
export const Truth = z.object({
  phase: z.string(),
  phaseTitle: z.string(),
  phaseDescription: z.string(),
  /** What moves the incident on from here. */
  next: z.array(z.object({ to: z.string(), description: z.string() })),
  /** Every fact of the scenario and whether the team has found it. */
  facts: z.array(z.object({ id: z.string(), text: z.string(), known: z.boolean() })),
  /** The L5 reference playthrough on the drill's clock, with each step's seat. */
  reference: z.array(z.object({ at: z.number(), label: z.string(), role: z.string() })),
  injects: z.array(z.object({ id: z.string(), label: z.string(), description: z.string(), fired: z.boolean() })),
  stakeholders: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});
export type Truth = z.infer<typeof Truth>;

/** Message type names the server sends, with the schema of each payload. */
export const ServerMessages = {
  /** Sent once to each client that joins: everything needed to build the run so far. */
  welcome: z.object({
    code: z.string(),
    you: z.object({ id: z.string(), name: z.string(), seat: Seat }),
    /** Only to the facilitator, on creating the room: keep it to get the controls back. */
    hostSecret: z.string().optional(),
    scenarioId: z.string(),
    scenarioTitle: z.string(),
    seed: z.number(),
    roster: z.array(Member),
    log: z.array(LogEntry),
    clock: Clock,
  }),
  /** New log entries, in order, to everyone. */
  log: z.object({ entries: z.array(LogEntry) }),
  /** The clock moved or changed state. */
  clock: Clock,
  /** Who is in the room. */
  roster: z.object({ members: z.array(Member) }),
  /** Facilitator only: the hidden state of the run. */
  truth: Truth,
  /** A request was refused, or something went wrong, in plain words. */
  notice: z.object({ code: z.enum(['refused', 'invalid', 'removed', 'restored']), text: z.string() }),
} as const;
export type ServerMessageType = keyof typeof ServerMessages;
export type ServerMessage<K extends ServerMessageType> = z.infer<(typeof ServerMessages)[K]>;

// The wire schema and the sim's log types must stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const logShape: Same<z.infer<typeof LogEntry>, TeamLogEntry> = true;
const eventShape: Same<z.infer<typeof TeamEventSchema>, TeamEvent> = true;
void logShape;
void eventShape;

/** Plain-words messages for join failures, so both sides say the same thing. */
export const JOIN_ERRORS = {
  noRoom: (code: string) => `There is no game day with the code ${code}. Check the code with your facilitator.`,
  finished: (code: string) => `The game day ${code} has finished.`,
  badSecret: 'That is not the host\'s browser: the facilitator controls stay with the browser that hosted the game day.',
  badOptions: (what: string) => `Could not join: ${what}.`,
} as const;
