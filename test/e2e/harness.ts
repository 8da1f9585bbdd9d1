/**
 * End-to-end harness: finds Chromium, builds the game once per test run, serves dist/
 * from a tiny static server on a free port, and opens pages at the 1280×720 design size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { findChromium } from './chromium.ts';

export { findChromium };

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Builds the game once per vitest run: the first test file to get here builds into a
 * folder named for the run (the vitest main process), the others wait for it.
 */
export async function buildOnce(): Promise<string> {
  const key = String(process.ppid);
  const base = join(ARTIFACTS, 'e2e-build');
  const out = join(base, key);
  const done = join(out, '.done');
  const lock = join(base, `${key}.lock`);
  mkdirSync(base, { recursive: true });
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // Another test file is building; wait below.
  }
  if (owner) {
    // Builds and locks left by earlier runs. Another test run may be going on in the same
    // tree right now (its files have another key): only what is hours old is removed.
    const stale = Date.now() - 3 * 3600_000;
    for (const old of readdirSync(base)) {
      if (old === key || old.startsWith(`${key}.`)) continue;
      const path = join(base, old);
      if (statSync(path).mtimeMs < stale) rmSync(path, { recursive: true, force: true });
    }
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      writeFileSync(join(base, `${key}.failed`), `${r.stdout}\n${r.stderr}`);
      throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
    }
    writeFileSync(done, 'ok');
    return out;
  }
  for (let i = 0; i < 600; i++) {
    if (existsSync(done)) return out;
    if (existsSync(join(base, `${key}.failed`))) throw new Error(readFileSync(join(base, `${key}.failed`), 'utf8'));
    await sleep(200);
  }
  throw new Error('timed out waiting for the e2e build');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves a folder on 127.0.0.1 at a free port; returns the URL and a stop function. */
export async function serve(dir: string): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const rootDir = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(rootDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(rootDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const diagnostics = new WeakMap<Page, string[]>();

/** A fresh page at the design size; page errors are collected for the test to assert on. */
export async function openGame(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const log: string[] = [];
  diagnostics.set(page, log);
  page.on('pageerror', (e) => {
    errors.push(String(e));
    log.push(`page error: ${String(e)}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => log.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(url);
  return { page, errors };
}

/**
 * For a test file that plays the built game: builds it once, serves it and launches
 * Chromium before the file's tests (holding one of the browser slots), and closes
 * everything after. `open()` gives a fresh page on the served game.
 */
export function useBuiltGame(): { open: () => Promise<{ page: Page; errors: string[] }> } {
  let browser: Browser | undefined;
  let release: () => void = () => undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    release = await exclusive();
    server = await serve(await buildOnce());
    browser = await launch();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    release();
  });
  return {
    open: () => {
      if (!browser || !server) throw new Error('the game is not served yet: call open() inside a test');
      return openGame(browser, server.url);
    },
  };
}

/**
 * How many end-to-end files may drive a browser at once. The game draws only when
 * something changed, so a browser playing a whole run at 5× uses about a third of a core:
 * four share a 2-core machine, and the tests watch the game's clock inside the page, so a
 * busy machine slows a run without changing what it proves.
 */
export const BROWSER_SLOTS = 4;

/**
 * Holds one of the {@link BROWSER_SLOTS} browser slots until the returned function is
 * called. Vitest may run more test files at once than should drive a browser.
 */
export async function exclusive(): Promise<() => void> {
  const base = join(ARTIFACTS, 'e2e-build');
  mkdirSync(base, { recursive: true });
  for (let i = 0; ; i++) {
    for (let slot = 0; slot < BROWSER_SLOTS; slot++) {
      const lock = join(base, `${process.ppid}.browser-${slot}.lock`);
      try {
        mkdirSync(lock);
        return () => rmSync(lock, { recursive: true, force: true });
      } catch {
        // Taken: try the next slot.
      }
    }
    if (i > 3000) throw new Error('timed out waiting for other end-to-end files to finish');
    await sleep(200);
  }
}

/** Which parts of the test hook to read: `only` these fields, `without` these (a field, or "field.key"). */
export interface HookRead {
  only?: readonly string[];
  without?: readonly string[];
}

/**
 * Reads the game's read-only test hook. A test that reads it many times a second names
 * what it needs: the whole desk snapshot, log lines included, is tens of kilobytes to copy
 * out of the page on every look.
 */
export async function hook<T = Record<string, unknown>>(page: Page, read: HookRead = {}): Promise<T> {
  return (await page.evaluate(({ only, without }) => {
    const h = (globalThis as { __burnRate?: Record<string, unknown> }).__burnRate;
    if (!h) return null;
    const out: Record<string, unknown> = {};
    for (const k of only ?? Object.keys(h)) {
      if (without.includes(k)) continue;
      const v = h[k];
      out[k] = typeof v === 'function' ? (v as () => unknown)() : v;
    }
    for (const path of without) {
      const [k, inner] = path.split('.') as [string, string | undefined];
      const v = out[k];
      if (inner && v && typeof v === 'object') out[k] = Object.fromEntries(Object.entries(v).filter(([key]) => key !== inner));
    }
    return out;
  }, { only: read.only ? [...read.only] : null, without: [...(read.without ?? [])] })) as T;
}

/**
 * Waits until the game draws its next frame, or `capMs` passes, whichever is first. The
 * game draws only when something on screen changed, so this is how an eye waits for the
 * screen to change: a test that looks again only then reads the hook a few times a second
 * instead of twenty, and sees each change in the frame it is drawn. It looks every 16 ms by
 * a timer: asking for animation frames would keep awake the frame loop the game lets sleep.
 */
export async function nextFrame(page: Page, capMs = 250): Promise<void> {
  // A page that navigates meanwhile has changed too: the next look reads the new page.
  await page.evaluate((cap) => {
    const frames = (globalThis as { __burnRateFrames?: () => { drawn: number } }).__burnRateFrames;
    if (!frames) return new Promise<void>((r) => setTimeout(r, cap));
    const first = frames().drawn;
    const until = performance.now() + cap;
    return new Promise<void>((resolve) => {
      const look = (): void => {
        if (frames().drawn !== first || performance.now() >= until) resolve();
        else setTimeout(look, 16);
      };
      setTimeout(look, 16);
    });
  }, capMs).catch(() => undefined);
}

/** Waits until the hook says the given screen is up. */
export async function waitForScreen(page: Page, screen: string, timeout = 60_000): Promise<void> {
  try {
    await page.waitForFunction((s) => (globalThis as { __burnRate?: { screen: string } }).__burnRate?.screen === s, screen, { timeout });
  } catch (e) {
    const now = await page.evaluate(() => (globalThis as { __burnRate?: { screen: string } }).__burnRate?.screen).catch(() => '?');
    const log = diagnostics.get(page) ?? [];
    throw new Error(`waiting for the ${screen} screen (still on ${now}): ${(e as Error).message}${log.length ? `\n${log.join('\n')}` : ''}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** What the picker's test hook shows (read only). */
export interface PickerHook {
  screen: string;
  selected: string | null;
  entries: Array<{ id: string; title: string; playable: boolean; errors: number }>;
  problems: string[];
  notice: string;
  focus: string;
  seed: number;
  mode: string;
  speed: number;
}

/** What the debrief's test hook shows (read only). */
export interface DebriefHook {
  screen: 'debrief';
  level: string | null;
  headline: string;
  notice: string;
  origin: 'run' | 'history' | 'import';
  parted: number;
  debrief: string;
}

/** What the history's test hook shows (read only). */
export interface HistoryHook {
  screen: 'history';
  runs: Array<{ scenario: string; mode: string; level: string | null; seed: number }>;
  notice: string;
}

/** Reloads the page, then opens the history from the picker with H, as a player coming back would. */
export async function reloadToHistory(page: Page): Promise<void> {
  await page.reload();
  await waitForScreen(page, 'picker');
  await page.waitForTimeout(200);
  await screenshot(page, 'picker-history-link');
  await press(page, 'h');
  await waitForScreen(page, 'history');
  await page.waitForTimeout(200);
}

/** Opens files as a player does: O on the picker, then the files picked in the browser's file dialog. */
export async function chooseFiles(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
  // Playwright turns on file-chooser interception when the listener is added; one round
  // trip to the page makes sure it is on before the key press opens the dialog.
  const chooserOpened = page.waitForEvent('filechooser', { timeout: 60_000 });
  await page.evaluate(() => 0);
  await page.keyboard.press('o');
  await (await chooserOpened).setFiles(files);
}

/** Presses a key and waits two frames: Phaser handles keys at the start of its next frame. */
export async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
