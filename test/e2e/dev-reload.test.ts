/**
 * Play-as-you-write on the dev server: `vite` runs on a temporary copy of the game with one
 * scenario; a run is started, the scenario file is broken on disk (the overlay lists its
 * problems over the running game), then fixed (the overlay clears, the run carries on with
 * its choices replayed on the new version).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exclusive, hook, launch, openGame, press, ROOT, screenshot, waitForScreen } from './harness.ts';

let dir = '';
let vite: ChildProcess | null = null;
let url = '';
let browser: Browser;
let release: () => void = () => undefined;
/** What the dev server printed, shown if a step times out. */
let viteLog = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

beforeAll(async () => {
  release = await exclusive();
  dir = mkdtempSync(join(tmpdir(), 'burn-rate-dev-'));
  for (const f of ['index.html', 'vite.config.ts', 'tsconfig.json', 'package.json']) cpSync(join(ROOT, f), join(dir, f));
  // assets/ may be empty, and git does not keep empty folders: copy what a clone has.
  for (const d of ['src', 'assets']) if (existsSync(join(ROOT, d))) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  mkdirSync(join(dir, 'scenarios'));
  cpSync(join(ROOT, 'scenarios/tutorial'), join(dir, 'scenarios/tutorial'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Its own dependency cache, so other dev servers on the tree are left alone.
  writeFileSync(
    join(dir, 'vite.dev-test.config.ts'),
    `import { mergeConfig } from 'vite';\nimport base from './vite.config.ts';\nexport default mergeConfig(base, { cacheDir: ${JSON.stringify(join(dir, '.vite'))}, server: { fs: { allow: [${JSON.stringify(dir)}, ${JSON.stringify(join(ROOT, 'node_modules'))}] } } });\n`,
  );
  const port = await freePort();
  vite = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), '--config', 'vite.dev-test.config.ts', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: dir, stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite did not start:\n${viteLog}`)), 60_000);
    const read = (b: Buffer) => {
      viteLog += b.toString();
      if (viteLog.includes(`${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    vite?.stdout?.on('data', read);
    vite?.stderr?.on('data', read);
  });
  url = `http://127.0.0.1:${port}/`;
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  vite?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
  release();
});

/**
 * Saves `text` over the scenario file until `seen` holds in the page. A save that lands
 * while the dev server's file watcher is still settling can go unnoticed, as in an editor
 * (the author saves again); each retry changes a trailing comment so it is a real edit.
 * Gives the dev server's output and the page's console if no save is seen.
 */
async function saveUntil(page: Page, file: string, text: string, seen: () => boolean, consoleLog: string[]): Promise<number> {
  for (let attempt = 1; attempt <= 6; attempt++) {
    writeFileSync(file, attempt === 1 ? text : `${text}\n# saved again (${attempt})\n`);
    try {
      await page.waitForFunction(seen, undefined, { timeout: 8_000 });
      return attempt;
    } catch {
      // Not seen yet: save again.
    }
  }
  throw new Error(`the game never showed the saved file.\n--- dev server ---\n${viteLog}\n--- page console ---\n${consoleLog.join('\n')}`);
}

const errorLines = (page: Page) => page.evaluate(() => [...document.querySelectorAll('#burn-rate-dev-overlay .diagnostic.error')].map((e) => e.textContent ?? ''));

describe('play-as-you-write', () => {
  it('shows a broken save over the running game and replays the run on the fixed one', async () => {
    const file = join(dir, 'scenarios/tutorial/scenario.yaml');
    const original = readFileSync(file, 'utf8');
    const { page, errors } = await openGame(browser, url);
    const consoleLog: string[] = [];
    page.on('console', (m) => consoleLog.push(`${m.type()}: ${m.text()}`));
    await waitForScreen(page, 'picker', 120_000);
    await press(page, 'Enter');
    await waitForScreen(page, 'desk', 60_000);
    await page.waitForFunction(() => (globalThis as { __burnRate?: { modal: () => string | null } }).__burnRate?.modal() === 'briefing');
    await press(page, 'Enter'); // start the shift
    // Two choices made from the screen: the first two actions on the palette, by their key caps.
    const chips = (await hook<{ palette: { chips: Array<{ key: string; label: string }> } }>(page)).palette.chips.slice(0, 2);
    expect(chips.length).toBe(2);
    for (const chip of chips) {
      await press(page, chip.key.toLowerCase());
      await page.waitForTimeout(250);
    }
    await press(page, ' '); // pause, so nothing else happens while the file is edited
    const before = await hook<{ choices: Array<{ do?: string }> }>(page);
    expect(before.choices.length).toBe(2);

    const brokenSaves = await saveUntil(page, file, original.replace('timeLimit: 30m', 'timeLimit: [30m'), () => document.querySelectorAll('#burn-rate-dev-overlay .diagnostic.error').length > 0, consoleLog);
    if (brokenSaves > 1) console.warn(`dev-reload: the broken file was seen after ${brokenSaves} saves`);
    const lines = await errorLines(page);
    expect(lines[0]).toMatch(/^scenarios\/tutorial\/scenario\.yaml:\d+:\d+ {2}error BR\d{3} — /);
    expect((await hook<{ screen: string }>(page)).screen).toBe('desk');
    await screenshot(page, 'dev-reload-broken');

    const fixedSaves = await saveUntil(page, file, original.replace('title: "Tutorial: your first page"', 'title: "Tutorial: your first page (edited)"'), () => document.querySelectorAll('#burn-rate-dev-overlay .diagnostic').length === 0, consoleLog);
    if (fixedSaves > 1) console.warn(`dev-reload: the fixed file was seen after ${fixedSaves} saves`);
    await page.waitForFunction(() => (document.getElementById('burn-rate-dev-overlay')?.textContent ?? '').includes('reloaded'), undefined, { timeout: 30_000 });
    await waitForScreen(page, 'desk');
    const after = await hook<{ choices: unknown[]; screen: string }>(page);
    expect(after.choices).toEqual(before.choices);
    await screenshot(page, 'dev-reload-fixed');
    expect(errors).toEqual([]);
  }, 240_000);
});
