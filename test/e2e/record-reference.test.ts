/**
 * Calibration by playing: at the desk, F8 records the run so far as a `references:` entry
 * whose choices are the ones the player made, at the times they made them.
 */
import { describe, expect, it } from 'vitest';
import { hook, press, screenshot, useBuiltGame, waitForScreen } from './harness.ts';
import { Human } from './human.ts';
import { loadLibraryScenario, playReference, type DeskHook } from './player.ts';

const SCENARIO = 'auth-canary';
const game = useBuiltGame();

interface RecordingHook extends DeskHook {
  recordedReference?: { id: string; level: string | null; choices: number; yaml: string };
  selected?: string | null;
}

describe('recording a reference at the desk', () => {
  it('F8 gives the choices made so far as a references entry, noted on screen', async () => {
    const scenario = loadLibraryScenario(SCENARIO);
    const ref = scenario.scoring.references[0];
    if (!ref) throw new Error('no reference');
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    for (let i = 0; i < 10 && (await hook<RecordingHook>(page)).selected !== SCENARIO; i++) await press(page, 'ArrowDown');
    await press(page, 'Tab'); // mode
    await press(page, 'Tab'); // speed: 10×, so the first choices come within seconds
    for (let i = 0; i < 4 && (await hook<{ speed: number }>(page)).speed !== 10; i++) await press(page, 'ArrowRight');
    await press(page, 'Tab'); // seed
    await press(page, 'Tab'); // Play
    await press(page, 'Enter');
    await waitForScreen(page, 'desk');
    await press(page, 'Enter'); // close the briefing; the clock starts
    const human = new Human(page, scenario);
    await playReference(human, ref.choices.slice(0, 2));
    await press(page, 'F8');
    const after = await hook<RecordingHook & { choices: Array<{ at: number }> }>(page);
    const recorded = after.recordedReference;
    expect(recorded?.choices).toBe(after.choices.length);
    expect(after.choices.length).toBeGreaterThanOrEqual(2);
    // The times are the ones the choices were made at, in whole seconds.
    expect([...(recorded?.yaml.matchAll(/at: (\d+)/g) ?? [])].map((m) => Number(m[1]))).toEqual(after.choices.map((c) => Math.round(c.at)));
    expect(recorded?.id).toMatch(/^played-(l[1-5]|unassessed)/);
    for (const line of recorded?.yaml.split('\n').filter((l) => l.includes('- { at:')) ?? []) expect(line).toMatch(/^ {8}- \{ at: \d+, (do: [\w-]+|choose: [\w-]+\.[\w-]+|ack: true) \}$/);
    expect(recorded?.yaml).toMatch(/^ {4}- id: played-/);
    await screenshot(page, 'desk-reference-recorded');
    expect(errors).toEqual([]);
  });
});
