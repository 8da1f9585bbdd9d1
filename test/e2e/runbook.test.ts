/**
 * The runbook tab at the desk: the scenario's markdown, read by markdown-it and laid out
 * as text (headings, lists, tables, code), with no errors on the page.
 */
import { describe, expect, it } from 'vitest';
import { hook, press, screenshot, useBuiltGame, waitForScreen } from './harness.ts';

const SCENARIO = 'auth-canary';
const game = useBuiltGame();

describe('the runbook tab', () => {
  it('shows the runbook when Tab reaches it', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    for (let i = 0; i < 10 && (await hook<{ selected: string | null }>(page)).selected !== SCENARIO; i++) await press(page, 'ArrowDown');
    for (let i = 0; i < 4; i++) await press(page, 'Tab');
    await press(page, 'Enter');
    await waitForScreen(page, 'desk');
    await press(page, 'Enter'); // close the briefing
    const keys = (await hook<{ keys: Record<string, string> }>(page)).keys;
    const read = Object.entries(keys).find(([id]) => /runbook/.test(id));
    if (!read) throw new Error('no action reads a runbook');
    for (let i = 0; i < 3; i++) await press(page, '='); // 10×: the one-minute read takes six seconds
    await press(page, read[1]);
    await page.waitForFunction(() => {
      const h = (globalThis as { __burnRate?: { snapshot?: () => { t: number } } }).__burnRate;
      return (h?.snapshot?.().t ?? 0) > 75;
    }, undefined, { timeout: 30_000 });
    await press(page, 'Space'); // pause: the screenshot shows a still desk
    for (let i = 0; i < 4 && (await hook<{ tab: string }>(page)).tab !== 'runbook'; i++) await press(page, 'Tab');
    expect((await hook<{ tab: string }>(page)).tab).toBe('runbook');
    await page.waitForTimeout(300);
    await screenshot(page, 'desk-runbook');
    expect(errors).toEqual([]);
  });
});
