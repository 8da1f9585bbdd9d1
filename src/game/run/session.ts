/**
 * One playthrough as the browser holds it: the engine run, the player's timed choices
 * (the replay format), and the save that lets a reload pick up where it left off. No
 * Phaser here and no rules: choices are sent to the engine as they are, and replay is the
 * runner's `playChoices`, so a resumed run is the same run bit for bit.
 */
import type { Scenario, StatusUpdateContent } from '../../scenario/schema/index.ts';
import { Run } from '../../sim/engine.ts';
import { playChoices, type TimedChoice } from '../../sim/runner.ts';
import { snapshotOf, type RunSnapshot } from '../../sim/snapshot.ts';
import { buildDebrief } from '../../scoring/debrief.ts';
import { transcriptOf } from '../../sim/runner.ts';
import { addRun, entryOf, type AddResult } from './history.ts';
import { clearSave, scenarioHash, writeSave, type KeyValueStore, type SavedRun } from './save.ts';

export type Mode = 'practice' | 'assessed';
export type Speed = 1 | 2 | 5 | 10;

export interface SessionConfig {
  scenario: Scenario;
  /** Runbook markdown by runbook id. */
  runbooks: ReadonlyMap<string, string>;
  seed: number;
  mode: Mode;
  speed: Speed;
  /** Whether the scenario can be found again after a reload (library scenarios can; dropped files cannot). */
  saveable: boolean;
}

/** Sim seconds between saves of the clock alone (choices are saved at once). */
const SAVE_EVERY = 60;

export class Session {
  readonly run: Run;
  readonly choices: TimedChoice[] = [];
  readonly config: SessionConfig;
  private snap: RunSnapshot | null = null;
  private snapVersion = -1;
  private lastSavedT = 0;
  /** What keeping the finished run in history gave; null until a saveable run ends. */
  kept: AddResult | null = null;

  constructor(
    config: SessionConfig,
    private readonly store: KeyValueStore | null,
  ) {
    this.config = config;
    this.run = new Run(config.scenario, { seed: config.seed });
  }

  /** Rebuilds a run from its saved choices, then runs the clock to where it was saved. */
  static resume(config: SessionConfig, save: SavedRun, store: KeyValueStore | null): Session {
    const session = new Session(config, store);
    playChoices(session.run, save.choices, false);
    session.choices.push(...save.choices);
    const until = Math.max(save.t ?? 0, session.run.t);
    while (!session.run.ended && session.run.t < until) session.run.step();
    session.lastSavedT = session.run.t;
    return session;
  }

  get scenario(): Scenario {
    return this.config.scenario;
  }

  /** The snapshot the desk draws, rebuilt only when the run changed. */
  snapshot(): RunSnapshot {
    if (!this.snap || this.snapVersion !== this.run.version) {
      this.snap = snapshotOf(this.run);
      this.snapVersion = this.run.version;
    }
    return this.snap;
  }

  ack(): void {
    this.record({ at: this.run.t, ack: true });
    this.run.send({ type: 'ack' });
    this.save();
  }

  /** Starts an action; a status update carries what it says. */
  act(action: string, update?: StatusUpdateContent): void {
    this.record(update ? { at: this.run.t, do: action, update } : { at: this.run.t, do: action });
    this.run.send(update ? { type: 'act', action, update } : { type: 'act', action });
    this.save();
  }

  choose(prompt: string, option: string): void {
    this.record({ at: this.run.t, choose: `${prompt}.${option}` });
    this.run.send({ type: 'choose', prompt, option });
    this.save();
  }

  /** Runs one engine tick. */
  step(): void {
    this.run.step();
    if (this.run.ended) this.save();
    else if (this.run.t - this.lastSavedT >= SAVE_EVERY) this.save();
  }

  setSpeed(speed: Speed): void {
    this.config.speed = speed;
    this.save();
  }

  /** The coaching line for a choice, from the scenario's own hint (practice mode shows it). */
  hintFor(choice: TimedChoice): string | null {
    if (choice.do) return this.scenario.actions.find((a) => a.id === choice.do)?.hint ?? null;
    if (choice.choose) {
      const [prompt, option] = choice.choose.split('.');
      return this.scenario.prompts.find((p) => p.id === prompt)?.options.find((o) => o.id === option)?.hint ?? null;
    }
    return null;
  }

  /** Saves the run in progress; a finished run is cleared, as there is nothing to resume. */
  save(): void {
    if (!this.store || !this.config.saveable) return;
    this.lastSavedT = this.run.t;
    if (this.run.ended) {
      // The run leaves the save for the history in one step, so a reload on the ending
      // screen finds it there rather than losing it.
      this.keep();
      clearSave(this.store);
      return;
    }
    writeSave(this.store, {
      scenarioId: this.scenario.id,
      seed: this.config.seed,
      mode: this.config.mode,
      speed: this.config.speed,
      choices: this.choices,
      t: this.run.t,
      scenarioHash: scenarioHash(this.scenario),
    });
  }

  private keep(): void {
    if (this.kept || !this.store) return;
    const d = buildDebrief(this.scenario, transcriptOf(this.run, this.choices));
    this.kept = addRun(this.store, entryOf(d, { finishedAt: new Date().toISOString(), mode: this.config.mode, choices: this.choices, fromLibrary: true }));
  }

  private record(choice: TimedChoice): void {
    this.choices.push(choice);
  }
}
