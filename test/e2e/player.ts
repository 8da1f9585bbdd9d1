/**
 * Plays a scenario's reference playthrough through the real UI, as a person following a
 * plan would (see `Human`): what to press is read off the screen, never the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, readerFromFiles } from '../../src/scenario/load.ts';
import type { Scenario, StatusUpdateContent } from '../../src/scenario/schema/index.ts';
import { fieldChoices } from '../../src/game/desk/composer-state.ts';
import { UPDATE_FIELDS } from '../../src/sim/status-update.ts';
import type { RunSnapshot } from '../../src/sim/snapshot.ts';
import { ROOT } from './harness.ts';
import { sameLabel, type DeskScreen, type Human } from './human.ts';

export interface DeskHook {
  screen: string;
  keys: Record<string, string>;
  snapshot: RunSnapshot;
  modal: string | null;
  coach: string | null;
  coachingShown: number;
  choices: Array<{ at: number; do?: string; choose?: string; ack?: true; update?: StatusUpdateContent }>;
  seed: number;
  mode: string;
}

export function loadLibraryScenario(id: string): Scenario {
  const path = `scenarios/${id}/scenario.yaml`;
  const text = readFileSync(join(ROOT, path), 'utf8');
  const read = (rel: string) => {
    try {
      return readFileSync(join(ROOT, 'scenarios', id, rel), 'utf8');
    } catch {
      return undefined;
    }
  };
  const result = loadScenario(text, { file: path, readFile: read });
  if (!result.scenario) throw new Error(`${path} does not load: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  void readerFromFiles;
  return result.scenario;
}

/**
 * Writes a status update in the open composer by keys, as a player does: for each field in
 * turn the number of its choice (the composer moves to the next field), then Enter.
 */
export async function composeUpdate(human: Human, update: StatusUpdateContent): Promise<void> {
  await human.waitFor((s) => s.modal === 'status-update', 10_000, 'the status update composer');
  for (const field of UPDATE_FIELDS) {
    const index = fieldChoices(field).findIndex((c) => c.value === update[field]);
    await human.tap(String(index + 1));
  }
  await human.tap('Enter');
  await human.waitFor((s) => s.modal !== 'status-update', 10_000, 'the update to be sent');
}

/**
 * Watches the desk until the clock shows `at` seconds, the run ends, or (for an answer) a
 * decision card is up. The looking happens in the page, every 16 ms, as an eye on the
 * screen does: a look that had to travel to the test and back would see the clock late,
 * and at 10× a tenth of a second late is ten seconds of the plan. (A timer, not animation
 * frames: asking for every frame would keep the page's frame loop awake, which the game
 * lets sleep while its clock runs.)
 */
async function dueOnScreen(human: Human, at: number, answer: boolean, what: string): Promise<{ paused: boolean; ended: boolean }> {
  try {
    const handle = await human.page.waitForFunction(
      ({ at, answer }) => {
        const h = (globalThis as { __burnRate?: { screen: string; snapshot: () => RunSnapshot; paused: () => boolean; decision: () => { kind: string } | null } }).__burnRate;
        if (h?.screen !== 'desk') return false;
        const s = h.snapshot();
        const ended = !!s.ended;
        return s.t >= at || ended || (answer && h.decision()?.kind === 'prompt') ? { paused: h.paused(), ended } : false;
      },
      { at, answer },
      { timeout: 180_000, polling: 16 },
    );
    return (await handle.jsonValue()) as { paused: boolean; ended: boolean };
  } catch (e) {
    const s = await human.screen().catch(() => null);
    throw new Error(`waited for ${what}; the clock shows ${s?.snapshot?.t}s: ${(e as Error).message}`);
  }
}

/**
 * Plays a reference playthrough as a person would follow a plan: watches the clock on
 * the desk, and when a step is due pauses the clock (Space), finds the action's key on
 * the screen and presses it, then lets the clock run again; answers decisions by their
 * words on the card (number, then Enter); acknowledges the page with A. Every step must
 * be made: the test compares the game's log with the player's own record afterwards.
 */
export async function playReference(human: Human, choices: ReadonlyArray<{ at: number; do?: string; choose?: string; ack?: true; update?: StatusUpdateContent }>): Promise<void> {
  for (const c of choices) {
    const what = c.do ?? c.choose ?? 'ack';
    const seen = await dueOnScreen(human, c.at, !!c.choose, `the clock to reach ${c.at}s for ${what}`);
    // An action is due: stop the clock at once, before looking for its key.
    if (c.do && !seen.paused && !seen.ended) {
      await human.tap(' ');
      await human.waitFor((s) => s.paused || !!s.snapshot.ended, 5_000, 'the clock to stop');
    }
    const due = await human.screen();
    if (due.snapshot.ended) throw new Error(`the run ended before ${what} at ${c.at}s`);
    if (process.env.BURN_RATE_TRACE) console.log(`plan ${c.at}s ${what} · clock ${due.snapshot.t}s · card ${due.decision?.kind === 'prompt' ? due.decision.title.slice(0, 30) : '-'} · open ${due.snapshot.prompts.map((p) => p.id).join(',')}`);
    if (c.choose) {
      const [prompt, option] = c.choose.split('.') as [string, string];
      if (!(await human.answer(prompt, option))) {
        const s = await human.screen();
        throw new Error(`could not answer ${c.choose} from the screen at ${s.snapshot.t}s; the card shows ${JSON.stringify(s.decision?.title ?? null)}; open: ${s.snapshot.prompts.map((p) => p.id).join(', ')}`);
      }
      continue;
    }
    if (c.ack) {
      await human.waitFor((s) => s.snapshot.pager.length > 0, 60_000, 'the pager to ring');
      await human.ack();
      continue;
    }
    // Pause, look for the action (its chip, or the help sheet), press it, run on. Not on
    // offer yet (this run may be a few ticks behind the plan): let the clock run a moment
    // and look again, as a player waits for the recovery before verifying it.
    for (let look = 0; ; look++) {
      const now = await human.screen();
      if (now.snapshot.ended) throw new Error(`the run ended before ${what}`);
      if (!now.paused) {
        await human.tap(' ');
        await human.waitFor((s) => s.paused, 5_000, 'the clock to stop');
      }
      const key = await human.findActionKey(c.do as string);
      if (key) {
        await human.act(c.do as string, key);
        if (c.update) await composeUpdate(human, c.update);
        await human.tap(' ');
        await human.waitFor((s) => !s.paused || !!s.snapshot.ended, 5_000, 'the clock to run');
        break;
      }
      if (look > 120) throw new Error(`${c.do} was never on offer; the clock shows ${now.snapshot.t}s`);
      await human.tap(' ');
      await human.page.waitForTimeout(500);
    }
  }
}

/** Waits for the run to end (at 10× a whole shift takes well under a minute). */
export async function waitForEnding(human: Human): Promise<DeskScreen> {
  return human.waitFor((s) => s.modal === 'ending', 180_000, 'the end of the run');
}
