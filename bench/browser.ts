/**
 * `npm run bench:browser`: the game in headless Chromium on this machine's renderer, beside
 * an empty Phaser page built by the same Vite settings in the same run. Figures: time to
 * an interactive picker (and to the empty page), the first key press on the picker, the
 * cores the browser keeps busy on the idle picker, the paused desk and the desk at 10×,
 * frame times at 10×, JS heap growth over twenty runs in one page, and the gzip size of
 * the JavaScript loaded before the picker was interactive. Prints each as
 * `name: value unit`, after `# ` lines saying what was measured. Reads the wall clock:
 * benchmarks measure speed, tests never do.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { ARTIFACTS, CHROMIUM_ARGS, findChromium, ROOT, serve } from '../test/e2e/harness.ts';
import { browserReport } from './browser-report.ts';
import { FIRST_INPUT_READ, FRAME_PROBE, HEAP_AFTER_GC, LONG_TASKS_START } from './browser-probes.ts';
import { coresOver } from './cpu.ts';
import { printReport, type Report } from './figure.ts';

const LOADS = 5;
const MEMORY_RUNS = 20;
/** Runs before the heap is first read: the first ones load code and fill caches and pools once. */
const WARM_UP_RUNS = 3;
const CPU_WINDOW_MS = 3000;
/** `npm run bench:browser -- --renderer=webgl` measures Phaser's WebGL path even on a CPU rasteriser. */
const RENDERER = process.argv.find((a) => a.startsWith('--renderer='))?.slice('--renderer='.length);
const QUERY = RENDERER ? `?renderer=${encodeURIComponent(RENDERER)}` : '';
const FIXTURES = join(ROOT, 'bench', 'fixtures');

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

async function buildGame(out: string): Promise<void> {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}`);
}

/** The empty page, with the build settings of vite.config.ts that bear on loading. */
async function buildEmptyPhaser(out: string): Promise<void> {
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'empty-phaser'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] } } },
    },
  });
}

async function screen(page: Page, name: string): Promise<void> {
  await page.waitForFunction((s) => (globalThis as { __burnRate?: { screen: string } }).__burnRate?.screen === s, name, { timeout: 60_000 });
}

/** Loads a page, waits until it is interactive; returns when that was and the scripts loaded by then. */
async function timedLoad(browser: Browser, url: string): Promise<{ page: Page; at: number; scripts: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await screen(page, 'picker');
  const { at, scripts } = await page.evaluate(() => {
    const t = performance.now();
    const js = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd <= t)
      .map((e) => new URL(e.name).pathname);
    return { at: t, scripts: js };
  });
  return { page, at, scripts };
}

function gzipOf(dir: string, scripts: readonly string[]): number {
  const entry = readFileSync(join(dir, 'index.html'), 'utf8').match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1];
  const all = [...new Set([...(entry ? [`/${entry}`] : []), ...scripts])];
  return all.reduce((sum, p) => sum + gzipSync(readFileSync(join(dir, p))).length, 0);
}

async function cores(): Promise<number> {
  const windows: number[] = [];
  for (let i = 0; i < 3; i++) windows.push(await coresOver(CPU_WINDOW_MS));
  return median(windows);
}

const simTime = (page: Page) => page.evaluate(() => (globalThis as { __burnRate?: { snapshot?: () => { t: number } } }).__burnRate?.snapshot?.().t ?? 0);

/** Idle picker, paused desk and desk at 10× (cores), then frame times at 10×. */
async function idleAndRunning(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await screen(page, 'picker');
  const renderer = await page.evaluate(() => (globalThis as { __burnRate?: { renderer?: string } }).__burnRate?.renderer ?? '?');
  await page.waitForTimeout(1500);
  const pickerIdleCores = await cores();
  // The same scenario as ever (the tutorial is listed first): auth-canary.
  for (let i = 0; i < 10 && (await page.evaluate(() => (globalThis as { __burnRate?: { selected?: string } }).__burnRate?.selected)) !== 'auth-canary'; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await screen(page, 'desk');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter'); // start the shift
  await page.keyboard.press(' '); // and pause it
  await page.waitForTimeout(1000);
  const deskPausedCores = await cores();
  await page.keyboard.press(' ');
  for (let i = 0; i < 3; i++) await page.keyboard.press('='); // 1× → 2× → 5× → 10×
  await page.waitForTimeout(1000);
  const desk10xCores = await cores();
  const frames = (await page.evaluate(FRAME_PROBE)) as { deltas: number[]; simSeconds: number };
  const ended = await page.evaluate(() => (globalThis as { __burnRate?: { snapshot?: () => { ended: unknown } } }).__burnRate?.snapshot?.().ended ?? null);
  if (ended) throw new Error(`the run ended at sim ${await simTime(page)} s, before the desk at 10× was measured`);
  await context.close();
  const sorted = frames.deltas.slice(1).sort((a, b) => a - b);
  return { pickerIdleCores, deskPausedCores, desk10xCores, sorted, simSpeed: frames.simSeconds / 10, renderer };
}

/** Plays short runs to their debrief in one page; returns the heap growth over MEMORY_RUNS after the warm-up. */
async function memoryOverRuns(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await screen(page, 'picker');
  const chooser = page.waitForEvent('filechooser', { timeout: 60_000 });
  await page.evaluate(() => 0);
  await page.keyboard.press('o');
  await (await chooser).setFiles([join(FIXTURES, 'short-shift.yaml'), join(FIXTURES, 'high-errors.md')]);
  await page.waitForFunction(() => ((globalThis as { __burnRate?: { notice?: string } }).__burnRate?.notice ?? '').includes('ready to play'));
  await page.keyboard.press('Enter'); // Play
  let before = 0;
  for (let run = 0; run < WARM_UP_RUNS + MEMORY_RUNS; run++) {
    await screen(page, 'desk');
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter'); // start the shift
    for (let i = 0; i < 3; i++) await page.keyboard.press('='); // up to 10×
    await page.waitForFunction(() => (globalThis as { __burnRate?: { modal?: () => string | null } }).__burnRate?.modal?.() === 'ending', undefined, { timeout: 60_000 });
    await page.keyboard.press('Enter');
    await screen(page, 'debrief');
    await page.waitForTimeout(200);
    if (run === WARM_UP_RUNS - 1) before = (await page.evaluate(HEAP_AFTER_GC)) as number;
    await page.keyboard.press('r'); // replay the same seed
  }
  await screen(page, 'desk');
  const after = (await page.evaluate(HEAP_AFTER_GC)) as number;
  await context.close();
  return after - before;
}

async function main(): Promise<Report> {
  const out = join(ARTIFACTS, 'bench-dist');
  const emptyOut = join(ARTIFACTS, 'bench-empty-phaser');
  await buildGame(out);
  await buildEmptyPhaser(emptyOut);
  const server = await serve(out);
  const emptyServer = await serve(emptyOut);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  try {
    const interactive: number[] = [];
    const emptyInteractive: number[] = [];
    const firstInput: number[] = [];
    const longestTask: number[] = [];
    let initialJs: string[] = [];
    let emptyJs: string[] = [];
    for (let run = 0; run < LOADS; run++) {
      const empty = await timedLoad(browser, emptyServer.url + QUERY);
      emptyInteractive.push(empty.at);
      if (run === 0) emptyJs = empty.scripts;
      await empty.page.context().close();
      const game = await timedLoad(browser, server.url + QUERY);
      interactive.push(game.at);
      if (run === 0) initialJs = game.scripts;
      await game.page.evaluate(LONG_TASKS_START);
      await game.page.waitForTimeout(300);
      await game.page.keyboard.press('ArrowDown');
      const input = (await game.page.evaluate(FIRST_INPUT_READ)) as { duration: number; longest: number };
      firstInput.push(input.duration);
      longestTask.push(input.longest);
      await game.page.context().close();
    }
    const running = await idleAndRunning(browser, server.url + QUERY);
    const memoryGrowthBytes = await memoryOverRuns(browser, server.url + QUERY);
    return browserReport({
      renderer: running.renderer,
      loads: LOADS,
      emptyPhaserInteractiveMs: median(emptyInteractive),
      interactiveMedianMs: median(interactive),
      interactiveMaxMs: Math.max(...interactive),
      firstInputMs: median(firstInput),
      firstInputLongestTaskMs: median(longestTask),
      pickerIdleCores: running.pickerIdleCores,
      deskPausedCores: running.deskPausedCores,
      desk10xCores: running.desk10xCores,
      frameMedianMs: quantile(running.sorted, 0.5),
      frameP95Ms: quantile(running.sorted, 0.95),
      frameP99Ms: quantile(running.sorted, 0.99),
      frames: running.sorted.length,
      simSpeed: running.simSpeed,
      memoryRuns: MEMORY_RUNS,
      memoryGrowthBytes,
      initialJsBytes: gzipOf(out, initialJs),
      initialJsFiles: new Set(initialJs).size,
      emptyPhaserJsBytes: gzipOf(emptyOut, emptyJs),
    });
  } finally {
    await browser.close();
    await server.close();
    await emptyServer.close();
  }
}

try {
  printReport(await main());
} catch (err) {
  console.error(`browser benchmark failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
