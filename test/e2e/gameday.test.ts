/**
 * A game day in the browser: a facilitator hosts a team scenario from the picker, a
 * commander, an operator and a communicator join from their own browser contexts (by
 * code and by link) with a projector beside them, and the drill runs by keys alone —
 * a declaration, investigation, an assignment, a status page post, a declared inject and
 * a stakeholder message from the facilitator, a decision for the commander, a player
 * taken out — to the per-person and team debriefs. Everyone must end with the same
 * ordered log, each seat may do only its work, and no player's socket ever carries the
 * hidden ground truth.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGameDayServer, type GameDayServer } from '../../src/server/server.ts';
import type { TeamLogEntry } from '../../src/sim/team-log.ts';
import { buildOnce, exclusive, hook, launch, nextFrame, press, ROOT, screenshot, serve, waitForScreen } from './harness.ts';
import { loadLibraryScenario } from './player.ts';
import { fieldChoices } from '../../src/game/desk/composer-state.ts';
import { UPDATE_FIELDS } from '../../src/sim/status-update.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCENARIO = 'team-checkout-cascade';
const scenario = loadLibraryScenario(SCENARIO);

let browser: Browser;
let server: GameDayServer;
let dist = '';
let origin = '';
let release: () => void = () => undefined;

beforeAll(async () => {
  release = await exclusive();
  dist = await buildOnce();
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

const LIGHT = ['screen', 'status', 'view', 'ready', 'code', 'link', 'clock', 'log', 'modal', 'note', 'you', 'roster', 'prompt', 'scenario', 'seed', 'speed', 'feed'];

async function until<T>(page: Page, test: (h: T) => boolean, what: string, timeout = 60_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const h = await hook<T>(page, { only: LIGHT });
    if (h && test(h)) return h;
    if (Date.now() - start > timeout) {
      const { log, ...rest } = (h ?? {}) as { log?: TeamLogEntry[] };
      const said = (log ?? []).map((e) => `${e.seq}@${e.t} ${e.player} ${e.event.type}`).join(', ');
      throw new Error(`timed out waiting for ${what}: log [${said}] ${JSON.stringify(rest).slice(0, 300)}`);
    }
    await nextFrame(page, 200);
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

/** Fills the join form from a link (name, Operations) and presses Enter, whatever the answer. */
async function takeSeatAttempt(p: Person, name: string): Promise<void> {
  await waitForScreen(p.page, 'gameday-join');
  await typeText(p.page, name);
  await press(p.page, 'Enter');
  await press(p.page, 'Enter');
}

/** Joins on the join screen by keys: the code (unless a link filled it), the name, the seat number. */
async function takeSeat(p: Person, name: string, seatKey: string, code: string | null, shot?: string): Promise<void> {
  await waitForScreen(p.page, 'gameday-join');
  if (code) {
    await typeText(p.page, code.toLowerCase());
    await press(p.page, 'Enter');
  }
  await typeText(p.page, name);
  await press(p.page, 'Enter');
  await press(p.page, seatKey);
  if (shot) await screenshot(p.page, shot);
  await press(p.page, 'Enter');
  await until<DeskHook>(p.page, (h) => h.screen === 'gameday-desk' && h.ready, `${name}'s desk`);
}

describe('a game day, one browser per person', () => {
  it('answers an unknown code, and a copy of the game with no room server, in plain words', async () => {
    const p = await person(`${origin}/#join/AAAAAA`);
    await takeSeatAttempt(p, 'Ana');
    const h = await until<{ status: string }>(p.page, (x) => /no game day with the code AAAAAA/.test(x.status), 'the unknown-code message');
    expect(h.status).toMatch(/Check the code with your facilitator/);
    const plain = await serve(dist);
    try {
      const q = await person(plain.url);
      await waitForScreen(q.page, 'picker');
      await press(q.page, 't');
      await waitForScreen(q.page, 'gameday-host');
      await press(q.page, 'Enter');
      await until<{ status: string }>(q.page, (x) => /no game-day room server/.test(x.status), 'the no-server message');
      expect([...p.errors, ...q.errors]).toEqual([]);
      await p.page.context().close();
      await q.page.context().close();
    } finally {
      await plain.close();
    }
  }, 120_000);

  it('gives a player who reloads their seat back, and the host their console', async () => {
    const host = await person(origin);
    await waitForScreen(host.page, 'picker');
    await press(host.page, 't');
    await waitForScreen(host.page, 'gameday-host');
    await press(host.page, 'Enter');
    const { code, link } = await until<{ screen: string; ready: boolean; code: string; link: string }>(host.page, (h) => h.screen === 'gameday-console' && h.ready, 'the console');
    const bo = await person(link);
    await takeSeat(bo, 'Bo', '2', null);
    await press(host.page, ' ');
    await until<DeskHook>(bo.page, (h) => h.log.some((e) => e.event.type === 'start'), 'the start');
    // A dropped laptop: the same browser opens the same address again.
    await bo.page.reload();
    const back = await until<DeskHook>(bo.page, (h) => h.screen === 'gameday-desk' && h.ready, 'Bo back at the desk');
    expect(back.you).toMatchObject({ id: 'p1', name: 'Bo', seat: 'ops' });
    expect(back.log.map((e) => e.event.type)).toEqual(['join', 'start']);
    await host.page.reload();
    const again = await until<{ screen: string; ready: boolean; code: string; roster: Array<{ name: string }> }>(host.page, (h) => h.screen === 'gameday-console' && h.ready, 'the console after a reload');
    expect(again.code).toBe(code);
    expect(again.roster.map((m) => m.name)).toEqual(['Bo']);
    expect([...host.errors, ...bo.errors]).toEqual([]);
    await host.page.context().close();
    await bo.page.context().close();
  }, 180_000);

  it('runs a drill from hosting to the debriefs by keys', async () => {
    // The facilitator hosts from the picker.
    const host = await person(origin);
    await waitForScreen(host.page, 'picker');
    await press(host.page, 't');
    await waitForScreen(host.page, 'gameday-host');
    for (let i = 0; i < 12 && (await hook<{ scenario: string }>(host.page)).scenario !== SCENARIO; i++) await press(host.page, 'ArrowDown');
    await press(host.page, 'Tab'); // seed
    for (let i = 0; i < 10; i++) await press(host.page, 'Backspace');
    await typeText(host.page, '7');
    await press(host.page, 'Tab'); // speed: 2×, twenty sim seconds a second, time to talk
    await press(host.page, 'ArrowRight');
    expect(await hook(host.page)).toMatchObject({ scenario: SCENARIO, seed: 7, speed: 2 });
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
    await takeSeat(ic, 'Ana', '1', code, 'gameday-join');
    const ops = await person(console0.link);
    await takeSeat(ops, 'Bo', '2', null);
    const comms = await person(console0.link);
    await takeSeat(comms, 'Di', '3', null);
    const projector = await person(console0.link);
    await takeSeat(projector, 'Room', '5', null);
    await screenshot(ic.page, 'gameday-join-briefing');
    for (const p of [ic, ops, comms]) await press(p.page, 'Enter'); // close the briefing
    await until<{ roster: unknown[] }>(host.page, (h) => h.roster.length === 4, 'four people seated');

    // Start, then hold the clock for the opening moves (the facilitator's "take a minute to get set").
    await press(host.page, ' ');
    await until<DeskHook>(ops.page, (h) => h.clock.started, 'the start');
    await press(host.page, ' ');
    await until<DeskHook>(ops.page, (h) => (h.clock as { paused?: boolean }).paused === true, 'the pause');
    const keys = (await hook<DeskHook>(ops.page, { only: ['keys'] })).keys;

    // The commander declares; operations looks at the provider; a communicator's post is not Bo's to make.
    await press(ic.page, keys['declare-sev2'] as string);
    await press(ops.page, keys['payments-dashboard'] as string);
    await press(ops.page, keys['status-page-first'] as string);
    await until<DeskHook>(ops.page, (h) => h.log.some((e) => e.event.type === 'act' && e.player === h.you.id), 'the ops action in the log');

    // The commander assigns Bo a task: Enter, 2 (assign), 1 (Bo), 1 (the first task offered).
    await press(ic.page, 'Enter');
    await press(ic.page, '2');
    await press(ic.page, '1');
    await press(ic.page, '1');
    // Communications posts on the status page: the key opens the composer, and the update
    // goes out only once every field is chosen by number and Enter sends it. Checkout is
    // still healthy, so the true update says so.
    await press(comms.page, keys['status-page-first'] as string);
    await until<DeskHook>(comms.page, (h) => h.modal === 'status-update', 'the status update composer');
    const update = { impact: 'none', known: 'nothing', doing: 'investigating', next: '30m' } as const;
    const digit = (field: (typeof UPDATE_FIELDS)[number]) => String(fieldChoices(field).findIndex((c) => c.value === update[field]) + 1);
    await press(comms.page, digit('impact'));
    await press(comms.page, digit('known'));
    await press(comms.page, 'Enter'); // not yet: two fields are still empty
    await comms.page.waitForTimeout(300);
    await screenshot(comms.page, 'gameday-desk-comms-update');
    expect((await hook<DeskHook>(comms.page, { only: LIGHT })).modal).toBe('status-update');
    await press(comms.page, digit('doing'));
    await press(comms.page, digit('next'));
    await press(comms.page, 'Enter');
    const posted = await until<DeskHook>(comms.page, (h) => h.modal !== 'status-update' && h.log.some((e) => e.event.type === 'act' && e.player === h.you.id), 'the update in the log');
    expect(posted.log.find((e) => e.event.type === 'act' && e.player === posted.you.id)?.event).toEqual({ type: 'act', action: 'status-page-first', update });
    const said = 'sent: Post on the status page: checkout failing — No customer impact; Cause not known yet; Investigating; Next update in 30 minutes';
    await until<{ feed: string[] }>(host.page, (h) => (h.feed ?? []).includes(said), 'the update on the facilitator\'s console');
    // The facilitator fires the scenario's first inject (I, 1, Enter) and speaks as support (M, 1, the message, Enter).
    await press(host.page, 'i');
    await press(host.page, '1');
    await press(host.page, 'Enter');
    await press(host.page, 'm');
    await press(host.page, '1');
    await typeText(host.page, 'Customers say checkout spins forever.');
    await press(host.page, 'Enter');
    await until<DeskHook>(ops.page, (h) => ['say', 'assign', 'inject'].every((type) => h.log.some((e) => e.event.type === type)) && h.log.filter((e) => e.event.type === 'act').length === 3, 'the opening moves in the log');
    const bo = (await hook<DeskHook>(ops.page, { only: ['log'] })).log.filter((e) => e.player === 'p2' && e.event.type === 'act');
    expect(bo.map((e) => (e.event as { action: string }).action)).toEqual(['payments-dashboard']);
    await press(host.page, ' ');

    // Once Bo has seen the provider is slow, finance asks the commander (only) to approve a failover;
    // the facilitator pauses for the room to talk it over.
    const opened = await until<DeskHook>(ic.page, (h) => h.prompt?.id === 'approve-failover' && h.modal === 'prompt', 'the failover decision', 90_000);
    await press(host.page, ' ');
    expect(opened.modal).toBe('prompt');
    const opsNow = await hook<DeskHook>(ops.page, { only: LIGHT });
    expect(opsNow.modal).toBeNull();
    expect(opsNow.note).toMatch(/Decision waiting for the Incident Commander/);
    await until<DeskHook>(ops.page, (h) => (h.clock as { paused?: boolean }).paused === true, 'the pause for the decision');
    await ops.page.waitForTimeout(500);
    await screenshot(ic.page, 'gameday-desk-ic');
    await screenshot(ops.page, 'gameday-desk-ops');
    await screenshot(projector.page, 'gameday-projector');
    await screenshot(host.page, 'gameday-console');
    const approve = opened.prompt!.options.findIndex((o) => o.id === 'approve');
    // A digit marks the answer; nothing is sent until Enter confirms it.
    await press(ic.page, String(approve + 1));
    await ic.page.waitForTimeout(400);
    expect((await hook<DeskHook>(ic.page)).log.some((e) => e.event.type === 'choose')).toBe(false);
    await press(ic.page, 'Enter');
    await until<DeskHook>(ic.page, (h) => h.log.some((e) => e.event.type === 'choose'), 'the answer in the log');

    // The facilitator takes Di out (T, 3, Enter), then ends the drill (E, Enter).
    await press(host.page, 't');
    await press(host.page, '3');
    await press(host.page, 'Enter');
    await until<DeskHook>(comms.page, (h) => /taken you out/.test(h.note), 'Di to see she is out');
    await press(host.page, 'e');
    await press(host.page, 'Enter');
    for (const p of [ic, ops, comms, projector]) await until<DeskHook>(p.page, (h) => h.modal === 'ending', 'the ending card');

    // Everyone holds the same ordered log as the facilitator.
    const logs = await Promise.all([host, ic, ops, comms, projector].map(async (p) => (await hook<{ log: TeamLogEntry[] }>(p.page, { only: ['log'] })).log));
    for (const log of logs.slice(1)) expect(log).toEqual(logs[0]);
    const types = logs[0]!.map((e) => `${e.player}:${e.event.type}`);
    expect(types).toEqual(expect.arrayContaining(['p1:act', 'p1:assign', 'p1:choose', 'p2:act', 'p3:act', 'facilitator:inject', 'facilitator:say', 'facilitator:remove', 'facilitator:end']));

    // The hidden truth went to the facilitator's socket and to nobody else's.
    const secrets = [scenario.phases[0]!.description!, ...scenario.facts.map((f) => f.text)].filter((x) => x.length > 20);
    const leaked = (p: Person) => secrets.filter((s) => p.frames.some((f) => f.includes(s)));
    expect(leaked(host).length).toBeGreaterThan(0);
    for (const p of [ic, ops, comms, projector]) expect(leaked(p)).toEqual([]);

    // On to the debriefs: each player opens on their own, the facilitator on the team's.
    for (const p of [ic, ops, comms, projector]) await press(p.page, 'Enter');
    await press(host.page, 'Enter');
    for (const p of [host, ic, ops, comms, projector]) await waitForScreen(p.page, 'gameday-debrief');
    interface DebriefHook {
      view: string;
      team: string | null;
      people: Array<{ id: string; name: string; level: string | null }>;
      findings: string[];
      timeline: string[];
    }
    const teamView = await hook<DebriefHook>(host.page);
    expect(teamView.view).toBe('team');
    expect(teamView.people.map((p) => p.name)).toEqual(['Ana', 'Bo', 'Di']);
    expect(teamView.findings).toEqual(expect.arrayContaining(['commander']));
    // The shared timeline says what Di's update said, and that it was true when it went out.
    expect(teamView.timeline).toContain('took "Post on the status page: checkout failing": "No customer impact; Cause not known yet; Investigating; Next update in 30 minutes" (true when sent)');
    expect((await hook<DebriefHook>(ic.page)).view).toBe('p1');
    expect((await hook<DebriefHook>(ops.page)).view).toBe('p2');
    await ic.page.waitForTimeout(300);
    await screenshot(ic.page, 'gameday-debrief-person');
    await screenshot(host.page, 'gameday-debrief-team');
    // The trainer's spreadsheet: one row for the team and one per person.
    const [file] = await Promise.all([host.page.waitForEvent('download'), host.page.keyboard.press('c')]);
    const csv = readFileSync(await file.path(), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^who,seats,level,/);
    expect(csv.slice(1).map((r) => r.split(',')[0])).toEqual(['Team', 'Ana', 'Bo', 'Di']);
    // → steps from the team to the first person.
    await press(host.page, 'ArrowRight');
    await until<DebriefHook>(host.page, (h) => h.view === 'p1', 'the commander\'s debrief on the facilitator\'s screen');
    for (const p of [host, ic, ops, comms, projector]) expect(p.errors).toEqual([]);
  }, 480_000);
});
