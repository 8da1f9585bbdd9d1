/**
 * Unlucky and hostile text laid out by the real game: words longer than any panel, a
 * carriage return in a title, an unclosed right-to-left override in a name, emoji, and a
 * log line taller than the Logs panel. Played by keys through picker, briefing, decision,
 * coach card, logs, ending and debrief; on each screen every visible text must stay on
 * the screen and inside the width it wraps at, and the screenshots are kept to look at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseFiles, hook, press, screenshot, useBuiltGame, waitForScreen } from './harness.ts';
import type { PlacedText } from '../../src/game/browser/layout-probe.ts';
import type { DeskHook } from './player.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const game = useBuiltGame();

async function texts(page: Page): Promise<PlacedText[]> {
  return page.evaluate(() => (globalThis as unknown as { __burnRateTexts: () => PlacedText[] }).__burnRateTexts());
}

/** Every visible text on the screen and within its wrap width; none carries an override or a carriage return. */
async function expectLaidOut(page: Page, where: string): Promise<PlacedText[]> {
  const placed = await texts(page);
  expect(placed.length, `${where}: nothing drawn`).toBeGreaterThan(5);
  for (const t of placed) {
    const label = `${where}: "${t.text.slice(0, 60)}"`;
    expect(t.left, `${label} starts off the screen`).toBeGreaterThanOrEqual(-1);
    expect(t.right, `${label} runs off the screen`).toBeLessThanOrEqual(1281);
    if (t.wrapWidth !== null) expect(t.right - t.left, `${label} is wider than its panel`).toBeLessThanOrEqual(t.wrapWidth + 2);
    expect(t.text, `${label} holds a bidirectional override`).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(t.text, `${label} holds a carriage return`).not.toContain('\r');
  }
  return placed;
}

async function simAt(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction((s) => ((globalThis as { __burnRate?: { snapshot?: () => { t: number } } }).__burnRate?.snapshot?.().t ?? 0) >= s, seconds, { timeout: 60_000, polling: 50 });
}

describe('hostile text in the layout', () => {
  it('breaks long words, keeps a tall log line in view, isolates names and draws emoji, on every screen', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    await chooseFiles(page, [
      { name: 'unruly.yaml', mimeType: 'application/yaml', buffer: readFileSync(join(FIXTURES, 'unruly.yaml')) },
      { name: 'high-errors.md', mimeType: 'text/markdown', buffer: readFileSync(join(FIXTURES, 'high-errors.md')) },
    ]);
    await page.waitForFunction(() => ((globalThis as { __burnRate?: { notice?: string } }).__burnRate?.notice ?? '').includes('ready to play'));
    const picker = await hook<{ entries: Array<{ id: string; title: string }>; problems: string[] }>(page);
    expect(picker.entries[0]?.id).toBe('unruly-text');
    // The carriage return became a space, and the file was told about it, located.
    expect(picker.entries[0]?.title).toContain('down OVERLAP');
    // Emoji are drawn from the shipped face once the picker shows one.
    await page.waitForFunction(() => [...document.fonts].some((f) => f.family.includes('Noto Emoji') && f.status === 'loaded'), undefined, { timeout: 30_000 });
    await page.waitForTimeout(200);
    await expectLaidOut(page, 'picker');
    await screenshot(page, 'unruly-picker');

    await page.keyboard.press('Enter');
    await waitForScreen(page, 'desk');
    await page.waitForTimeout(300);
    await expectLaidOut(page, 'briefing');
    await screenshot(page, 'unruly-briefing');
    await press(page, 'Enter'); // start the shift
    for (let i = 0; i < 3; i++) await press(page, '='); // up to 10×
    const keys = (await hook<DeskHook>(page)).keys;

    // The decision at 3m, asked by the stakeholder whose name carried the override.
    await simAt(page, 185);
    await page.waitForTimeout(200);
    const decision = await expectLaidOut(page, 'decision');
    expect(decision.some((t) => t.text.toLowerCase().includes('sam lanoisivorp'))).toBe(true);
    await screenshot(page, 'unruly-decision');
    await press(page, '1'); // mark the first answer
    await press(page, 'Enter'); // and give it

    await press(page, keys['compare-cohorts'] as string); // reveals what the rollback needs

    // Logs: the newest line is taller than the panel; it is cut to fit, not hidden.
    for (let i = 0; i < 4 && (await hook<{ tab: string }>(page)).tab !== 'logs'; i++) await press(page, 'Tab');
    expect((await hook<{ tab: string }>(page)).tab).toBe('logs');
    await simAt(page, 260);
    await page.waitForTimeout(200);
    const logs = await expectLaidOut(page, 'logs');
    const line = logs.find((t) => t.text.includes('ERROR') && t.text.includes('upstream=a1b2'));
    expect(line, 'the 500-character log line is on the Logs panel').toBeDefined();
    // Cut to fit with an ellipsis when the panel is shorter than the line; whole when it fits.
    expect(line?.text.endsWith('…') || line?.text.endsWith('a1b2c3d4e5')).toBe(true);
    await screenshot(page, 'unruly-logs');

    // The rollback shows a level, so practice mode coaches on it; the incident ends a minute later.
    await press(page, keys.rollback as string);
    await page.waitForFunction(() => (globalThis as { __burnRate?: { coach?: () => string | null } }).__burnRate?.coach?.() != null, undefined, { timeout: 30_000, polling: 50 });
    await page.waitForTimeout(400);
    await expectLaidOut(page, 'coach card');
    await screenshot(page, 'unruly-coach');
    await page.waitForFunction(() => (globalThis as { __burnRate?: { modal?: () => string | null } }).__burnRate?.modal?.() === 'ending', undefined, { timeout: 90_000, polling: 50 });
    await page.waitForTimeout(300);
    await screenshot(page, 'unruly-ending');
    await expectLaidOut(page, 'ending');
    await press(page, 'Enter');
    await waitForScreen(page, 'debrief');
    await page.waitForTimeout(300);
    await screenshot(page, 'unruly-debrief');
    await expectLaidOut(page, 'debrief');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
