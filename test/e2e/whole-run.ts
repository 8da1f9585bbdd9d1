/**
 * A whole incident in the browser: pick the scenario, set mode and seed by keyboard, play a
 * reference playthrough from the screen with human timing, read the debrief, export it.
 * Every planned step must be in the log exactly once, and the level on screen must be the
 * level the headless runner gives the same choices. In practice mode the debrief is opened
 * from the ending screen; in assessed mode the tab is reloaded there first, and the kept
 * run is reopened from the history and charted on the progress screen. One file per mode,
 * so the two runs take a browser each at the same time.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildDebrief } from '../../src/scoring/debrief.ts';
import { runPlaythrough } from '../../src/sim/runner.ts';
import { debriefToJson } from '../../src/scoring/export.ts';
import { hook, reloadToHistory, screenshot, waitForScreen, type DebriefHook, type HistoryHook, type PickerHook, type useBuiltGame } from './harness.ts';
import { Human, intentsOf } from './human.ts';
import { loadLibraryScenario, playReference, waitForEnding } from './player.ts';

const SCENARIO = 'auth-canary';
/**
 * On the picker, by keyboard as a player does: arrows to the scenario, Tab to each
 * control and arrows to set it, the seed typed over the old one, then Enter right there in
 * the seed field plays it.
 */
async function choose(page: Page, human: Human, mode: 'practice' | 'assessed', seed: number): Promise<void> {
  await waitForScreen(page, 'picker');
  for (let i = 0; i < 10 && (await hook<PickerHook>(page)).selected !== SCENARIO; i++) {
    await human.tap('ArrowDown');
    await human.gap();
  }
  expect((await hook<PickerHook>(page)).selected).toBe(SCENARIO);
  await human.tap('Tab'); // mode
  await human.gap();
  if ((await hook<PickerHook>(page)).mode !== mode) await human.tap('ArrowRight');
  await human.gap();
  await human.tap('Tab'); // speed
  // 5×: the player stops the clock (Space) for each action and a decision card slows it to
  // 1×, so nothing they press is rushed; but the plan is timed to the tick, and at 10× the
  // moment between seeing a step due and the clock stopping is twice as many sim seconds,
  // enough on a busy machine to push a step past what the plan depends on.
  for (let i = 0; i < 4 && (await hook<PickerHook>(page)).speed !== 5; i++) {
    await human.gap();
    await human.tap('ArrowRight');
  }
  await human.gap();
  await human.tap('Tab'); // seed
  await human.gap();
  await human.hold('Backspace', 1100);
  await human.type(String(seed));
  const h = await hook<PickerHook>(page);
  expect(h).toMatchObject({ mode, speed: 5, seed, focus: 'seed' });
}

async function download(page: Page, key: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Plays the reference `reference` of the scenario through in `mode`, checking the debrief and exports. */
export async function playWholeRun(game: ReturnType<typeof useBuiltGame>, mode: 'practice' | 'assessed', reference: string): Promise<void> {
  const scenario = loadLibraryScenario(SCENARIO);
  const ref = scenario.scoring.references.find((r) => r.id === reference);
  if (!ref) throw new Error(`no reference ${reference}`);
  const seed = ref.seed ?? scenario.seed;
  const { page, errors } = await game.open();
  const human = new Human(page, scenario, seed);
  await choose(page, human, mode, seed);
  await screenshot(page, `picker-${mode}`);
  await human.tap('Enter'); // in the seed field: plays this seed
  await waitForScreen(page, 'desk');
  await human.waitFor((s) => s.modal === 'briefing', 20_000, 'the briefing');
  await screenshot(page, `briefing-${mode}`);
  // The desk runs the seed and the speed set on the picker.
  expect(await human.screen()).toMatchObject({ seed, speed: 5 });
  await human.gap(500, 900); // reading the briefing
  await human.tap('Enter'); // start the shift

  await playReference(human, ref.choices);
  const mid = await human.screen();
  await screenshot(page, `desk-${mode}`);
  if (mode === 'practice') expect(mid.coachingShown).toBeGreaterThan(0);
  else expect(mid.coachingShown).toBe(0);

  const end = await waitForEnding(human);
  expect(end.snapshot.ended).not.toBeNull();
  // The log holds exactly what the player did: every step of the plan, each once, in order.
  expect(intentsOf(end.choices)).toEqual(human.intents);
  expect(human.intents.length).toBe(ref.choices.length);
  await screenshot(page, `ending-${mode}`);
  const expected = buildDebrief(scenario, runPlaythrough(scenario, { seed, choices: end.choices }));
  if (mode === 'assessed') {
    // The tab is reloaded on the ending screen, before the debrief was opened: the run is
    // kept all the same, and Enter on the history reopens it, replayed from its choices.
    await reloadToHistory(page);
    expect((await hook<HistoryHook>(page)).runs).toEqual([expect.objectContaining({ scenario: SCENARIO, mode, seed, level: expected.overall.level })]);
  }
  await human.tap('Enter');
  await waitForScreen(page, 'debrief');
  await page.waitForTimeout(300);
  await screenshot(page, `debrief-${mode}`);
  const shown = await hook<DebriefHook>(page);

  // The browser run and a headless replay of the same choices must agree.
  expect(shown.level).toBe(expected.overall.level);
  expect(shown.headline).toContain(expected.overall.level ?? 'Not enough');
  if (mode === 'assessed') {
    expect(shown).toMatchObject({ origin: 'history', notice: 'Replayed from its choices.' });
    expect(shown.debrief).toBe(debriefToJson(expected));
    expect(shown.parted).toBeGreaterThan(0); // beside the next level's reference
  }

  const json = await download(page, 'j');
  expect(json.name).toMatch(/\.json$/);
  const parsed = JSON.parse(json.text) as { overall: { level: string | null }; seed: number; choices: unknown[] };
  expect(parsed.overall.level).toBe(shown.level);
  expect(parsed.seed).toBe(seed);
  // The export holds what the player did (their own record), not merely what the game logged.
  expect(intentsOf(parsed.choices as Array<{ do?: string; choose?: string; ack?: true }>)).toEqual(human.intents);
  const md = await download(page, 'm');
  expect(md.name).toMatch(/\.md$/);
  expect(md.text.split('\n')[0]).toContain(`Acted at: ${shown.level ?? 'not observed'}`);

  if (mode === 'practice') {
    // Replay the same seed: back on the desk, fresh run, same seed.
    await page.keyboard.press('r');
    await waitForScreen(page, 'desk');
    const replay = await human.screen();
    expect(replay.seed).toBe(seed);
    expect(replay.snapshot.t).toBe(0);
  } else {
    // The kept run is charted on the progress screen, from the history.
    await human.tap('h');
    await waitForScreen(page, 'history');
    await human.tap('v');
    await waitForScreen(page, 'progress');
    await page.waitForTimeout(200);
    const progress = await hook<{ runs: number; overall: Array<number | null> }>(page);
    expect(progress).toMatchObject({ runs: 1, overall: [shown.level ? Number(shown.level.slice(1)) : null] });
    await screenshot(page, 'progress');
  }
  expect(errors).toEqual([]);
  await page.context().close();
}
