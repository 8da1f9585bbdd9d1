/**
 * A run survives a reload: the save is replayed and the desk comes back where it was. A
 * save that cannot be used is discarded with a message, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { hook, press, screenshot, useBuiltGame, waitForScreen } from './harness.ts';
import type { DeskHook } from './player.ts';

const game = useBuiltGame();

describe('saved runs', () => {
  it('resumes a run in progress after a reload, choices and clock intact', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    for (let i = 0; i < 10 && (await hook<{ selected: string }>(page)).selected !== 'auth-canary'; i++) await press(page, 'ArrowDown');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'desk');
    await page.keyboard.press('Enter'); // start the shift
    for (let i = 0; i < 3; i++) await press(page, '='); // up to 10×
    const keys = (await hook<DeskHook>(page)).keys;
    await page.waitForFunction(() => ((globalThis as { __burnRate?: { snapshot?: () => { t: number } } }).__burnRate?.snapshot?.().t ?? 0) >= 60, undefined, { polling: 50 });
    await page.keyboard.press(keys['check-deploys'] as string);
    await page.waitForFunction(() => ((globalThis as { __burnRate?: { snapshot?: () => { t: number } } }).__burnRate?.snapshot?.().t ?? 0) >= 200, undefined, { polling: 50 });
    await page.keyboard.press(' '); // pause, so the clock stands still across the reload
    const before = await hook<DeskHook>(page);
    expect(before.choices.map((c) => c.do)).toEqual(['check-deploys']);

    await page.reload();
    await waitForScreen(page, 'desk');
    const after = await hook<DeskHook>(page);
    expect(after.modal).toBe('briefing'); // "Run restored" card, clock paused
    expect(after.choices).toEqual(before.choices);
    expect(after.seed).toBe(before.seed);
    expect(after.snapshot.facts).toEqual(before.snapshot.facts);
    // Pausing saves the clock: the run comes back at the very tick it was paused on.
    expect(after.snapshot.t).toBe(before.snapshot.t);
    expect(after.snapshot.budget.spent).toBe(before.snapshot.budget.spent);
    await screenshot(page, 'desk-restored');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('discards a corrupt save with a message on the picker', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    await page.evaluate(() => localStorage.setItem('burn-rate.run.v1', '{"scenarioId":"auth-canary","seed":"not a number"'));
    await page.reload();
    await waitForScreen(page, 'picker');
    const h = await hook<{ notice: string }>(page);
    expect(h.notice).toMatch(/^Your saved run could not be restored: the saved data is not valid JSON/);
    await screenshot(page, 'picker-corrupt-save');
    expect(await page.evaluate(() => localStorage.getItem('burn-rate.run.v1'))).toBeNull();

    await page.evaluate(() => localStorage.setItem('burn-rate.run.v1', JSON.stringify({ scenarioId: 'auth-canary', seed: -4, mode: 'practice', speed: 1, choices: [] })));
    await page.reload();
    await waitForScreen(page, 'picker');
    expect((await hook<{ notice: string }>(page)).notice).toMatch(/^Your saved run could not be restored: the saved run does not fit the save format at seed/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
