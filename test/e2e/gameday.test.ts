/**
 * A game day in the browser: a facilitator hosts from the picker, a commander, an
 * operator and a communicator join from their own browser contexts (by code and by link)
 * with a projector beside them, and the drill runs by keys alone — decisions, actions,
 * an assignment, a stakeholder message from the facilitator, a player taken out — to the
 * debriefs. Everyone must end with the same ordered log, each seat may do only its work,
 * and no player's socket ever carries the hidden ground truth.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGameDayServer, type GameDayServer } from '../../src/server/server.ts';
import type { TeamLogEntry } from '../../src/sim/team-log.ts';
import { buildOnce, exclusive, hook, launch, press, ROOT, screenshot, waitForScreen } from './harness.ts';
import { loadLibraryScenario } from './player.ts';
import { join } from 'node:path';

const SCENARIO = 'auth-canary';
const scenario = loadLibraryScenario(SCENARIO);

let browser: Browser;
let server: GameDayServer;
let origin = '';
let release: () => void = () => undefined;

beforeAll(async () => {
  release = await exclusive();
  const dist = await buildOnce();
  server = await startGameDayServer({ port: 0, staticDir: dist, scenariosDir: join(ROOT, 'scenarios') });
  origin = server.url.replace(/\/gameday$/, '');
  browser = await launch();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  release();
});

interface Person {
  page: Page;
  errors: string[];
  /** Every websocket frame the page received, as text (binary frames decoded as UTF-8). */
  frames: string[];
}

async function person(url: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const frames: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))));
  await page.goto(url);
  return { page, errors, frames };
}

/** Types as a person does, a key every 40 ms or so. */
async function typeText(page: Page, value: string): Promise<void> {
  await page.keyboard.type(value, { delay: 40 });
  await press(page, 'Shift');
}

/** Reads only the named fields of the test hook (the whole snapshot is large to copy out every poll). */
async function peek<T>(page: Page, fields: readonly string[]): Promise<T> {
  return (await page.evaluate((names) => {
    const h = (globalThis as { __burnRate?: Record<string, unknown> }).__burnRate;
    if (!h) return null;
    const out: Record<string, unknown> = {};
    for (const k of names) {
      const v = h[k];
      out[k] = typeof v === 'function' ? (v as () => unknown)() : v;
    }
    return out;
  }, fields as string[])) as T;
}

const LIGHT = ['screen', 'ready', 'code', 'link', 'clock', 'log', 'modal', 'note', 'you', 'roster', 'prompt', 'scenario', 'seed', 'speed'];

async function until<T>(page: Page, test: (h: T) => boolean, what: string, timeout = 60_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const h = await peek<T>(page, LIGHT);
    if (h && test(h)) return h;
    if (Date.now() - start > timeout) {
      const { log, ...rest } = (h ?? {}) as { log?: TeamLogEntry[] };
      const said = (log ?? []).map((e) => `${e.seq}@${e.t} ${e.player} ${e.event.type}`).join(', ');
      throw new Error(`timed out waiting for ${what}: log [${said}] ${JSON.stringify(rest).slice(0, 300)}`);
    }
    await page.waitForTimeout(100);
  }
}

interface DeskHook {
  screen: string;
  ready: boolean;
  keys: Record<string, string>;
  clock: { t: number; started: boolean; ended: unknown };
  log: TeamLogEntry[];
  prompt: { id: string; options: Array<{ id: string }> } | null;
  modal: string | null;
  note: string;
  you: { id: string; seat: string };
}

/** Joins on the join screen by keys: the code (unless a link filled it), the name, the seat number. */
async function takeSeat(p: Person, name: string, seatKey: string, code: string | null): Promise<void> {
  await waitForScreen(p.page, 'gameday-join');
  if (code) {
    await typeText(p.page, code.toLowerCase());
    await press(p.page, 'Enter');
  }
  await typeText(p.page, name);
  await press(p.page, 'Enter');
  await press(p.page, seatKey);
  await press(p.page, 'Enter');
  await until<DeskHook>(p.page, (h) => h.screen === 'gameday-desk' && h.ready, `${name}'s desk`);
}

describe('a game day, one browser per person', () => {
  it('runs a drill from hosting to the debriefs by keys', async () => {
    // The facilitator hosts from the picker.
    const host = await person(origin);
    await waitForScreen(host.page, 'picker');
    await press(host.page, 'h');
    await waitForScreen(host.page, 'gameday-host');
    for (let i = 0; i < 12 && (await hook<{ scenario: string }>(host.page)).scenario !== SCENARIO; i++) await press(host.page, 'ArrowDown');
    await press(host.page, 'Tab'); // seed
    for (let i = 0; i < 10; i++) await press(host.page, 'Backspace');
    await typeText(host.page, '7');
    await press(host.page, 'Tab'); // speed
    for (let i = 0; i < 4; i++) await press(host.page, 'ArrowRight');
    expect(await hook(host.page)).toMatchObject({ scenario: SCENARIO, seed: 7, speed: 20 });
    await screenshot(host.page, 'gameday-host');
    await press(host.page, 'Tab');
    await press(host.page, 'Enter');
    const console0 = await until<{ screen: string; ready: boolean; code: string; link: string }>(host.page, (h) => h.screen === 'gameday-console' && h.ready, 'the console');
    const code = console0.code;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(console0.link).toBe(`${origin}/#join/${code}`);

    // The commander types the code; the others open the link.
    const ic = await person(origin);
    await waitForScreen(ic.page, 'picker');
    await press(ic.page, 'j');
    await takeSeat(ic, 'Ana', '1', code);
    const ops = await person(console0.link);
    await takeSeat(ops, 'Bo', '2', null);
    const comms = await person(console0.link);
    await takeSeat(comms, 'Di', '3', null);
    const projector = await person(console0.link);
    await takeSeat(projector, 'Room', '5', null);
    await screenshot(ic.page, 'gameday-join-briefing');
    for (const p of [ic, ops, comms]) await press(p.page, 'Enter'); // close the briefing
    await until<{ roster: unknown[] }>(host.page, (h) => h.roster.length === 4, 'four people seated');

    // Start at 20×, then hold the clock for the opening moves (the facilitator's "take a minute to get set").
    await press(host.page, ' ');
    await until<DeskHook>(ops.page, (h) => h.clock.started, 'the start');
    await press(host.page, ' ');
    await until<DeskHook>(ops.page, (h) => (h.clock as { paused?: boolean }).paused === true, 'the pause');
    const keys = (await peek<DeskHook>(ops.page, ['keys'])).keys;

    // Operations investigates; a communicator's action is not Bo's to take, so nothing is sent.
    await press(ops.page, keys['check-deploys'] as string);
    await press(ops.page, keys['status-update'] as string);
    await until<DeskHook>(ops.page, (h) => h.log.some((e) => e.event.type === 'act' && e.player === h.you.id), 'the ops action in the log');

    // The commander assigns Bo a task: Enter, 2 (assign), 1 (Bo), 1 (the first task).
    await press(ic.page, 'Enter');
    await press(ic.page, '2');
    await press(ic.page, '1');
    await press(ic.page, '1');
    // Communications posts an update.
    await press(comms.page, keys['status-update'] as string);
    // The facilitator speaks as support: M, 2 for Dana, the message, Enter.
    await press(host.page, 'm');
    await press(host.page, '2');
    await typeText(host.page, 'Any news on the login errors?');
    await press(host.page, 'Enter');
    await until<DeskHook>(ops.page, (h) => ['say', 'assign'].every((type) => h.log.some((e) => e.event.type === type)) && h.log.filter((e) => e.event.type === 'act').length === 2, 'the message, the assignment and the update');
    expect((await peek<DeskHook>(ops.page, ['log'])).log.filter((e) => e.player === 'p2' && e.event.type === 'act').map((e) => (e.event as { action: string }).action)).toEqual(['check-deploys']);
    await press(host.page, ' ');

    // Support's report opens a decision for the commander only; the facilitator pauses for it, as for a discussion.
    const opened = await until<DeskHook>(ic.page, (h) => h.prompt?.id === 'support-report', 'the support decision', 90_000);
    await press(host.page, ' ');
    expect(opened.modal).toBe('prompt');
    const opsNow = await peek<DeskHook>(ops.page, LIGHT);
    expect(opsNow.modal).toBeNull();
    expect(opsNow.note).toMatch(/Decision waiting for the Incident Commander/);
    await screenshot(ic.page, 'gameday-desk-ic');
    await screenshot(ops.page, 'gameday-desk-ops');
    await screenshot(projector.page, 'gameday-projector');
    await screenshot(host.page, 'gameday-console');
    const look = opened.prompt!.options.findIndex((o) => o.id === 'look-now');
    await press(ic.page, String(look + 1));
    await until<DeskHook>(ic.page, (h) => h.log.some((e) => e.event.type === 'choose'), 'the answer in the log');
    await press(host.page, ' ');

    // The facilitator takes Di out (T, 3, Enter), then ends the drill (E, Enter).
    await press(host.page, 't');
    await press(host.page, '3');
    await press(host.page, 'Enter');
    await until<DeskHook>(comms.page, (h) => /taken you out/.test(h.note), 'Di to see she is out');
    await press(host.page, 'e');
    await press(host.page, 'Enter');
    for (const p of [ic, ops, comms, projector]) await until<DeskHook>(p.page, (h) => h.modal === 'ending', 'the ending card');

    // Everyone holds the same ordered log as the facilitator.
    const logs = await Promise.all([host, ic, ops, comms, projector].map(async (p) => (await peek<{ log: TeamLogEntry[] }>(p.page, ['log'])).log));
    for (const log of logs.slice(1)) expect(log).toEqual(logs[0]);
    const types = logs[0]!.map((e) => `${e.player}:${e.event.type}`);
    expect(types).toEqual(expect.arrayContaining(['p1:assign', 'p1:choose', 'p2:act', 'p3:act', 'facilitator:say', 'facilitator:remove', 'facilitator:end']));

    // The hidden truth went to the facilitator's socket and to nobody else's.
    const secrets = [scenario.phases[0]!.description!, ...scenario.facts.map((f) => f.text)].filter((x) => x.length > 20);
    const leaked = (p: Person) => secrets.filter((s) => p.frames.some((f) => f.includes(s)));
    expect(leaked(host).length).toBeGreaterThan(0);
    for (const p of [ic, ops, comms, projector]) expect(leaked(p)).toEqual([]);

    // On to the debriefs.
    for (const p of [ic, ops, comms, projector]) await press(p.page, 'Enter');
    await press(host.page, 'Enter');
    for (const p of [host, ic, ops, comms, projector]) await waitForScreen(p.page, 'gameday-debrief');
    await ic.page.waitForTimeout(500);
    await screenshot(ic.page, 'gameday-debrief-ic');
    await screenshot(host.page, 'gameday-debrief-team');
    for (const p of [host, ic, ops, comms, projector]) expect(p.errors).toEqual([]);
  }, 300_000);
});
