/**
 * People in a game-day room, for tests: each is a real Colyseus client on a real socket,
 * keeping everything the server sent it, in order, as a browser would receive it.
 */
import { Client, type Room } from '@colyseus/sdk';
import { ROOM_NAME, type Clock, type Member, type ServerMessage, type Truth } from '../../src/server/protocol.ts';
import type { TeamLogEntry } from '../../src/sim/team-log.ts';

let keys = 0;
/** A browser key unique in this test process. */
export function browserKey(label: string): string {
  keys += 1;
  return `${label.replace(/[^A-Za-z0-9]/g, '')}-${keys}-0123456789abcdef`.slice(0, 64);
}

export class Person {
  readonly received: Array<{ type: string; payload: unknown }> = [];
  /** Every message as JSON text, to search the wire for what must not be there. */
  readonly wire: string[] = [];
  log: TeamLogEntry[] = [];
  clock: Clock | null = null;
  roster: Member[] = [];
  truth: Truth | null = null;
  notices: Array<ServerMessage<'notice'>> = [];
  welcome: ServerMessage<'welcome'> | null = null;
  room!: Room;

  constructor(
    readonly url: string,
    readonly label: string,
    readonly key: string = browserKey(label),
  ) {}

  get id(): string {
    return this.welcome?.you.id ?? '';
  }

  private attach(room: Room): this {
    this.room = room;
    room.onMessage('*', (type: string | number, payload: unknown) => this.take(String(type), payload));
    return this;
  }

  private take(type: string, payload: unknown): void {
    this.received.push({ type, payload });
    this.wire.push(`${type} ${JSON.stringify(payload)}`);
    if (type === 'welcome') {
      this.welcome = payload as ServerMessage<'welcome'>;
      this.log = [...this.welcome.log];
      this.clock = this.welcome.clock;
      this.roster = this.welcome.roster;
    } else if (type === 'log') {
      for (const e of (payload as ServerMessage<'log'>).entries) if (!this.log.some((x) => x.seq === e.seq)) this.log.push(e);
    } else if (type === 'clock') {
      this.clock = payload as Clock;
    } else if (type === 'roster') {
      this.roster = (payload as ServerMessage<'roster'>).members;
    } else if (type === 'truth') {
      this.truth = payload as Truth;
    } else if (type === 'notice') {
      this.notices.push(payload as ServerMessage<'notice'>);
    }
  }

  async host(scenarioId: string, extra: { seed?: number; speed?: 1 | 2 | 5 | 10 | 20 } = {}): Promise<this> {
    const room = await new Client(this.url).create(ROOM_NAME, { scenarioId, browserKey: this.key, ...extra });
    this.attach(room);
    await this.until(() => this.welcome !== null, 'the host is welcomed');
    return this;
  }

  async join(code: string, seat: 'ic' | 'ops' | 'comms' | 'observer' | 'projector'): Promise<this> {
    const room = await new Client(this.url).joinById(code, { name: this.label, seat, browserKey: this.key });
    this.welcome = null;
    this.attach(room);
    await this.until(() => this.welcome !== null, `${this.label} is welcomed`);
    return this;
  }

  async rejoinAsHost(code: string, hostSecret: string): Promise<this> {
    const room = await new Client(this.url).joinById(code, { seat: 'facilitator', hostSecret, browserKey: this.key });
    this.welcome = null;
    this.attach(room);
    await this.until(() => this.welcome !== null, 'the host is welcomed back');
    return this;
  }

  send(type: string, payload: object = {}): void {
    this.room.send(type, payload);
  }

  /** Sends and waits until the server answers with a log entry of this person's or a notice. */
  async request(type: string, payload: object = {}): Promise<{ entry?: TeamLogEntry; notice?: ServerMessage<'notice'> }> {
    const seqBefore = this.log.reduce((m, e) => Math.max(m, e.seq), 0);
    const noticesBefore = this.notices.length;
    const mine = () => this.log.find((e) => e.seq > seqBefore && e.player === this.id);
    this.send(type, payload);
    await this.until(() => mine() !== undefined || this.notices.length > noticesBefore, `an answer to ${type}`);
    const notice = this.notices[noticesBefore];
    return notice ? { notice } : { entry: mine() as TeamLogEntry };
  }

  async until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const start = performance.now();
    while (!check()) {
      if (performance.now() - start > timeoutMs) throw new Error(`${this.label}: timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async leave(): Promise<void> {
    await this.room.leave(true).catch(() => {});
  }
}
