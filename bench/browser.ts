/**
 * `npm run bench:browser`: the game in headless Chromium on this machine's software
 * renderer. Figures: time to an interactive picker, frame times on the incident desk at
 * 10× over ten seconds, and the gzip size of the JavaScript loaded before the picker was
 * interactive. Prints each as `name: value unit`, after `# ` lines naming the renderer and
 * what was measured. Reads the wall clock: benchmarks measure speed, tests never do.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARTIFACTS, launch, ROOT, serve } from '../test/e2e/harness.ts';
import { browserReport } from './browser-report.ts';
import { printReport, type Report } from './figure.ts';

const RUNS = 5;
/** `npm run bench:browser -- --renderer=webgl` measures Phaser's WebGL path even on a CPU rasteriser. */
const RENDERER = process.argv.find((a) => a.startsWith('--renderer='))?.slice('--renderer='.length);
const QUERY = RENDERER ? `?renderer=${encodeURIComponent(RENDERER)}` : '';

/** Runs in the page: requestAnimationFrame deltas for ten seconds, and the sim time covered. */
const FRAME_PROBE = `new Promise((resolve) => {
  const deltas = [];
  const simT = () => { const h = globalThis.__burnRate; return h && h.snapshot ? h.snapshot().t : 0; };
  const t0 = simT();
  let last = performance.now();
  const end = last + 10000;
  const frame = (now) => {
    deltas.push(now - last);
    last = now;
    if (now < end) requestAnimationFrame(frame);
    else resolve({ deltas, simSeconds: simT() - t0 });
  };
  requestAnimationFrame(frame);
})`;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

async function main(): Promise<Report> {
  const out = join(ARTIFACTS, 'bench-dist');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
  const server = await serve(out);
  const browser = await launch();
  try {
    const interactive: number[] = [];
    let initialJs: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(server.url + QUERY);
      // Interactive: the picker scene has drawn its list and listens to the keyboard.
      await page.waitForFunction(() => (globalThis as { __burnRate?: { screen: string } }).__burnRate?.screen === 'picker', undefined, { timeout: 30_000 });
      const { at, scripts } = await page.evaluate(() => {
        const t = performance.now();
        const js = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd <= t)
          .map((e) => new URL(e.name).pathname);
        return { at: t, scripts: js };
      });
      interactive.push(at);
      if (run === 0) {
        const entry = readFileSync(join(out, 'index.html'), 'utf8').match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1];
        initialJs = [...new Set([...(entry ? [`/${entry}`] : []), ...scripts])];
      }
      await context.close();
    }
    const gzipBytes = initialJs.reduce((sum, p) => sum + gzipSync(readFileSync(join(out, p))).length, 0);

    // Frame times on the desk at 10×.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(server.url + QUERY);
    await page.waitForFunction(() => (globalThis as { __burnRate?: { screen: string } }).__burnRate?.screen === 'picker', undefined, { timeout: 30_000 });
    // The same scenario as ever (the tutorial is listed first now): auth-canary.
    for (let i = 0; i < 10 && (await page.evaluate(() => (globalThis as { __burnRate?: { selected?: string } }).__burnRate?.selected)) !== 'auth-canary'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as { __burnRate?: { screen: string } }).__burnRate?.screen === 'desk', undefined, { timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter'); // start the shift
    for (let i = 0; i < 3; i++) await page.keyboard.press('='); // up to 10×
    await page.waitForTimeout(1000); // settle
    // Plain source text: tsx would wrap named functions in helpers the page does not have.
    const frames = (await page.evaluate(FRAME_PROBE)) as { deltas: number[]; simSeconds: number };
    await context.close();
    const sorted = frames.deltas.slice(1).sort((a, b) => a - b);
    const renderer = await (async () => {
      const c = await browser.newContext();
      const p = await c.newPage();
      await p.goto(server.url + QUERY);
      await p.waitForFunction(() => (globalThis as { __burnRate?: { screen: string } }).__burnRate?.screen === 'picker', undefined, { timeout: 30_000 });
      const r = await p.evaluate(() => (globalThis as { __burnRate?: { renderer?: string } }).__burnRate?.renderer ?? '?');
      await c.close();
      return r;
    })();
    return browserReport({
      renderer,
      loads: RUNS,
      interactiveMedianMs: median(interactive),
      interactiveMaxMs: Math.max(...interactive),
      frameMedianMs: quantile(sorted, 0.5),
      frameP95Ms: quantile(sorted, 0.95),
      frameP99Ms: quantile(sorted, 0.99),
      frames: sorted.length,
      simSpeed: frames.simSeconds / 10,
      initialJsBytes: gzipBytes,
      initialJsFiles: initialJs.length,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

try {
  printReport(await main());
} catch (err) {
  console.error(`browser benchmark failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
