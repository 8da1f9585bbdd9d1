/**
 * Plays a scenario through the real UI the way a player would: waits for the sim clock to
 * reach each choice of a timed choice log, then presses that action's key, the number of
 * a decision's answer, or A for the page. The test hook is only read (clock, keys, what is
 * open); every change goes through the keyboard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadScenario, readerFromFiles } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { RunSnapshot } from '../../src/sim/snapshot.ts';
import { hook, ROOT } from './harness.ts';

export interface DeskHook {
  screen: string;
  keys: Record<string, string>;
  snapshot: RunSnapshot;
  modal: string | null;
  coach: string | null;
  coachingShown: number;
  choices: Array<{ at: number; do?: string; choose?: string; ack?: true }>;
  seed: number;
  mode: string;
}

export function loadLibraryScenario(id: string): Scenario {
  const path = `scenarios/${id}/scenario.yaml`;
  const text = readFileSync(join(ROOT, path), 'utf8');
  const read = (rel: string) => {
    try {
      return readFileSync(join(ROOT, 'scenarios', id, rel), 'utf8');
    } catch {
      return undefined;
    }
  };
  const result = loadScenario(text, { file: path, readFile: read });
  if (!result.scenario) throw new Error(`${path} does not load: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  void readerFromFiles;
  return result.scenario;
}

async function desk(page: Page): Promise<DeskHook> {
  return hook<DeskHook>(page);
}

/** Waits (polling the hook) until `test` holds or the run ends; returns the last hook. */
async function until(page: Page, test: (h: DeskHook) => boolean, timeoutMs = 90_000): Promise<DeskHook> {
  const start = Date.now();
  for (;;) {
    const h = await desk(page);
    if (h.screen !== 'desk' || test(h) || h.snapshot.ended) return h;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out at sim ${h.snapshot.t}s`);
    await page.waitForTimeout(40);
  }
}

/**
 * Waits, inside the page and checking every frame, until the sim clock reaches `at` (or
 * the run ends): at 10× a tenth of a second is ten sim seconds, so the key must follow the
 * moment closely, however busy the machine that runs the test.
 */
async function untilSim(page: Page, at: number, timeoutMs = 90_000): Promise<DeskHook> {
  await page
    .waitForFunction(
      (t) => {
        const h = (globalThis as { __burnRate?: { screen: string; snapshot?: () => { t: number; ended: unknown } } }).__burnRate;
        const s = h?.snapshot?.();
        return h?.screen !== 'desk' || !s || s.t >= t || !!s.ended;
      },
      at,
      { polling: 'raf', timeout: timeoutMs },
    )
    .catch(async () => {
      throw new Error(`timed out at sim ${(await desk(page)).snapshot.t}s waiting for ${at}s`);
    });
  return desk(page);
}

export interface PlayLog {
  done: string[];
  skipped: string[];
}

/** Plays the choices; returns which ones could be made. Leaves the run going (or ended). */
export async function playChoices(page: Page, choices: ReadonlyArray<{ at: number; do?: string; choose?: string; ack?: true }>): Promise<PlayLog> {
  const log: PlayLog = { done: [], skipped: [] };
  for (const c of choices) {
    const label = c.do ?? c.choose ?? 'ack';
    let h = await untilSim(page, c.at);
    if (h.snapshot.ended) break;
    if (c.do) {
      const action = h.snapshot.actions.find((a) => a.id === c.do);
      const key = h.keys[c.do];
      if (!action?.available || !key) {
        log.skipped.push(label);
        continue;
      }
      await page.keyboard.press(key);
    } else if (c.choose) {
      const [prompt, option] = c.choose.split('.');
      h = await until(page, (x) => x.snapshot.prompts[0]?.id === prompt, 30_000).catch(() => h);
      const open = h.snapshot.prompts[0];
      const index = open && open.id === prompt ? open.options.findIndex((o) => o.id === option) : -1;
      if (index < 0) {
        log.skipped.push(label);
        continue;
      }
      await page.keyboard.press(String(index + 1));
    } else {
      h = await until(page, (x) => x.snapshot.pager.length > 0, 30_000).catch(() => h);
      if (h.snapshot.pager.length === 0) {
        log.skipped.push(label);
        continue;
      }
      await page.keyboard.press('a');
    }
    log.done.push(label);
  }
  return log;
}

/** Waits for the run to end (at 10× a whole shift takes well under a minute). */
export async function waitForEnding(page: Page): Promise<DeskHook> {
  return until(page, (h) => h.modal === 'ending', 120_000);
}
