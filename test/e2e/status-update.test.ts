/**
 * The status-update composer in Chromium, driven by keys as a player drives it: the
 * status-update action opens an empty composer, Enter does nothing until every field has
 * a choice, digits pick choices field by field, Esc cancels, Enter sends, and the choice
 * log holds exactly what was typed.
 */
import { describe, expect, it } from 'vitest';
import { UPDATE_FIELDS } from '../../src/sim/status-update.ts';
import { hook, press, screenshot, useBuiltGame, waitForScreen } from './harness.ts';
import { Human } from './human.ts';
import { composeUpdate, loadLibraryScenario, type DeskHook } from './player.ts';

const SCENARIO = 'auth-canary';
const game = useBuiltGame();

describe('status update composer', () => {
  it('opens empty, refuses to send half an update, and sends exactly what was chosen', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    for (let i = 0; i < 10 && (await hook<{ selected: string | null }>(page)).selected !== SCENARIO; i++) await press(page, 'ArrowDown');
    for (let i = 0; i < 4; i++) await press(page, 'Tab'); // mode, speed, seed, Play
    await press(page, 'Enter');
    await waitForScreen(page, 'desk');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter'); // start the shift
    await page.waitForTimeout(1500);

    let h = await hook<DeskHook>(page);
    await press(page, h.keys['status-update'] as string);
    h = await hook<DeskHook>(page);
    expect(h.modal).toBe('status-update');
    await screenshot(page, 'status-composer-empty');

    // Nothing is pre-selected: Enter alone sends nothing.
    await press(page, 'Enter');
    await page.waitForTimeout(200);
    h = await hook<DeskHook>(page);
    expect(h.modal).toBe('status-update');
    expect(h.choices.filter((c) => c.do === 'status-update')).toEqual([]);

    // Two fields chosen: still not sendable.
    await press(page, '2');
    await press(page, '2');
    await press(page, 'Enter');
    await page.waitForTimeout(200);
    expect((await hook<DeskHook>(page)).modal).toBe('status-update');
    await screenshot(page, 'status-composer-half');
    await press(page, 'Escape');
    expect((await hook<DeskHook>(page)).modal).not.toBe('status-update');

    const update = { impact: 'ongoing', known: 'symptoms', doing: 'investigating', next: '15m' } as const;
    await press(page, h.keys['status-update'] as string);
    await composeUpdate(new Human(page, loadLibraryScenario(SCENARIO)), update);
    await page.waitForTimeout(300);
    h = await hook<DeskHook>(page);
    expect(h.modal).not.toBe('status-update');
    const sent = h.choices.filter((c) => c.do === 'status-update');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.update).toEqual(update);
    expect(Object.keys(sent[0]?.update ?? {})).toEqual([...UPDATE_FIELDS]);

    // Once it is out, the Comms panel shows what it said, in the composer's words.
    for (let i = 0; i < 3; i++) await press(page, '=');
    const label = loadLibraryScenario(SCENARIO).actions.find((a) => a.id === 'status-update')!.label;
    const expected = `${label} — Customers are affected now; We know what is failing, not yet why; Investigating; Next update in 15 minutes`;
    for (let i = 0; i < 100 && !(await hook<DeskHook>(page)).snapshot.messages.some((m) => m.own && m.text === expected); i++) await page.waitForTimeout(200);
    expect((await hook<DeskHook>(page)).snapshot.messages.filter((m) => m.own).map((m) => m.text)).toEqual([expected]);
    await press(page, ' ');
    await screenshot(page, 'status-update-sent');
    expect(errors).toEqual([]);
  });
});
