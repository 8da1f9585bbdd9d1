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
import type { Scenario, StatusUpdateContent } from '../../src/scenario/schema/index.ts';
import { fieldChoices } from '../../src/game/desk/composer-state.ts';
import { UPDATE_FIELDS } from '../../src/sim/status-update.ts';
import type { RunSnapshot } from '../../src/sim/snapshot.ts';
import { hook, ROOT } from './harness.ts';

export interface DeskHook {
  screen: string;
  keys: Record<string, string>;
  snapshot: RunSnapshot;
  modal: string | null;
  coach: string | null;
  coachingShown: number;
  choices: Array<{ at: number; do?: string; choose?: string; ack?: true; update?: StatusUpdateContent }>;
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

export interface PlayLog {
  done: string[];
  skipped: string[];
}

/**
 * Writes a status update in the open composer by keys, as a player does: for each field in
 * turn the number of its choice (the composer moves to the next field), then Enter.
 */
export async function composeUpdate(page: Page, update: StatusUpdateContent): Promise<void> {
  await until(page, (x) => x.modal === 'status-update', 10_000);
  for (const field of UPDATE_FIELDS) {
    const index = fieldChoices(field).findIndex((c) => c.value === update[field]);
    await page.keyboard.press(String(index + 1));
    await page.waitForTimeout(80);
  }
  await page.keyboard.press('Enter');
}

/** Plays the choices; returns which ones could be made. Leaves the run going (or ended). */
export async function playChoices(
  page: Page,
  choices: ReadonlyArray<{ at: number; do?: string; choose?: string; ack?: true; update?: StatusUpdateContent }>,
): Promise<PlayLog> {
  const log: PlayLog = { done: [], skipped: [] };
  for (const c of choices) {
    const label = c.do ?? c.choose ?? 'ack';
    let h = await until(page, (x) => x.snapshot.t >= c.at);
    if (h.snapshot.ended) break;
    if (c.do) {
      const action = h.snapshot.actions.find((a) => a.id === c.do);
      const key = h.keys[c.do];
      if (!action?.available || !key) {
        log.skipped.push(label);
        continue;
      }
      await page.keyboard.press(key);
      if (c.update) await composeUpdate(page, c.update);
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
