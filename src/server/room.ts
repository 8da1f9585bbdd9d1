/**
 * One game day as a Colyseus room. The room holds no rules: it checks who a message is
 * from, validates it against the protocol, hands it to the drill (`TeamRun`), and sends
 * the accepted log entries, the clock and the facilitator's hidden view back out. Real
 * time enters only here, turned into sim time at the facilitator's speed (1x: one engine
 * tick per real second, as in single play).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Room, ServerError, type Client } from '@colyseus/core';
import type { Scenario } from '../scenario/schema/index.ts';
import { FACILITATOR, TeamRun } from '../sim/team.ts';
import type { TeamEvent, TeamLogEntry } from '../sim/team-log.ts';
import { truthOf } from '../sim/team-truth.ts';
import type { Seat } from '../sim/team-roles.ts';
import { describeIssues, toTeamEvent } from './messages.ts';
import {
  ClientMessages,
  CODE_ALPHABET,
  CODE_LENGTH,
  CreateOptions,
  JOIN_ERRORS,
  JoinOptions,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGES_PER_SECOND,
  type ClientMessageType,
  type Member,
  type ServerMessage,
  type ServerMessageType,
} from './protocol.ts';
import type { ScenarioLibrary } from './library.ts';
import { hashSecret, type RoomStore } from './store.ts';

/** What every room of a server shares: where scenarios and logs live. */
export interface RoomContext {
  library: ScenarioLibrary;
  store: RoomStore | null;
  /** Real milliseconds between clock updates. */
  frameMs?: number;
  /** Multiplies every room's speed (tests and benchmarks run drills faster than a person could). */
  timeScale?: number;
}

let context: RoomContext | null = null;
/** Sets the library and store rooms use; called by the server before it accepts rooms. */
export function configureRooms(ctx: RoomContext): void {
  context = ctx;
}

interface Seated {
  player: string;
  seat: Seat;
}

/** Internal create option used when a restarted server reopens a room from its log. */
export interface RestoreOptions {
  restore: string;
}

/** Real seconds with nobody connected after which a room closes (its log stays on disk). */
const IDLE_CLOSE_SECONDS = 30 * 60;
/** Real milliseconds between clock marks written to disk. */
const CLOCK_MARK_MS = 2000;

function newCode(taken: (code: string) => boolean): string {
  for (;;) {
    const bytes = randomBytes(CODE_LENGTH);
    let code = '';
    for (const b of bytes) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
    if (!taken(code)) return code;
  }
}

function sameSecret(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export class GameDayRoom extends Room {
  override maxClients = 24;
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  override autoDispose = false;
  override patchRate = null;

  team!: TeamRun;
  private scenario!: Scenario;
  private code = '';
  private hostSecretHash = '';
  /** The secret itself, kept only to hand back to the host's browser on its first join. */
  private hostSecret: string | null = null;
  private creatorKey: string | null = null;
  private readonly seats = new Map<string, string>();
  private readonly connected = new Map<string, number>();
  private carry = 0;
  private lastFrame = 0;
  private lastMark = 0;
  private lastT = -1;
  private lastEnded = false;
  private truthKey = '';
  private idleSince = 0;

  override onCreate(options: CreateOptions | RestoreOptions): void {
    const ctx = context;
    if (!ctx) throw new ServerError(500, 'the room server is not configured');
    if ('restore' in options) this.restore(ctx, options.restore);
    else this.create(ctx, options);
    this.roomId = this.code;
    this.onMessage('*', (client: Client, type: string | number, payload: unknown) => this.handle(client, String(type), payload));
    this.lastFrame = performance.now();
    this.idleSince = this.lastFrame;
    this.clock.setInterval(() => this.frame(), ctx.frameMs ?? 100);
  }

  private create(ctx: RoomContext, raw: unknown): void {
    const parsed = CreateOptions.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, `Could not host: ${describeIssues(parsed.error)}.`);
    const options = parsed.data;
    const scenario = ctx.library.get(options.scenarioId);
    if (typeof scenario === 'string') throw new ServerError(404, `Could not host: ${scenario}.`);
    this.scenario = scenario;
    const seed = options.seed ?? scenario.seed;
    this.team = new TeamRun(scenario, { seed, speed: options.speed ?? 1 });
    this.code = newCode((code) => ctx.store?.has(code) ?? false);
    this.hostSecret = randomBytes(24).toString('base64url');
    this.hostSecretHash = hashSecret(this.hostSecret);
    this.creatorKey = options.browserKey;
    ctx.store?.create({ kind: 'header', code: this.code, scenarioId: scenario.id, seed, speed: this.team.speed, hostSecretHash: this.hostSecretHash });
  }

  private restore(ctx: RoomContext, code: string): void {
    const stored = ctx.store?.read(code);
    if (!stored) throw new ServerError(404, JOIN_ERRORS.noRoom(code));
    const scenario = ctx.library.get(stored.header.scenarioId);
    if (typeof scenario === 'string') throw new ServerError(404, `Could not reopen ${code}: ${scenario}.`);
    this.scenario = scenario;
    this.team = TeamRun.replay(scenario, { seed: stored.header.seed, speed: stored.header.speed }, stored.entries, stored.clockT);
    this.code = code;
    this.hostSecretHash = stored.header.hostSecretHash;
    for (const [key, player] of stored.seats) this.seats.set(key, player);
  }

  override onAuth(_client: Client, raw: unknown): Seated {
    if (this.team.ended && !this.isHostJoin(raw)) throw new ServerError(410, JOIN_ERRORS.finished(this.code));
    if (this.isCreator(raw)) return { player: FACILITATOR, seat: 'facilitator' };
    const parsed = JoinOptions.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, JOIN_ERRORS.badOptions(describeIssues(parsed.error)));
    const options = parsed.data;
    if (options.seat === 'facilitator') {
      if (!sameSecret(options.hostSecret, this.hostSecretHash)) throw new ServerError(403, JOIN_ERRORS.badSecret);
      return { player: FACILITATOR, seat: 'facilitator' };
    }
    const known = this.seats.get(options.browserKey);
    if (known) {
      const member = this.team.members.get(known);
      if (member) return { player: known, seat: member.seat };
    }
    const result = this.team.join(options.name, options.seat);
    if (!result.ok) throw new ServerError(409, `Could not join: ${result.reason}.`);
    this.seats.set(options.browserKey, result.entry.player);
    context?.store?.append(this.code, { kind: 'seat', browserKey: options.browserKey, player: result.entry.player });
    this.accepted(result.entry);
    return { player: result.entry.player, seat: options.seat };
  }

  private isCreator(raw: unknown): boolean {
    const parsed = CreateOptions.safeParse(raw);
    return parsed.success && this.creatorKey !== null && parsed.data.browserKey === this.creatorKey;
  }

  private isHostJoin(raw: unknown): boolean {
    const parsed = JoinOptions.safeParse(raw);
    return parsed.success && parsed.data.seat === 'facilitator' && sameSecret(parsed.data.hostSecret, this.hostSecretHash);
  }

  override onJoin(client: Client): void {
    const seated = client.auth as Seated;
    client.userData = seated;
    this.connected.set(seated.player, (this.connected.get(seated.player) ?? 0) + 1);
    const me = this.team.members.get(seated.player);
    const welcome: ServerMessage<'welcome'> = {
      code: this.code,
      you: { id: seated.player, name: me?.name ?? 'Facilitator', seat: me?.seat ?? seated.seat },
      scenarioId: this.scenario.id,
      scenarioTitle: this.scenario.title,
      seed: this.team.run.seed,
      roster: this.roster(),
      log: this.team.log,
      clock: this.team.clock,
    };
    if (seated.player === FACILITATOR && this.hostSecret) welcome.hostSecret = this.hostSecret;
    this.sendTo(client, 'welcome', welcome);
    if (seated.player === FACILITATOR) this.sendTo(client, 'truth', truthOf(this.team.run));
    this.broadcastMessage('roster', { members: this.roster() });
  }

  override onDrop(client: Client): void {
    this.markGone(client);
    // Not awaited: the dropped socket closes now, and the browser may come back within 30 s
    // with its reconnection token; after that it rejoins its seat with its key.
    this.allowReconnection(client, 30).catch(() => {});
  }

  override onReconnect(client: Client): void {
    const seated = client.userData as Seated & { gone?: boolean };
    seated.gone = false;
    this.connected.set(seated.player, (this.connected.get(seated.player) ?? 0) + 1);
    this.broadcastMessage('roster', { members: this.roster() });
  }

  override onLeave(client: Client): void {
    // A drop already counted the disconnection; a reconnection that timed out ends here.
    if ((client.userData as Seated & { gone?: boolean })?.gone) return;
    this.markGone(client);
  }

  private markGone(client: Client): void {
    const seated = client.userData as (Seated & { gone?: boolean }) | undefined;
    if (!seated || seated.gone) return;
    seated.gone = true;
    this.connected.set(seated.player, Math.max(0, (this.connected.get(seated.player) ?? 1) - 1));
    if (this.clients.length === 0) this.idleSince = performance.now();
    this.broadcastMessage('roster', { members: this.roster() });
  }

  private roster(): Member[] {
    return [...this.team.members.values()].map((m) => ({ ...m, connected: (this.connected.get(m.id) ?? 0) > 0 }));
  }

  private handle(client: Client, type: string, payload: unknown): void {
    const seated = client.userData as Seated | undefined;
    if (!seated) return;
    const schema = (ClientMessages as Record<string, (typeof ClientMessages)[ClientMessageType]>)[type];
    if (!schema) return this.notice(client, 'invalid', `"${type.slice(0, 40)}" is not a game-day message`);
    let size = 0;
    try {
      size = JSON.stringify(payload ?? {}).length;
    } catch {
      size = Infinity;
    }
    if (size > MAX_MESSAGE_BYTES) return this.notice(client, 'invalid', `the "${type}" message is too large (${MAX_MESSAGE_BYTES} bytes at most)`);
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) return this.notice(client, 'invalid', `the "${type}" message is not valid: ${describeIssues(parsed.error)}`);
    const event: TeamEvent = toTeamEvent(type as ClientMessageType, parsed.data);
    if (type === 'control' && seated.player !== FACILITATOR) return this.notice(client, 'refused', 'only the facilitator runs the drill');
    const result = this.team.request(seated.player, event);
    if (!result.ok) return this.notice(client, 'refused', result.reason);
    this.accepted(result.entry);
    if (event.type === 'remove') {
      for (const c of this.clients) if ((c.userData as Seated | undefined)?.player === event.player) this.notice(c, 'removed', 'The facilitator has taken you out of the drill. You can keep watching.');
      this.broadcastMessage('roster', { members: this.roster() });
    }
    if (event.type === 'handover' || event.type === 'take-command') this.broadcastMessage('roster', { members: this.roster() });
  }

  /** An accepted entry: on disk first, then to everyone. */
  private accepted(entry: TeamLogEntry): void {
    context?.store?.append(this.code, { kind: 'entry', entry });
    this.broadcastMessage('log', { entries: [entry] });
    if (entry.event.type === 'join') this.broadcastMessage('roster', { members: this.roster() });
    this.sendClock();
  }

  private frame(): void {
    const now = performance.now();
    const dt = (now - this.lastFrame) / 1000;
    this.lastFrame = now;
    const team = this.team;
    if (team.running) {
      // A stalled process catches up at most a few ticks at once rather than racing.
      // As in single play, 1x is one engine tick per real second (src/game/desk/clock.ts).
      this.carry = Math.min(this.carry + dt * team.speed * team.run.tick * (context?.timeScale ?? 1), team.run.tick * 4);
      const before = team.run.t;
      team.stepTo(before + this.carry);
      this.carry -= team.run.t - before;
    }
    if (team.run.t !== this.lastT || (team.ended !== null) !== this.lastEnded) this.sendClock();
    if (now - this.lastMark > CLOCK_MARK_MS || (team.ended !== null && !this.lastEnded)) {
      this.lastMark = now;
      context?.store?.append(this.code, { kind: 'clock', t: team.run.t, speed: team.speed, paused: team.paused });
    }
    this.lastEnded = team.ended !== null;
    if (this.clients.length > 0) this.idleSince = now;
    else if (now - this.idleSince > IDLE_CLOSE_SECONDS * 1000) void this.disconnect();
  }

  private sendClock(): void {
    this.lastT = this.team.run.t;
    this.broadcastMessage('clock', this.team.clock);
    // The hidden view changes with the phase, what is known and what was fired, not every tick.
    const run = this.team.run;
    const key = `${run.phase}|${run.ending?.id ?? ''}|${run.known.size}|${run.events.length}`;
    if (key !== this.truthKey) {
      this.truthKey = key;
      const truth = truthOf(run);
      for (const c of this.clients) if ((c.userData as Seated | undefined)?.player === FACILITATOR) this.sendTo(c, 'truth', truth);
    }
  }

  private notice(client: Client, code: ServerMessage<'notice'>['code'], text: string): void {
    this.sendTo(client, 'notice', { code, text });
  }

  private sendTo<K extends ServerMessageType>(client: Client, type: K, payload: ServerMessage<K>): void {
    client.send(type, payload);
  }

  private broadcastMessage<K extends ServerMessageType>(type: K, payload: ServerMessage<K>): void {
    this.broadcast(type, payload);
  }
}
