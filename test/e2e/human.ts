/**
 * A player at the keyboard. It decides what to press from what the desk draws — the key
 * caps on the action chips, the answers on the decision card, the help sheet when a chip
 * is off screen — never from the engine's state; it presses keys down and lets them up
 * with human timing (a gap between presses, a hold now and then long enough for the
 * keyboard to repeat, a second press when nothing seems to happen); and it keeps its own
 * record of what it meant to do, so a test can compare the game's choice log with it.
 */
import type { Page } from 'playwright-core';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { RunSnapshot } from '../../src/sim/snapshot.ts';
import { hook, nextFrame } from './harness.ts';

/** What the desk draws, as the test hook reports it. */
export interface DeskScreen {
  screen: string;
  modal: string | null;
  paused: boolean;
  speed: number;
  effectiveSpeed: number;
  seed: number;
  /** The run as drawn, less the log lines and the action catalogue (see {@link Human.screen}). */
  snapshot: Omit<RunSnapshot, 'logs' | 'actions'>;
  choices: Array<{ at: number; do?: string; choose?: string; ack?: true }>;
  palette: { chips: Array<{ key: string; label: string }>; busy: string };
  decision: { kind: string; title: string; body: string; choices: Array<{ key: string; label: string; marked: boolean }>; confirm: string | null } | null;
  dashboard: { page: number; pages: number; charts: Array<{ title: string; headline: string }> };
  recorded: Record<string, number | null>;
  coach: string | null;
  coachingShown: number;
}

/** One thing the player meant to do, as the choice log should hold it. */
export type Intent = { do: string } | { choose: string } | { ack: true };

/** A key cap as drawn ("R", "⇧R", "Space", "1") → the key to press. */
export function keyOfCap(cap: string): string {
  if (cap.startsWith('⇧')) return `Shift+${cap.slice(1).toUpperCase()}`;
  if (cap === 'Space') return ' ';
  return cap.length === 1 ? cap.toLowerCase() : cap;
}

/** Whether a label as drawn (perhaps cut short with "…") is this label. */
export function sameLabel(drawn: string, label: string): boolean {
  return drawn === label || (drawn.endsWith('…') && label.startsWith(drawn.slice(0, -1)));
}

const GLANCE_LEAVES = ['snapshot.logs', 'snapshot.actions'] as const;

export class Human {
  /** Every key pressed, in order (a held key counts once). */
  readonly pressed: string[] = [];
  /** What the player meant to do, in order. */
  readonly intents: Intent[] = [];
  /** How often a press seemed to do nothing and was pressed again. */
  secondPresses = 0;
  private seed: number;

  constructor(
    readonly page: Page,
    readonly scenario: Scenario,
    seed = 20261206,
  ) {
    this.seed = seed >>> 0;
  }

  /** A repeatable pseudo-random number in [0, 1): the same test presses with the same rhythm. */
  private random(): number {
    this.seed = (this.seed + 0x6d2b79f5) >>> 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private between(lo: number, hi: number): number {
    return Math.round(lo + (hi - lo) * this.random());
  }

  /**
   * What the desk shows at a glance. The log lines and the action catalogue are left out:
   * the player decides from the clock, the cards, the chips and the pager, and copying
   * tens of kilobytes of log out of the page on every look costs more than the game does.
   */
  async screen(): Promise<DeskScreen> {
    return hook<DeskScreen>(this.page, { without: GLANCE_LEAVES });
  }

  /** A pause between two presses, as fingers move: 90–350 ms. */
  async gap(lo = 90, hi = 350): Promise<void> {
    await this.page.waitForTimeout(this.between(lo, hi));
  }

  /**
   * Presses a key and lets it go after a human hold (40–140 ms). "Shift+M" holds Shift
   * around the letter, as a person does.
   */
  async tap(key: string, holdMs = this.between(40, 140)): Promise<void> {
    this.pressed.push(key);
    const parts = key === '+' ? ['+'] : key.split('+');
    const main = parts.pop() as string;
    for (const m of parts) {
      await this.page.keyboard.down(m);
      await this.page.waitForTimeout(this.between(30, 80));
    }
    await this.page.keyboard.down(main);
    await this.page.waitForTimeout(holdMs);
    await this.page.keyboard.up(main);
    for (const m of parts.reverse()) {
      await this.page.waitForTimeout(this.between(10, 40));
      await this.page.keyboard.up(m);
    }
  }

  /**
   * Holds a key long enough for the keyboard to repeat it: after a 500 ms delay the
   * browser gets a repeat keydown every ~33 ms until the key is let go.
   */
  async hold(key: string, ms = 900): Promise<void> {
    this.pressed.push(key);
    const parts = key === '+' ? ['+'] : key.split('+');
    const main = parts.pop() as string;
    for (const m of parts) await this.page.keyboard.down(m);
    await this.page.keyboard.down(main);
    await this.page.waitForTimeout(Math.min(ms, 500));
    for (let t = 500; t < ms; t += 33) {
      await this.page.keyboard.down(main); // already down: the browser marks it a repeat
      await this.page.waitForTimeout(33);
    }
    await this.page.keyboard.up(main);
    for (const m of parts.reverse()) await this.page.keyboard.up(m);
  }

  /** Types text a key at a time, with the gaps of someone typing quickly. */
  async type(text: string): Promise<void> {
    for (const ch of text) {
      await this.tap(ch, this.between(30, 90));
      await this.page.waitForTimeout(this.between(25, 110));
    }
  }

  /**
   * Waits until the screen satisfies `test`, looking again each time the game draws a new
   * frame (and at least every 200 ms), as an eye sees the screen change.
   */
  async waitFor(test: (s: DeskScreen) => boolean, timeoutMs = 90_000, what = 'the screen to change'): Promise<DeskScreen> {
    const start = Date.now();
    for (;;) {
      const s = await this.screen();
      if (test(s)) return s;
      if (Date.now() - start > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}; the clock shows ${s.snapshot?.t}s`);
      await nextFrame(this.page, 200);
    }
  }

  private labelOf(actionId: string): string {
    const a = this.scenario.actions.find((x) => x.id === actionId);
    if (!a) throw new Error(`the scenario has no action ${actionId}`);
    return a.label;
  }

  /** The key for an action, read off its chip, or off the help sheet when the chip is not on screen. */
  async findActionKey(actionId: string): Promise<string | null> {
    const label = this.labelOf(actionId);
    const s = await this.screen();
    const chip = s.palette.chips.find((c) => sameLabel(c.label, label));
    if (chip) return keyOfCap(chip.key);
    // Off screen: open the help sheet (it lists every action on offer with its key), read, close.
    await this.tap('?');
    const help = await this.waitFor((x) => x.modal === 'help', 10_000, 'the help sheet');
    await this.gap(300, 700); // reading
    const entry = (help.decision?.body ?? '')
      .split(/\n|\s{3}·\s{3}/)
      .map((line) => /^(⇧?\S)\s(.+)$/.exec(line.trim()))
      .find((m) => m && m[2] === label);
    await this.tap('Escape');
    await this.waitFor((x) => x.modal !== 'help', 10_000, 'the help sheet to close');
    await this.gap();
    return entry ? keyOfCap(entry[1] as string) : null;
  }

  /**
   * Takes an action by its key. If the desk does not seem to react (the chip is not shown
   * working or queued within a short look), presses once more, as people do. Records the
   * intent once. Returns false if the action is not on offer.
   */
  async act(actionId: string, known?: string): Promise<boolean> {
    const key = known ?? (await this.findActionKey(actionId));
    if (!key) return false;
    const label = this.labelOf(actionId);
    const before = (await this.screen()).choices.length;
    await this.tap(key);
    this.intents.push({ do: actionId });
    await this.page.waitForTimeout(this.between(60, 160));
    const after = await this.screen();
    // A status update reacts by opening its composer; the choice is logged once it is sent.
    const reacted = after.choices.length > before || after.palette.busy.includes(label.slice(0, 20)) || after.modal === 'status-update';
    if (!reacted) {
      this.secondPresses++;
      await this.tap(key);
    }
    await this.gap();
    return true;
  }

  /** Acknowledges the page with A. */
  async ack(): Promise<void> {
    await this.tap('a');
    this.intents.push({ ack: true });
    await this.gap();
  }

  /**
   * Answers the open decision: finds the answer by its words on the card, presses its
   * number (which only marks it), checks the card shows it marked, then confirms with Enter.
   */
  async answer(promptId: string, optionId: string): Promise<boolean> {
    const prompt = this.scenario.prompts.find((p) => p.id === promptId);
    const option = prompt?.options.find((o) => o.id === optionId);
    if (!prompt || !option) throw new Error(`the scenario has no answer ${promptId}.${optionId}`);
    const s = await this.waitFor((x) => x.decision?.kind === 'prompt' && x.decision.title === prompt.question, 60_000, `the decision "${prompt.question.slice(0, 40)}…"`).catch(() => null);
    if (!s?.decision) return false;
    await this.gap(400, 900); // reading the question
    const choice = s.decision.choices.find((c) => c.label === option.label);
    if (!choice) return false;
    await this.tap(choice.key);
    const marked = await this.waitFor((x) => !!x.decision?.choices.find((c) => c.label === option.label)?.marked, 5_000, 'the answer to be marked');
    if (!marked.decision?.confirm) throw new Error('an answer is marked but the card offers no confirm');
    await this.gap(200, 500);
    await this.tap('Enter');
    this.intents.push({ choose: `${promptId}.${optionId}` });
    await this.gap();
    return true;
  }
}

/** The choice log reduced to what was chosen, in order, for comparison with a player's intents. */
export function intentsOf(log: ReadonlyArray<{ do?: string; choose?: string; ack?: true }>): Intent[] {
  return log.map((c) => (c.do ? { do: c.do } : c.choose ? { choose: c.choose } : { ack: true as const }));
}
