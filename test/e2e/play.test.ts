/**
 * A whole incident in the browser, once per mode: pick the scenario, set mode and seed by
 * keyboard, play a reference playthrough's choices by key, read the debrief, export it.
 * The level on screen must be the level the headless runner gives the same choices.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/scoring/debrief.ts';
import { runPlaythrough } from '../../src/sim/runner.ts';
import { hook, press, screenshot, useBuiltGame, waitForScreen } from './harness.ts';
import { loadLibraryScenario, playChoices, waitForEnding, type DeskHook } from './player.ts';

const SCENARIO = 'auth-canary';
const game = useBuiltGame();

interface PickerHook {
  screen: string;
  selected: string | null;
  mode: string;
  speed: number;
  seed: number;
  focus: string;
}

/** On the picker: select the scenario with arrows, then Tab to each control and set it. */
async function choose(page: Page, mode: 'practice' | 'assessed', seed: number): Promise<void> {
  await waitForScreen(page, 'picker');
  for (let i = 0; i < 10 && (await hook<PickerHook>(page)).selected !== SCENARIO; i++) await press(page, 'ArrowDown');
  expect((await hook<PickerHook>(page)).selected).toBe(SCENARIO);
  await press(page, 'Tab'); // mode
  if ((await hook<PickerHook>(page)).mode !== mode) await press(page, 'ArrowRight');
  await press(page, 'Tab'); // speed
  for (let i = 0; i < 4 && (await hook<PickerHook>(page)).speed !== 10; i++) await press(page, 'ArrowRight');
  await press(page, 'Tab'); // seed
  for (let i = 0; i < 10; i++) await press(page, 'Backspace');
  for (const digit of String(seed)) await press(page, digit);
  const h = await hook<PickerHook>(page);
  expect(h).toMatchObject({ mode, speed: 10, seed, focus: 'seed' });
}

async function download(page: Page, key: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function playWholeRun(mode: 'practice' | 'assessed', reference: string): Promise<void> {
  const scenario = loadLibraryScenario(SCENARIO);
  const ref = scenario.scoring.references.find((r) => r.id === reference);
  if (!ref) throw new Error(`no reference ${reference}`);
  const seed = ref.seed ?? scenario.seed;
  const { page, errors } = await game.open();
  await choose(page, mode, seed);
  await screenshot(page, `picker-${mode}`);
  await press(page, 'Tab'); // Play
  await press(page, 'Enter');
  await waitForScreen(page, 'desk');
  await page.waitForTimeout(300);
  await screenshot(page, `briefing-${mode}`);
  expect((await hook<DeskHook>(page)).modal).toBe('briefing');
  await page.keyboard.press('Enter'); // start the shift

  const log = await playChoices(page, ref.choices);
  const mid = await hook<DeskHook>(page);
  const ended = mid.snapshot.ended ? `; the run ended at sim ${mid.snapshot.t}s: ${JSON.stringify(mid.snapshot.ended)}` : '';
  expect(log.done.length, `choices made ${log.done.length}, not made: ${log.skipped.join(', ')}${ended}`).toBeGreaterThanOrEqual(Math.ceil(ref.choices.length * 0.8));
  await screenshot(page, `desk-${mode}`);
  if (mode === 'practice') expect(mid.coachingShown).toBeGreaterThan(0);
  else expect(mid.coachingShown).toBe(0);

  const end = await waitForEnding(page);
  expect(end.snapshot.ended).not.toBeNull();
  await screenshot(page, `ending-${mode}`);
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'debrief');
  await page.waitForTimeout(300);
  await screenshot(page, `debrief-${mode}`);
  const shown = await hook<{ level: string | null; headline: string }>(page);

  // The browser run and a headless replay of the same choices must agree.
  const expected = buildDebrief(scenario, runPlaythrough(scenario, { seed, choices: end.choices }));
  expect(shown.level).toBe(expected.overall.level);
  expect(shown.headline).toContain(expected.overall.level ?? 'Not enough');

  const json = await download(page, 'j');
  expect(json.name).toMatch(/\.json$/);
  const parsed = JSON.parse(json.text) as { overall: { level: string | null }; seed: number; choices: unknown[] };
  expect(parsed.overall.level).toBe(shown.level);
  expect(parsed.seed).toBe(seed);
  expect(parsed.choices).toEqual(end.choices);
  const md = await download(page, 'm');
  expect(md.name).toMatch(/\.md$/);
  expect(md.text.split('\n')[0]).toContain(`Acted at: ${shown.level ?? 'not observed'}`);

  // Replay the same seed: back on the desk, fresh run, same seed.
  await page.keyboard.press('r');
  await waitForScreen(page, 'desk');
  const replay = await hook<DeskHook>(page);
  expect(replay.seed).toBe(seed);
  expect(replay.snapshot.t).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
}

describe('a whole incident in the browser', () => {
  it('practice mode: coaching after choices, a debrief with the level, exports', async () => {
    await playWholeRun('practice', 'senior');
  }, 180_000);

  it('assessed mode: no coaching during the run, the same debrief and exports', async () => {
    await playWholeRun('assessed', 'practitioner');
  }, 180_000);
});
