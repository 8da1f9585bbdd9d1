/**
 * The desk's keyboard, played as a person plays it: real key presses with human gaps and
 * holds, decided from what the screen shows. Every key press is one choice; digits never
 * answer a decision by themselves; Esc opens a menu that stops the clock and leads back to
 * the scenarios; the charts' big numbers are the service totals.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatPercent, formatRps } from '../../src/game/ui/format.ts';
import { hook, screenshot, useBuiltGame, waitForScreen, type PickerHook } from './harness.ts';
import { Human, intentsOf } from './human.ts';
import { loadLibraryScenario } from './player.ts';

const game = useBuiltGame();


/** From the picker: selects a scenario with the arrow keys and plays it with Enter; closes the briefing. */
async function startRun(page: Page, human: Human, id: string): Promise<void> {
  await waitForScreen(page, 'picker');
  for (let i = 0; i < 12 && (await hook<PickerHook>(page)).selected !== id; i++) {
    await human.tap('ArrowDown');
    await human.gap(60, 160);
  }
  expect((await hook<PickerHook>(page)).selected).toBe(id);
  await human.tap('Enter');
  await waitForScreen(page, 'desk');
  await human.waitFor((s) => s.modal === 'briefing', 20_000, 'the briefing');
  await human.gap(400, 800);
  await human.tap('Enter');
  await human.waitFor((s) => s.modal === null, 10_000, 'the briefing to close');
}

describe('the desk keyboard, as a person uses it', () => {
  it('logs a long typed sequence exactly once each, holds and second presses included', async () => {
    const scenario = loadLibraryScenario('retry-storm');
    const { page, errors } = await game.open();
    const human = new Human(page, scenario, 11);
    await startRun(page, human, 'retry-storm');
    // Pause, as a player does to think: actions still start and queue while the clock stands.
    await human.tap(' ');
    await human.waitFor((s) => s.paused, 5_000, 'the clock to stop');

    const offered = (await human.screen()).palette.chips;
    expect(offered.length).toBeGreaterThan(5);
    const wanted = scenario.actions.filter((a) => offered.some((c) => c.label === a.label || (c.label.endsWith('…') && a.label.startsWith(c.label.slice(0, -1)))));
    let n = 0;
    for (const a of wanted) {
      const key = await human.findActionKey(a.id);
      expect(key, `a key for ${a.label}`).not.toBeNull();
      // Every third action is held long enough for the keyboard to repeat it.
      if (n++ % 3 === 2) {
        await human.hold(key as string, 800);
        human.intents.push({ do: a.id });
        await human.gap();
      } else {
        await human.act(a.id);
      }
    }
    // A second, deliberate press of an action already waiting in the queue changes nothing.
    const again = await human.findActionKey(wanted.at(-1)?.id as string);
    await human.tap(again as string);
    await human.gap();

    // The log filter, typed quickly.
    await human.tap('/');
    await human.type('garden');
    await human.tap('Enter');
    await human.gap();

    const s = await human.screen();
    expect(intentsOf(s.choices)).toEqual(human.intents);
    expect(human.intents.length).toBe(wanted.length);
    expect(await page.evaluate(() => (globalThis as { __burnRate?: { filter: () => string } }).__burnRate?.filter())).toBe('garden');
    await screenshot(page, 'desk-typed-sequence');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('never answers a decision with a digit: digits mark, Enter answers, and a fast clock slows meanwhile', async () => {
    const scenario = loadLibraryScenario('tutorial');
    const { page, errors } = await game.open();
    const human = new Human(page, scenario, 5);
    await startRun(page, human, 'tutorial');
    for (let i = 0; i < 3; i++) {
      await human.tap('=');
      await human.gap();
    }
    expect((await human.screen()).speed).toBe(10);
    await human.waitFor((s) => s.snapshot.pager.length > 0, 120_000, 'the page');
    await human.ack();
    const open = await human.waitFor((s) => s.decision?.kind === 'prompt', 120_000, 'a decision');
    const options = open.decision?.choices ?? [];
    expect(options.length).toBeGreaterThan(2);
    expect(options.some((c) => c.marked)).toBe(false); // nothing pre-selected
    expect(open.effectiveSpeed).toBe(1); // 10× slows to 1× while the decision is open
    await screenshot(page, 'desk-decision');

    // Every digit, tapped and held, and the speed keys: none answers.
    for (const c of options) {
      await human.tap(c.key);
      await human.gap(150, 400);
    }
    await human.hold('2', 900);
    await human.tap('-');
    await human.gap();
    await human.tap('3');
    await human.gap();
    let s = await human.screen();
    expect(s.choices.filter((c) => c.choose)).toEqual([]);
    expect(s.decision?.kind).toBe('prompt');
    expect(s.decision?.choices.findIndex((c) => c.marked)).toBe(2);
    expect(s.speed).toBe(5);
    expect(s.effectiveSpeed).toBe(1);
    await screenshot(page, 'desk-decision-marked');

    await human.tap('Enter');
    s = await human.waitFor((x) => x.choices.some((c) => c.choose), 10_000, 'the answer to be logged');
    const prompt = scenario.prompts.find((p) => p.question === open.decision?.title);
    const option = prompt?.options.find((o) => o.label === options[2]?.label);
    expect(s.choices.filter((c) => c.choose)).toEqual([expect.objectContaining({ choose: `${prompt?.id}.${option?.id}` })]);
    await human.waitFor((x) => x.decision?.kind !== 'prompt' || x.decision.title !== open.decision?.title, 10_000, 'the card to close');
    s = await human.waitFor((x) => x.snapshot.prompts.length > 0 || x.effectiveSpeed === 5, 10_000, 'the clock back at 5×');
    if (s.snapshot.prompts.length === 0) expect(s.effectiveSpeed).toBe(5);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('opens a menu on Esc that stops the clock, resumes, and leads back to the scenarios', async () => {
    const scenario = loadLibraryScenario('tutorial');
    const { page, errors } = await game.open();
    const human = new Human(page, scenario, 3);
    await startRun(page, human, 'tutorial');
    await human.tap('=');
    await human.waitFor((s) => s.snapshot.t >= 5, 30_000, 'the clock to run');

    await human.tap('Escape');
    let s = await human.waitFor((x) => x.modal === 'menu', 5_000, 'the pause menu');
    expect(s.paused).toBe(true);
    expect(s.decision?.choices.map((c) => c.label)).toEqual(['Resume the shift', 'Restart this scenario (same seed)', 'Back to the scenarios', 'Keys']);
    const t = s.snapshot.t;
    await page.waitForTimeout(1500);
    expect((await human.screen()).snapshot.t).toBe(t);
    await screenshot(page, 'desk-menu');

    // Esc again resumes: the clock runs on from where it stood.
    await human.tap('Escape');
    s = await human.waitFor((x) => x.modal === null && x.snapshot.t > t, 10_000, 'the clock to run again');
    expect(s.paused).toBe(false);

    // Help stops the clock too.
    await human.tap('?');
    s = await human.waitFor((x) => x.modal === 'help', 5_000, 'the help sheet');
    expect(s.paused).toBe(true);
    await human.tap('Escape');
    await human.waitFor((x) => x.modal === null && !x.paused, 5_000, 'help to close and the clock to run');

    // Back to the scenarios, by arrows and Enter.
    await human.tap('Escape');
    await human.waitFor((x) => x.modal === 'menu', 5_000, 'the pause menu');
    await human.tap('ArrowDown');
    await human.gap();
    await human.tap('ArrowDown');
    await human.gap();
    await human.tap('Enter');
    await waitForScreen(page, 'picker');
    expect((await hook<PickerHook>(page)).selected).toBe('tutorial');
    // The run was left: a reload does not bring it back.
    await page.reload();
    await waitForScreen(page, 'picker');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('plays the seed typed on the picker when Enter is pressed in the seed field', async () => {
    const { page, errors } = await game.open();
    const human = new Human(page, loadLibraryScenario('tutorial'), 9);
    await waitForScreen(page, 'picker');
    expect((await hook<PickerHook>(page)).selected).toBe('tutorial'); // first, and preselected
    for (let i = 0; i < 3; i++) {
      await human.tap('Tab');
      await human.gap();
    }
    expect((await hook<PickerHook>(page)).focus).toBe('seed');
    await human.hold('Backspace', 1200); // held: the field empties as the key repeats
    await human.type('12345');
    expect((await hook<PickerHook>(page)).seed).toBe(12345);
    await human.tap('Enter');
    await waitForScreen(page, 'desk');
    expect((await human.screen()).seed).toBe(12345);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows the service total as the big number of the tutorial\u2019s error and request charts', async () => {
    const scenario = loadLibraryScenario('tutorial');
    const { page, errors } = await game.open();
    const human = new Human(page, scenario, 4);
    await startRun(page, human, 'tutorial');
    for (let i = 0; i < 3; i++) await human.tap('=');
    // Once the page has fired, one cohort fails and the other does not: the totals tell.
    await human.waitFor((s) => s.snapshot.pager.length > 0, 120_000, 'the page');
    await human.tap(' ');
    await human.waitFor((s) => s.paused, 5_000, 'the clock to stop');
    await page.waitForTimeout(500); // a few frames: every chart drawn at this tick
    const s = await human.screen();
    const [errorsChart, rateChart] = s.dashboard.charts;
    const total = s.recorded['service.errorRatio'] as number;
    const cohorts = scenario.telemetry.cohorts.map((c) => s.recorded[`${c.id}.errorRatio`] as number);
    expect(errorsChart?.headline).toBe(`all traffic ${formatPercent(total)}`);
    expect(rateChart?.headline).toBe(`all traffic ${formatRps(s.recorded['service.rps'] as number)}`);
    // Not the first cohort's figure: the failing cohort moves the total.
    expect(Math.max(...cohorts)).toBeGreaterThan(total);
    expect(errorsChart?.headline).not.toBe(`all traffic ${formatPercent(cohorts[0] as number)}`);
    await screenshot(page, 'desk-tutorial-headline');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
