/**
 * Drawing on demand, seen from the page: an idle picker draws no frames, a key press draws
 * the new selection at once, and a paused desk draws nothing until the player acts. Frames
 * are counted (read only, `__burnRateFrames`), never timed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hook, press, screenshot, useBuiltGame, waitForScreen } from './harness.ts';

const game = useBuiltGame();

const drawn = (page: Page) => page.evaluate(() => (globalThis as unknown as { __burnRateFrames: () => { drawn: number } }).__burnRateFrames().drawn);

describe('drawing on demand', () => {
  it('draws nothing while the picker and the paused desk are idle, and draws what a key changes', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    await page.waitForTimeout(1500);
    const idle = await drawn(page);
    await page.waitForTimeout(1500);
    expect(await drawn(page)).toBe(idle);
    // A pointer drifting over the blank band above the list, as a hand on a mouse does,
    // changes nothing on screen and draws nothing.
    await page.mouse.move(700, 100);
    for (let x = 700; x <= 1200; x += 25) {
      await page.mouse.move(x, 100 + (x % 50) / 5);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(300);
    expect(await drawn(page)).toBe(idle);

    const before = (await hook<{ selected: string | null }>(page)).selected;
    await press(page, 'ArrowDown');
    await page.waitForTimeout(200);
    expect((await hook<{ selected: string | null }>(page)).selected).not.toBe(before);
    expect(await drawn(page)).toBeGreaterThan(idle);
    await screenshot(page, 'on-demand-picker-after-key');

    await press(page, 'ArrowUp');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'desk');
    await page.waitForTimeout(300);
    await press(page, 'Enter'); // start the shift
    await press(page, ' '); // pause
    await page.waitForTimeout(1000);
    const paused = await drawn(page);
    const t = (await hook<{ snapshot: { t: number } }>(page)).snapshot.t;
    await page.waitForTimeout(1500);
    expect(await drawn(page)).toBe(paused);
    expect((await hook<{ snapshot: { t: number } }>(page)).snapshot.t).toBe(t);
    await press(page, ' '); // resume: the clock runs and the desk is drawn again
    await page.waitForFunction((t0) => ((globalThis as { __burnRate?: { snapshot?: () => { t: number } } }).__burnRate?.snapshot?.().t ?? 0) > t0 + 3, t, { polling: 50 });
    expect(await drawn(page)).toBeGreaterThan(paused);
    await screenshot(page, 'on-demand-desk-running');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('lets the frame loop sleep while the clock runs and nothing moves: one drawn frame per tick', async () => {
    const { page, errors } = await game.open();
    // Counts the page's requests for animation frames (the game loop's, when it runs on them).
    await page.addInitScript(() => {
      const real = globalThis.requestAnimationFrame.bind(globalThis);
      const w = globalThis as { __rafRequests?: number };
      w.__rafRequests = 0;
      globalThis.requestAnimationFrame = (cb) => {
        w.__rafRequests = (w.__rafRequests ?? 0) + 1;
        return real(cb);
      };
    });
    await page.reload();
    await waitForScreen(page, 'picker');
    // Assessed (no coaching cards fading in and out) at 10×, from the picker's keys.
    for (let i = 0; i < 10 && (await hook<{ selected: string }>(page)).selected !== 'auth-canary'; i++) await press(page, 'ArrowDown');
    await press(page, 'Tab');
    await press(page, 'ArrowRight');
    await press(page, 'Tab');
    for (let i = 0; i < 3; i++) await press(page, 'ArrowRight');
    expect(await hook(page, { only: ['selected', 'mode', 'speed'] })).toEqual({ selected: 'auth-canary', mode: 'assessed', speed: 10 });
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'desk');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter'); // start the shift
    await page.waitForTimeout(1000); // the keys' frames are over
    type Seen = { t: number; drawn: number; raf: number; pager: number; prompts: number };
    const look = () =>
      page.evaluate(() => {
        const w = globalThis as unknown as { __burnRate: { snapshot: () => { t: number; pager: unknown[]; prompts: unknown[] } }; __burnRateFrames: () => { drawn: number }; __rafRequests: number };
        const s = w.__burnRate.snapshot();
        return { t: s.t, drawn: w.__burnRateFrames().drawn, raf: w.__rafRequests, pager: s.pager.length, prompts: s.prompts.length };
      }) as Promise<Seen>;
    const before = await look();
    await page.waitForTimeout(2000);
    const after = await look();
    // Nothing rang or asked in the window (the first decision is minutes of sim time away).
    expect(after).toMatchObject({ pager: 0, prompts: 0 });
    const ticks = (after.t - before.t) / 10; // auth-canary ticks every 10 sim seconds
    expect(ticks).toBeGreaterThanOrEqual(5);
    // Each tick drawn, in one frame, and no animation frame asked for in between.
    expect(after.drawn - before.drawn).toBeGreaterThan(0);
    expect(after.drawn - before.drawn).toBeLessThanOrEqual(ticks + 1);
    expect(after.raf - before.raf).toBeLessThanOrEqual(2);
    await screenshot(page, 'on-demand-desk-10x');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('holds a ringing page still while the desk is paused, and flashes it again on resume', async () => {
    const { page, errors } = await game.open();
    // Every state each of the page's audio contexts goes through, read after the beep.
    await page.addInitScript(() => {
      const Real = globalThis.AudioContext;
      const seen: string[][] = [];
      (globalThis as { __audioStates?: string[][] }).__audioStates = seen;
      globalThis.AudioContext = class extends Real {
        constructor(options?: AudioContextOptions) {
          super(options);
          const states = [this.state as string];
          seen.push(states);
          this.addEventListener('statechange', () => states.push(this.state));
        }
      };
    });
    await page.reload();
    await waitForScreen(page, 'picker');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'desk');
    await page.waitForTimeout(300);
    await press(page, 'Enter'); // start the shift
    for (let i = 0; i < 3; i++) await press(page, '='); // 10x, to reach the first page sooner
    await page.waitForFunction(() => ((globalThis as { __burnRate?: { snapshot?: () => { pager: unknown[] } } }).__burnRate?.snapshot?.().pager.length ?? 0) > 0, undefined, { timeout: 90_000, polling: 50 });
    await press(page, ' '); // pause with the pager ringing
    await page.waitForTimeout(1000);
    // The page beeped, and the audio device went quiet again once the beep was over.
    const audio = await page.evaluate(() => (globalThis as { __audioStates?: string[][] }).__audioStates ?? []);
    expect(audio).toHaveLength(1);
    const states = audio[0] ?? [];
    // Quiet from the first key until the page: it ran again only to beep.
    expect(states.slice(states.indexOf('suspended'))).toContain('running');
    expect(states.at(-1)).toBe('suspended');
    const paused = await drawn(page);
    await page.waitForTimeout(1500);
    expect(await drawn(page)).toBe(paused);
    expect((await hook<{ snapshot: { pager: unknown[] } }>(page)).snapshot.pager.length).toBeGreaterThan(0);
    await screenshot(page, 'on-demand-paused-page');
    await press(page, ' '); // resume: the page flashes, so frames are drawn again
    await page.waitForTimeout(1000);
    expect(await drawn(page)).toBeGreaterThan(paused + 10);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 150_000);
});
