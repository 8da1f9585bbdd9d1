/**
 * Nothing lost: an exported debrief imported into the game replays to the very same
 * debrief, and kept runs chart on the progress screen, a damaged one named and left in
 * storage. Driven by keys and the file dialog, as a player would. (A run kept through a
 * reload on its ending screen and reopened from the history is part of the assessed
 * whole run, whole-run.ts, which plays one anyway.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/scoring/debrief.ts';
import { debriefToJson } from '../../src/scoring/export.ts';
import { runPlaythrough } from '../../src/sim/runner.ts';
import { hook, press, reloadToHistory, screenshot, useBuiltGame, waitForScreen, type DebriefHook, type HistoryHook } from './harness.ts';
import { loadLibraryScenario } from './player.ts';

const SCENARIO = 'auth-canary';
const game = useBuiltGame();

/**
 * Answers the page's file dialogs with the files given, in turn. One listener for the whole
 * page, attached before any key is pressed: a dialog that opens before anyone listens is
 * a native one the test cannot answer.
 */
function chooseFiles(page: Page): { next: (file: string) => void } {
  const queue: string[] = [];
  page.on('filechooser', (chooser) => {
    const file = queue.shift();
    if (file) void chooser.setFiles(file);
  });
  return { next: (file) => void queue.push(file) };
}

describe('history', () => {
  it('replays an imported debrief to the same debrief, and says so', async () => {
    const scenario = loadLibraryScenario(SCENARIO);
    const ref = scenario.scoring.references.find((r) => r.level === 'L4');
    if (!ref) throw new Error('no L4 reference');
    const exported = debriefToJson(buildDebrief(scenario, runPlaythrough(scenario, { seed: 77, choices: ref.choices })));
    const dir = mkdtempSync(join(tmpdir(), 'burn-rate-import-'));
    const file = join(dir, 'burn-rate-auth-canary-seed77-L4.json');
    writeFileSync(file, exported);

    const { page, errors } = await game.open();
    const pick = chooseFiles(page);
    await waitForScreen(page, 'picker');
    await press(page, 'h');
    await waitForScreen(page, 'history');
    pick.next(file);
    await page.keyboard.press('i');
    await waitForScreen(page, 'debrief');
    await page.waitForTimeout(300);
    const shown = await hook<DebriefHook>(page);
    expect(shown).toMatchObject({ origin: 'import', notice: 'Replayed from its choices to the same debrief as the file.', level: 'L4' });
    expect(shown.debrief).toBe(exported);
    await screenshot(page, 'debrief-imported');

    // A damaged file gets a plain-words reason on the history screen, not a crash.
    await press(page, 'h');
    await waitForScreen(page, 'history');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, exported.replace('"seed": 77', '"seed": "seventy-seven"'));
    pick.next(broken);
    await page.keyboard.press('i');
    await page.waitForFunction(() => /damaged/.test(String((globalThis as { __burnRate?: { notice?: string } }).__burnRate?.notice)));
    expect((await hook<HistoryHook>(page)).notice).toMatch(/^broken\.json: This debrief is damaged and cannot be shown: at seed: /);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('charts several kept runs, and names a damaged entry without losing it', async () => {
    // Five past runs, one a day, played headlessly from the library's reference
    // playthroughs (the same runner as the game), as the game keeps them.
    const runs = ['L1', 'L2', 'L3', 'L4', 'L5'].map((level, day) => {
      const id = day % 2 === 0 ? 'auth-canary' : 'db-pool-exhaustion';
      const scenario = loadLibraryScenario(id);
      const ref = scenario.scoring.references.find((r) => r.level === level);
      if (!ref) throw new Error(`no ${level} reference in ${id}`);
      const d = buildDebrief(scenario, runPlaythrough(scenario, { seed: 100 + day, choices: ref.choices }));
      const finishedAt = `2026-12-0${day + 1}T18:30:00.000Z`;
      return {
        id: `run-${day}`,
        finishedAt,
        scenario: d.scenario,
        mode: 'assessed',
        seed: d.seed,
        level: d.overall.level,
        dimensions: d.dimensions.map((x) => ({ dimension: x.dimension, title: x.title, level: x.level })),
        ending: d.ending?.title ?? null,
        choices: d.choices,
        source: 'library',
      };
    });
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    await page.evaluate((list) => {
      for (const r of list) localStorage.setItem(`burn-rate.history.v1.${r.id}`, JSON.stringify(r));
      localStorage.setItem('burn-rate.history.v1.torn', '{"id": "torn", "finishedAt": "2026-12-0');
    }, runs);
    await reloadToHistory(page);
    const listed = await hook<HistoryHook>(page);
    expect(listed.runs.map((r) => r.level)).toEqual(['L5', 'L4', 'L3', 'L2', 'L1']);
    expect(listed.notice).toBe('1 kept run could not be read (burn-rate.history.v1.torn: it is not valid JSON); left untouched in storage, not deleted.');
    await screenshot(page, 'history-several');
    await press(page, 'v');
    await waitForScreen(page, 'progress');
    await page.waitForTimeout(200);
    expect((await hook<{ overall: Array<number | null> }>(page)).overall).toEqual([1, 2, 3, 4, 5]);
    await screenshot(page, 'progress-several');
    expect(await page.evaluate(() => localStorage.getItem('burn-rate.history.v1.torn'))).toBe('{"id": "torn", "finishedAt": "2026-12-0');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
