/**
 * The browser's one door to the room server: the only module that imports the Colyseus
 * SDK. It opens or joins a room, checks every message the server sends against the
 * protocol's schemas, and hands the scenes plain typed messages. The browser keeps a
 * random key (so a dropped laptop gets its seat back) and, for a host, the room's secret.
 */
import { Client, type Room } from '@colyseus/sdk';
import {
  ROOM_NAME,
  ServerMessages,
  type ClientMessage,
  type ClientMessageType,
  type CreateOptions,
  type JoinOptions,
  type ServerMessage,
  type ServerMessageType,
} from '../../server/protocol.ts';
import { browserStore } from './storage.ts';

export type Welcome = ServerMessage<'welcome'>;

/** A message from the server, checked against the protocol. */
export type RoomMessage = { [K in ServerMessageType]: { type: K; payload: ServerMessage<K> } }[ServerMessageType];

/** The connection's own news: dropped, back, or gone for good. */
export type LinkState = 'connected' | 'reconnecting' | 'closed';

export interface RoomListener {
  message?: (m: RoomMessage) => void;
  link?: (state: LinkState, reason?: string) => void;
}

const KEY_STORE = 'burn-rate.gameday.browser-key';
const NAME_STORE = 'burn-rate.gameday.name';
const SEAT_STORE = 'burn-rate.gameday.seat.';
const HOST_STORE = 'burn-rate.gameday.host.';
/** How long to wait for the room's welcome after the socket opens. */
const WELCOME_MS = 10_000;

/** The path the room server answers under, beside the game's own files. */
const ROOM_PATH = '/gameday';

/**
 * Where the room server is: `?rooms=URL` if the page was opened with one, else beside the
 * page (the play command and `npm run serve` put the rooms on the game's own origin).
 */
export function roomServerUrl(): string {
  const override = new URLSearchParams(location.search).get('rooms');
  return override && /^https?:\/\//.test(override) ? override.replace(/\/$/, '') : `${location.origin}${ROOM_PATH}`;
}

function randomKey(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This browser's key: made once and kept, so a reload or a new tab is the same person. */
export function browserKey(): string {
  const store = browserStore();
  const kept = store?.getItem(KEY_STORE);
  if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
  const key = randomKey();
  store?.setItem(KEY_STORE, key);
  return key;
}

/** The display name this browser last joined with, to fill the join form. */
export function rememberedName(): string {
  return browserStore()?.getItem(NAME_STORE) ?? '';
}

/** The seat this browser holds in a room, if it joined it before (a reload rejoins it). */
export function rememberedSeat(code: string): { name: string; seat: JoinSeat } | null {
  try {
    const raw = browserStore()?.getItem(SEAT_STORE + code);
    const v = raw ? (JSON.parse(raw) as { name?: unknown; seat?: unknown }) : null;
    if (v && typeof v.name === 'string' && typeof v.seat === 'string' && ['ic', 'ops', 'comms', 'observer', 'projector'].includes(v.seat)) return { name: v.name, seat: v.seat as JoinSeat };
  } catch {
    // A damaged entry is as good as none.
  }
  return null;
}

/** Whether this browser hosted the room with this code (and so holds its secret). */
export function isHostOf(code: string): boolean {
  return !!browserStore()?.getItem(HOST_STORE + code);
}

export type JoinSeat = Extract<JoinOptions, { name: string; seat: string }>['seat'];

/** One open room. */
export class RoomConnection {
  private readonly listeners = new Set<RoomListener>();
  private backlog: RoomMessage[] = [];
  link: LinkState = 'connected';

  private constructor(
    private readonly room: Room,
    readonly welcome: Welcome,
  ) {}

  get code(): string {
    return this.welcome.code;
  }

  get you(): Welcome['you'] {
    return this.welcome.you;
  }

  /** Opens a connection on a joined room: waits for the welcome, keeps later messages for the first listener. */
  static async open(room: Room): Promise<RoomConnection> {
    const early: RoomMessage[] = [];
    let connection: RoomConnection | null = null;
    let welcomed: (w: Welcome) => void = () => undefined;
    let failed: (e: Error) => void = () => undefined;
    const welcome = new Promise<Welcome>((resolve, reject) => {
      welcomed = resolve;
      failed = reject;
    });
    for (const type of Object.keys(ServerMessages) as ServerMessageType[]) {
      room.onMessage(type, (raw: unknown) => {
        const parsed = ServerMessages[type].safeParse(raw);
        if (!parsed.success) {
          const m: RoomMessage = { type: 'notice', payload: { code: 'invalid', text: `The room server sent a "${type}" message this game cannot read; reload to resync.` } };
          if (connection) connection.deliver(m);
          return;
        }
        const m = { type, payload: parsed.data } as RoomMessage;
        if (m.type === 'welcome' && !connection) return welcomed(m.payload);
        if (connection) connection.deliver(m);
        else early.push(m);
      });
    }
    room.onLeave((code: number, reason?: string) => {
      if (!connection) failed(new Error(reason || `the room closed the connection (${code})`));
      else connection.setLink('closed', reason);
    });
    room.onDrop(() => connection?.setLink('reconnecting'));
    room.onReconnect(() => connection?.setLink('connected'));
    const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('The room server did not answer in time. Check the address and try again.')), WELCOME_MS));
    const w = await Promise.race([welcome, timer]);
    connection = new RoomConnection(room, w);
    connection.backlog = early;
    return connection;
  }

  /** Listens for messages and link changes; the first listener also gets what came before it. */
  listen(listener: RoomListener): () => void {
    this.listeners.add(listener);
    const queued = this.backlog;
    this.backlog = [];
    for (const m of queued) listener.message?.(m);
    return () => this.listeners.delete(listener);
  }

  send<K extends ClientMessageType>(type: K, payload: ClientMessage<K>): void {
    if (this.link !== 'connected') return;
    this.room.send(type, payload);
  }

  /** Leaves the room for good (the seat is given up only by the server's rules). */
  async leave(): Promise<void> {
    this.listeners.clear();
    try {
      await this.room.leave(true);
    } catch {
      // Already gone.
    }
  }

  private deliver(m: RoomMessage): void {
    if (this.listeners.size === 0) {
      this.backlog.push(m);
      return;
    }
    for (const l of this.listeners) l.message?.(m);
  }

  private setLink(state: LinkState, reason?: string): void {
    this.link = state;
    for (const l of this.listeners) l.link?.(state, reason);
  }
}

/** Turns a failed connect or join into one plain sentence. */
function plain(error: unknown, url: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  // A static copy of the game (no room server beside it) answers the room routes with 404 or an HTML page.
  if (code === 404 || /fetch|network|ECONNREFUSED|Failed to|WebSocket|404|Unexpected token|JSON/i.test(message) || !message) {
    return new Error(`There is no game-day room server at ${url}. Single play works anywhere; game days need \`npm start\` or \`npm run serve\` (see docs/game-day.md).`);
  }
  return new Error(message.endsWith('.') ? message : `${message}.`);
}

/** Hosts a new drill: the room server makes the room, this browser takes the facilitator's seat and keeps the secret. */
export async function hostRoom(url: string, options: Omit<CreateOptions, 'browserKey'>): Promise<RoomConnection> {
  let room: Room;
  try {
    room = await new Client(url).create(ROOM_NAME, { ...options, browserKey: browserKey() } satisfies CreateOptions);
  } catch (e) {
    throw plain(e, url);
  }
  const connection = await RoomConnection.open(room);
  const secret = connection.welcome.hostSecret;
  if (secret) browserStore()?.setItem(HOST_STORE + connection.code, secret);
  return connection;
}

/** Takes the facilitator's seat back in a room this browser hosted (after a reload). */
export async function rejoinAsHost(url: string, code: string): Promise<RoomConnection> {
  const hostSecret = browserStore()?.getItem(HOST_STORE + code);
  if (!hostSecret) throw new Error(`This browser did not host the game day ${code}.`);
  try {
    return await RoomConnection.open(await new Client(url).joinById(code, { seat: 'facilitator', hostSecret, browserKey: browserKey() } satisfies JoinOptions));
  } catch (e) {
    throw plain(e, url);
  }
}

/**
 * Asks the server whether a code names a room that is running, so an unknown or finished
 * code gets its plain message before any socket is opened.
 */
async function checkCode(url: string, code: string): Promise<void> {
  let answer: { status?: unknown; message?: unknown };
  try {
    const res = await fetch(`${url}/status/${encodeURIComponent(code)}`);
    answer = (await res.json()) as typeof answer;
  } catch (e) {
    throw plain(e, url);
  }
  if (answer.status !== 'live') throw new Error(typeof answer.message === 'string' && answer.message ? answer.message : `There is no game day with the code ${code}.`);
}

/** Takes a seat in a room by its code. The same browser gets its seat back. */
export async function joinRoom(url: string, code: string, seat: { name: string; seat: JoinSeat }): Promise<RoomConnection> {
  await checkCode(url, code);
  let connection: RoomConnection;
  try {
    connection = await RoomConnection.open(await new Client(url).joinById(code, { ...seat, browserKey: browserKey() } satisfies JoinOptions));
  } catch (e) {
    throw plain(e, url);
  }
  const store = browserStore();
  store?.setItem(NAME_STORE, seat.name);
  store?.setItem(SEAT_STORE + code, JSON.stringify(seat));
  return connection;
}
