/**
 * `npm run bench:rooms`: how many game-day rooms one server process holds. A room server
 * runs as its own process (`npm run serve`'s entry point); this process opens rooms of
 * five players (commander, two operators, communications, projector) plus the facilitator,
 * each a real Colyseus client on a real socket, starts every drill at 10x, and has every
 * player send a status report every two seconds. The latency of one report is the time
 * from its send to the same player receiving the broadcast log entry; a report sent in a
 * step's window that has not come back a second after it counts as never (an infinite
 * latency), so a server that drops or queues work cannot look fast. Each step opens its
 * rooms afresh and starts them together, so every drill is live while it is measured; the figure "rooms held" is the largest step that, with every smaller step, kept
 * its p99 under 50 ms. The notes also say how many reports the clients managed to send
 * against the schedule: when this one process cannot keep up, the figure measures it too.
 */
import { Client, type Room } from '@colyseus/sdk';
import { ROOM_NAME } from '../src/server/protocol.ts';
import { startServerProcess } from '../test/server/processes.ts';
import type { Report } from './figure.ts';

/** What one step of the room bench measured. */
export interface RoomStep {
  rooms: number;
  /** Reports the schedule asked for in the window, sent in it, and broadcast back. */
  scheduled: number;
  sent: number;
  reports: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Refusals the server sent during the step, with their most common reason. */
  refused?: { count: number; reason: string };
}

export interface RoomMeasures {
  steps: RoomStep[];
  /** Milliseconds the p99 must stay under for a step to count as held. */
  limitMs: number;
  seconds: number;
}

const STEPS = [25, 50, 100, 200];
const LIMIT_MS = 50;
const SECONDS = 5;

/** The room figures and their notes, from what was measured. */
export function roomsReport(m: RoomMeasures): Report {
  const failed = m.steps.findIndex((s) => !(s.p99Ms < m.limitMs));
  const held = (failed < 0 ? m.steps : m.steps.slice(0, failed)).reduce((best, s) => Math.max(best, s.rooms), 0);
  return {
    notes: [
      `rooms: one server process on localhost; each room 5 players + facilitator at 10x, each player a status report every 2 s, ${m.seconds} s per step`,
      `rooms: latency is a report's send to its broadcast back at the sender (one not back within a second of the window counts as never); "held" is the largest step that, with every smaller one, kept p99 under ${m.limitMs} ms`,
      ...m.steps.map(
        (s) =>
          `rooms: ${s.rooms} rooms, ${s.sent} of ${s.scheduled} scheduled reports sent, ${s.reports} back: p50 ${s.p50Ms.toFixed(1)} ms, p95 ${Number.isFinite(s.p95Ms) ? `${s.p95Ms.toFixed(1)} ms` : 'never back'}, p99 ${Number.isFinite(s.p99Ms) ? `${s.p99Ms.toFixed(1)} ms` : 'never back'}${s.refused ? `; ${s.refused.count} refused, e.g. "${s.refused.reason}"` : ''}`,
      ),
    ],
    figures: [
      { name: 'game-day rooms held with p99 under 50 ms', value: held, unit: 'rooms' },
      // A percentile that fell on a report never back has no figure; the step's note says so.
      ...m.steps.flatMap((s) =>
        [
          { name: `report to broadcast p50 at ${s.rooms} rooms`, value: s.p50Ms, unit: 'ms' },
          { name: `report to broadcast p99 at ${s.rooms} rooms`, value: s.p99Ms, unit: 'ms' },
        ].filter((f) => Number.isFinite(f.value)),
      ),
    ],
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

interface Seat {
  room: Room;
  /** Reports not yet back: when each was sent, and whether it was sent in a step's window. */
  pending: Map<string, { at: number; counted: boolean }>;
  /** What the server refused, by reason, while measuring. */
  refused: Map<string, number>;
}

/** Opens one room with its five people seated, not yet started: the facilitator's client and the players who report. */
async function openRoom(url: string, n: number, record: (ms: number, counted: boolean) => void): Promise<{ host: Room; seats: Seat[]; all: Room[] }> {
  const key = (label: string) => `bench-${n}-${label}-0123456789abcdef`;
  const host = await new Client(url).create(ROOM_NAME, { scenarioId: 'team-checkout-cascade', browserKey: key('host'), speed: 10 });
  host.onMessage('*', () => {});
  const code = host.roomId;
  const seats: Seat[] = [];
  const all: Room[] = [host];
  const plan = [
    ['Ana', 'ic'],
    ['Bo', 'ops'],
    ['Cy', 'ops'],
    ['Di', 'comms'],
    ['Wall', 'projector'],
  ] as const;
  for (const [name, seat] of plan) {
    const room = await new Client(url).joinById(code, { name, seat, browserKey: key(name) });
    room.onMessage('*', () => {});
    const pending: Seat['pending'] = new Map();
    const refused: Seat['refused'] = new Map();
    room.onMessage('notice', (m: { text: string }) => refused.set(m.text, (refused.get(m.text) ?? 0) + 1));
    room.onMessage('log', (m: { entries: Array<{ event: { type: string; text?: string } }> }) => {
      for (const e of m.entries) {
        const sent = e.event.type === 'status' && e.event.text ? pending.get(e.event.text) : undefined;
        if (sent === undefined) continue;
        pending.delete(e.event.text as string);
        record(performance.now() - sent.at, sent.counted);
      }
    });
    all.push(room);
    if (seat !== 'projector') seats.push({ room, pending, refused });
  }
  return { host, seats, all };
}

/** Runs the room bench against a fresh server process. */
export async function roomFigures(): Promise<Report> {
  const server = await startServerProcess([]);
  const steps: RoomStep[] = [];
  const seats: Seat[] = [];
  const open: Room[] = [];
  let step = 0;
  let latencies: number[] = [];
  let measuring = false;
  const record = (ms: number, counted: boolean) => {
    if (counted) latencies.push(ms);
  };
  let tick = 0;
  let sent = 0;
  let sentInWindow = 0;
  const timer = setInterval(() => {
    // Spread the reports: every 100 ms a twentieth of the players sends one, so each sends every 2 s.
    tick++;
    for (let i = tick % 20; i < seats.length; i += 20) {
      const s = seats[i] as Seat;
      const text = `status ${++sent}`;
      s.pending.set(text, { at: performance.now(), counted: measuring });
      if (measuring) sentInWindow++;
      s.room.send('status', { text });
    }
  }, 100);
  try {
    for (const rooms of STEPS) {
      // Fresh rooms for each step, all started together once seated: a drill nobody works
      // reaches its ending within a few real minutes at 10x, and an ended room is idle.
      measuring = false;
      seats.length = 0;
      await Promise.all(open.splice(0).map((r) => r.leave(true).catch(() => {})));
      const hosts: Room[] = [];
      for (let n = 0; n < rooms; n++) {
        const made = await openRoom(server.url, step * 1000 + n, record);
        hosts.push(made.host);
        open.push(...made.all);
        seats.push(...made.seats);
      }
      for (const host of hosts) host.send('control', { op: 'start' });
      step++;
      await new Promise((r) => setTimeout(r, 1000));
      latencies = [];
      sentInWindow = 0;
      for (const seat of seats) seat.refused.clear();
      measuring = true;
      await new Promise((r) => setTimeout(r, SECONDS * 1000));
      measuring = false;
      const windowSent = sentInWindow;
      await new Promise((r) => setTimeout(r, 1000));
      const back = latencies.length;
      const sorted = [...latencies, ...Array<number>(Math.max(0, windowSent - back)).fill(Infinity)].sort((a, b) => a - b);
      const scheduled = (seats.length * SECONDS) / 2;
      const reasons = new Map<string, number>();
      for (const seat of seats) for (const [text, n] of seat.refused) reasons.set(text, (reasons.get(text) ?? 0) + n);
      const top = [...reasons].sort((a, b) => b[1] - a[1])[0];
      const count = [...reasons.values()].reduce((a, b) => a + b, 0);
      steps.push({
        rooms,
        scheduled,
        sent: windowSent,
        reports: back,
        p50Ms: pct(sorted, 50),
        p95Ms: pct(sorted, 95),
        p99Ms: pct(sorted, 99),
        ...(top ? { refused: { count, reason: top[0] } } : {}),
      });
    }
  } finally {
    clearInterval(timer);
    await Promise.all(open.map((r) => r.leave(true).catch(() => {})));
    await server.kill('SIGTERM');
  }
  return roomsReport({ steps, limitMs: LIMIT_MS, seconds: SECONDS });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printReport } = await import('./figure.ts');
  printReport(await roomFigures());
  process.exit(0);
}
