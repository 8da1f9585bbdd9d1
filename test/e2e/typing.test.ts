/**
 * Every key counts once, however the page keeps up: on a slow laptop (the page's CPU
 * throttled six times, and busy for a moment while keys are pressed) a room code and a
 * name typed on the join screen hold exactly what was typed.
 */
import { describe, expect, it } from 'vitest';
import { hook, press, useBuiltGame, waitForScreen } from './harness.ts';

const game = useBuiltGame();

interface JoinHook {
  screen: string;
  code: string;
  name: string;
  focus: string;
}

describe('typing on a slow laptop', () => {
  it('keeps each key once in the join form, typed quickly on a slow, busy page', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    await press(page, 'j');
    await waitForScreen(page, 'gameday-join');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    // About twelve keys a second, a quick typist's pace.
    await page.keyboard.type('k7mq2b', { delay: 45 });
    await page.waitForTimeout(500);
    expect((await hook<JoinHook>(page)).code).toBe('K7MQ2B');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as { __burnRate?: { focus?: string } }).__burnRate?.focus === 'name');
    // The page is busy for a moment (a heavy frame on a slow laptop) while the typist goes
    // on: the keys wait and reach the game together, before its next frame.
    await page.evaluate(() => {
      setTimeout(() => {
        const end = performance.now() + 400;
        while (performance.now() < end);
      }, 30);
    });
    await page.waitForTimeout(60);
    const sent: Array<Promise<void>> = [];
    for (const ch of 'Ana') sent.push(page.keyboard.down(ch), page.keyboard.up(ch));
    await Promise.all(sent);
    await page.waitForTimeout(500);
    expect((await hook<JoinHook>(page)).name).toBe('Ana');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
