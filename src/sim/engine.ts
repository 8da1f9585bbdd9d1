/**
 * A run of one scenario: the deterministic engine. Sim time advances only by `step()`,
 * in fixed ticks; randomness comes only from the seed. The player's events are applied
 * at the current sim time, so a scenario, a seed and a timed choice log reproduce a run
 * bit for bit. Shaped like an actor: `send`, `getSnapshot`, `subscribe`.
 */
import type { Action, Condition, Effects, Phase, Prompt, PromptOption, ResultText, Scenario } from '../scenario/schema/index.ts';
import { AlertBoard, type AlertTransition } from './alerts.ts';
import type { StatusUpdateContent } from '../scenario/schema/index.ts';
import { holdPrematureClose } from './closing.ts';
import { verdictNow } from './status-update.ts';
import { freezeView, holds, type RunView } from './conditions.ts';
import type { ChoiceRecord, PlayerEvent, RunEvent } from './events.ts';
import type { SloLedger } from './ledger.ts';
import { LogBook } from './logbook.ts';
import { gotoCycleFrom, loopEnding, MAX_MOVES_IN_A_TICK, PhaseLogic, PhaseLoopError, type PhaseEvent, type PhaseSnapshot } from './machine.ts';
import { createRng, type Rng } from './rng.ts';
import { planOf } from './plan.ts';
import { Recorder } from './recorder.ts';
import { SloBook } from './slo-book.ts';
import { TelemetryModel } from './telemetry.ts';
import { watch, Wakes, type Watch } from './wakes.ts';

/** Most log lines a run keeps; older ones are dropped (the transcript says how many). */
export const LOG_CAP = 5000;

interface OpenPrompt {
  prompt: Prompt;
  openedAt: number;
  /** The answers on offer, fixed when the question opened so they never change under the player. */
  offered: PromptOption[];
}

/** One worker's action in progress and queue: the run's own in single play, a person's in a team drill. */
export interface Lane {
  busy: { action: Action; startedAt: number; until: number } | null;
  readonly queue: string[];
  /** What each queued status update says, in queue order (null for other actions). */
  readonly queuedUpdates: Array<StatusUpdateContent | null>;
}

/** Options for a run. */
export interface RunOptions {
  seed: number;
}

/** The deterministic engine for one playthrough. */
export class Run implements RunView {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly tick: number;
  t = 0;
  phase: string;
  phaseEnteredAt = 0;
  readonly known = new Set<string>();
  readonly done = new Set<string>();
  readonly started = new Set<string>();
  readonly chosen = new Set<string>();
  acked = false;
  severity: string | null = null;
  readonly firing = new Set<string>();
  // A number from the start: a field first left undefined would box every value stored in it.
  budgetSpent = 0;
  lastUpdateAt: number | null = null;

  ending: { id: string; outcome: string; title: string; text: string; at: number } | null = null;
  busy: { action: Action; startedAt: number; until: number } | null = null;
  readonly queue: string[] = [];
  readonly queuedUpdates: Array<StatusUpdateContent | null> = [];
  /**
   * In a team drill, each person works in their own lane (one action at a time, their own
   * queue), so several people can work at once. Keyed by player id, in order of first use;
   * empty in single play, where the run's own `busy` and `queue` are the only lane.
   */
  readonly lanes = new Map<string, Lane>();
  readonly openPrompts: OpenPrompt[] = [];
  readonly choices: ChoiceRecord[] = [];
  readonly events: RunEvent[] = [];
  readonly logs: LogBook;
  /** Bumped on every change, so snapshots can be cached. */
  version = 0;

  readonly telemetry: TelemetryModel;
  readonly ledgers: Map<string, SloLedger>;
  readonly primarySlo: string;
  readonly primaryLedger: SloLedger;
  readonly alerts: AlertBoard;
  readonly recorder: Recorder;

  private readonly rng: Rng;
  private readonly logic: PhaseLogic;
  /** Where the phase machine is. */
  private machineState: PhaseSnapshot;
  /** Where the machine was before its last event: a close that must not take goes back there. */
  private machineBefore: PhaseSnapshot | null = null;
  private readonly actionsById: ReadonlyMap<string, Action>;
  private readonly promptsById: ReadonlyMap<string, Prompt>;
  private readonly pendingMessages: Array<{ message: Scenario['messages'][number]; watch: Watch }>;
  private readonly pendingPrompts: Array<{ prompt: Prompt; watch: Watch }>;
  /** Bumped whenever something a condition reads changes, other than time and budget. */
  private stateVersion = 0;
  private readonly endingWatches: Watch[];
  private readonly wakes = new Wakes();
  private transitionWatches: Watch[] = [];
  private readonly alertOut: AlertTransition[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly slos: SloBook;
  private readonly endingsWithWhen: Scenario['endings'];
  private currentPhase: Phase | null = null;

  constructor(scenario: Scenario, options: RunOptions) {
    this.scenario = scenario;
    this.seed = options.seed >>> 0;
    this.tick = scenario.telemetry.tick;
    this.rng = createRng(this.seed);
    this.logs = new LogBook(LOG_CAP, this.seed ^ 0x5bd1e995, this.tick / 4);
    this.telemetry = new TelemetryModel(scenario);
    const capacity = Math.ceil(scenario.timeLimit / this.tick) + 2;
    this.slos = new SloBook(scenario, this.tick, capacity);
    this.ledgers = this.slos.ledgers;
    this.primarySlo = this.slos.primaryId;
    this.primaryLedger = this.slos.primary;
    this.budgetSpent = this.primaryLedger.spent();
    this.alerts = new AlertBoard(scenario, this.telemetry, this.ledgers);
    const plan = planOf(scenario);
    this.recorder = new Recorder(plan.seriesKeys, this.telemetry, capacity);
    this.actionsById = plan.actionsById;
    this.promptsById = plan.promptsById;
    this.pendingMessages = scenario.messages.map((message) => ({ message, watch: watch() }));
    this.endingsWithWhen = plan.endingsWithWhen;
    this.endingWatches = this.endingsWithWhen.map(watch);
    this.pendingPrompts = scenario.prompts.map((prompt) => ({ prompt, watch: watch() }));

    this.logic = plan.logic;
    this.phase = '';
    if (plan.logic.initial) {
      this.machineState = plan.logic.initial;
      this.syncPhase();
      this.settle();
    } else {
      this.phase = (scenario.phases[0] as Phase).id;
      this.machineState = plan.logic.machine.resolveState({ value: this.phase });
      this.endInLoop(gotoCycleFrom(scenario, (scenario.phases[0] as Phase).id) ?? []);
    }
    this.recorder.record(this);
  }

  /** Log lines dropped to stay within LOG_CAP. */
  get droppedLogs(): number {
    return this.logs.dropped;
  }

  get ended(): boolean {
    return this.ending !== null;
  }

  /** Advances sim time by one tick. Does nothing once the run has ended. */
  step(): void {
    if (this.ending) return;
    this.t += this.tick;
    const t = this.t;
    const sample = this.telemetry.step(t, this.rng);
    this.slos.record(sample.cohorts, sample.levels, this.telemetry.sliCohort, this.tick);
    this.budgetSpent = this.primaryLedger.spent();
    // alertOut is empty here: publishAlerts empties it.
    this.alerts.evaluate(t, this.alertOut);
    this.publishAlerts();
    this.logs.advanceTo(t);
    if (this.busy && this.busy.until <= t) this.complete(this);
    if (this.lanes.size > 0) for (const lane of this.lanes.values()) if (lane.busy && lane.busy.until <= t) this.complete(lane);
    this.settle();
    if (!this.ending && t >= this.scenario.timeLimit) {
      this.sendMachine({ type: 'timeout' });
      this.syncPhase();
    }
    this.recorder.record(this);
    this.changed();
  }

  /** Applies a player event at the current sim time. Never throws; refusals become events. */
  send(event: PlayerEvent): void {
    if (this.ending) {
      this.reject(event.type, 'the incident is over');
    } else if (event.type === 'act') {
      this.requestAction(event.action, event.update ?? null, event.by);
    } else if (event.type === 'choose') {
      this.answer(event.prompt, event.option, false, event.by);
    } else if (event.type === 'ack') {
      this.ack(event.by);
    } else if (event.type === 'inject') {
      this.fireInject(event.inject);
    } else if (event.type === 'say') {
      this.events.push({ t: this.t, type: 'message', from: event.from, text: event.text, message: null });
    }
    this.changed();
  }

  subscribe(listener: () => void): { unsubscribe(): void } {
    this.listeners.add(listener);
    return { unsubscribe: () => this.listeners.delete(listener) };
  }

  /** Whether an answer is offered by a question opening now: its `when`, if any, holds. */
  private offers(option: PromptOption): boolean {
    return option.when === undefined || holds(option.when, this);
  }

  /** The result text to show now: the text, or the first version whose condition holds. */
  resultText(result: ResultText | undefined): string | null {
    if (result === undefined) return null;
    if (typeof result === 'string') return result;
    return result.find((v) => v.when === undefined || holds(v.when, this))?.text ?? null;
  }

  /** True if the action could start now (ignoring whether the player is busy). */
  isAvailable(action: Action): boolean {
    return !this.ending && (action.repeatable || !this.started.has(action.id)) && holds(action.available, this);
  }

  private changed(): void {
    this.version++;
    if (this.listeners.size > 0) for (const l of this.listeners) l();
  }

  private requestAction(id: string, update: StatusUpdateContent | null, by?: string): void {
    const action = this.actionsById.get(id);
    if (!action) return this.reject(id, 'there is no such action');
    const lane = by === undefined ? this : this.laneOf(by);
    if (lane.busy || lane.queue.length > 0) {
      lane.queue.push(id);
      lane.queuedUpdates.push(update);
      this.events.push(by === undefined ? { t: this.t, type: 'action.queued', action: id } : { t: this.t, type: 'action.queued', action: id, by });
      return;
    }
    this.start(action, lane, by, update);
  }

  private byOf(lane: Lane): string | undefined {
    for (const [by, l] of this.lanes) if (l === lane) return by;
    return undefined;
  }

  private laneOf(by: string): Lane {
    let lane = this.lanes.get(by);
    if (!lane) {
      lane = { busy: null, queue: [], queuedUpdates: [] };
      this.lanes.set(by, lane);
    }
    return lane;
  }

  private start(action: Action, lane: Lane, by?: string, update: StatusUpdateContent | null = null): void {
    if (!this.isAvailable(action)) return this.reject(action.id, 'not available now');
    this.choices.push({ t: this.t, kind: 'act', id: action.id, actionKind: action.kind, completedAt: null, view: freezeView(this) });
    this.started.add(action.id);
    this.stateVersion++;
    lane.busy = { action, startedAt: this.t, until: this.t + action.cost };
    const until = lane.busy.until;
    this.events.push(by === undefined ? { t: this.t, type: 'action.start', action: action.id, until } : { t: this.t, type: 'action.start', action: action.id, until, by });
    if (action.runbook) this.events.push({ t: this.t, type: 'runbook', runbook: action.runbook });
    if (action.statusUpdate) this.events.push({ t: this.t, type: 'update', action: action.id, verdict: verdictNow(this, update) });
    if (action.cost <= 0) this.complete(lane);
  }

  private complete(lane: Lane): void {
    const busy = lane.busy;
    if (!busy) return;
    lane.busy = null;
    const { action } = busy;
    for (let i = this.choices.length - 1; i >= 0; i--) {
      const record = this.choices[i] as ChoiceRecord;
      if (record.kind === 'act' && record.id === action.id) {
        record.completedAt = this.t;
        break;
      }
    }
    this.done.add(action.id);
    if (action.kind === 'communicate') this.lastUpdateAt = this.t;
    this.stateVersion++;
    const result = this.resultText(action.effects.result);
    const by = lane === this ? undefined : this.byOf(lane);
    this.events.push(by === undefined ? { t: this.t, type: 'action.done', action: action.id, result } : { t: this.t, type: 'action.done', action: action.id, result, by });
    this.applyEffects(action.effects, action.id);
    // The machine moves on an action only through its goto: spare it events it has no transition for.
    if (action.effects.goto) {
      this.sendMachine({ type: 'act.done', action: action.id });
      this.syncPhase();
    }
    while (!lane.busy && !this.ending && lane.queue.length > 0) {
      const next = this.actionsById.get(lane.queue.shift() as string) as Action;
      this.start(next, lane, lane === this ? undefined : this.byOf(lane), lane.queuedUpdates.shift() ?? null);
    }
  }

  private answer(promptId: string, optionId: string, lapsed = false, by?: string): void {
    const index = this.openPrompts.findIndex((p) => p.prompt.id === promptId);
    if (index < 0) return this.reject(`${promptId}.${optionId}`, 'that question is not open');
    const { prompt, offered } = this.openPrompts[index] as OpenPrompt;
    const option = prompt.options.find((o) => o.id === optionId);
    if (!option) return this.reject(`${promptId}.${optionId}`, 'that question has no such answer');
    if (!offered.includes(option)) return this.reject(`${promptId}.${optionId}`, 'that answer was not on offer when the question opened');
    this.openPrompts.splice(index, 1);
    const id = `${promptId}.${optionId}`;
    if (lapsed) {
      this.events.push({ t: this.t, type: 'prompt.lapse', prompt: promptId, option: optionId });
    } else {
      this.choices.push({ t: this.t, kind: 'choose', id, completedAt: this.t, view: freezeView(this) });
      const result = this.resultText(option.effects.result);
      this.events.push(
        by === undefined
          ? { t: this.t, type: 'prompt.answer', prompt: promptId, option: optionId, result }
          : { t: this.t, type: 'prompt.answer', prompt: promptId, option: optionId, result, by },
      );
    }
    this.chosen.add(id);
    this.stateVersion++;
    this.applyEffects(option.effects, id);
    if (option.effects.goto) {
      this.sendMachine({ type: 'choose', prompt: promptId, option: optionId });
      this.syncPhase();
    }
  }

  private ack(by?: string): void {
    const acked = this.alerts.ackPages();
    if (acked.length === 0) return this.reject('ack', 'no page is waiting to be acknowledged');
    this.choices.push({ t: this.t, kind: 'ack', id: 'ack', completedAt: this.t, view: freezeView(this) });
    this.acked = true;
    this.stateVersion++;
    this.events.push(by === undefined ? { t: this.t, type: 'ack', alerts: acked } : { t: this.t, type: 'ack', alerts: acked, by });
  }

  /** A facilitator's inject: its effects land now, as an action's do when it completes. */
  private fireInject(id: string): void {
    const inject = this.scenario.injects.find((i) => i.id === id);
    if (!inject) return this.reject(id, 'there is no such inject');
    this.events.push({ t: this.t, type: 'inject', inject: id });
    this.stateVersion++;
    this.applyEffects(inject.effects, `inject.${id}`);
    if (inject.effects.goto) {
      this.sendMachine({ type: 'inject', inject: id });
      this.syncPhase();
    }
  }

  private reject(what: string, reason: string): void {
    this.events.push({ t: this.t, type: 'rejected', what, reason });
  }

  private applyEffects(effects: Effects, source: string | null): void {
    for (const te of effects.telemetry) this.telemetry.schedule(te, this.t);
    for (const fact of effects.reveal) {
      if (this.known.has(fact)) continue;
      this.known.add(fact);
      this.stateVersion++;
      this.events.push({ t: this.t, type: 'reveal', fact });
    }
    for (const line of effects.logs) this.logs.push(this.t, line);
    for (const m of effects.messages) this.events.push({ t: this.t, type: 'message', from: m.from, text: m.text, message: source });
    if (effects.marker) this.events.push({ t: this.t, type: 'marker', label: effects.marker });
    if (effects.declare) {
      this.severity = effects.declare;
      this.stateVersion++;
      this.events.push({ t: this.t, type: 'declare', severity: effects.declare });
    }
    if (effects.silence.length > 0) {
      this.alertOut.length = 0;
      for (const id of effects.silence) this.alerts.silence(id, this.t, this.alertOut);
      this.publishAlerts();
    }
  }

  private publishAlerts(): void {
    if (this.alertOut.length === 0) return;
    for (const tr of this.alertOut) {
      this.events.push({ t: tr.t, type: 'alert', alert: tr.alert, from: tr.from, to: tr.to, value: tr.value });
      if (tr.to === 'firing') {
        const status = this.alerts.status.find((s) => s.id === tr.alert);
        if (status?.route === 'page') this.events.push({ t: tr.t, type: 'page', alert: tr.alert });
      }
    }
    // Conditions read only which alerts fire: pending and resolved moves change nothing for them.
    if (this.alertOut.some((tr) => tr.to === 'firing' || tr.from === 'firing')) {
      this.alerts.firingIds(this.firing);
      this.stateVersion++;
    }
    this.alertOut.length = 0;
  }

  /** Fires messages and prompts whose time has come and moves phases, until nothing changes. */
  private settle(): void {
    // Most ticks nothing is due: no state change since the last quiet pass, no waiting
    // condition's wake time (nor a question's timeout) reached and no budget floor passed.
    if (this.wakes.quiet(this.stateVersion, this.t, this.budgetSpent)) return;
    const visited: string[] = [];
    for (let guard = 0; !this.ending; guard++) {
      if (guard === MAX_MOVES_IN_A_TICK) {
        // Still moving after this many passes: phases that flip between each other.
        if (new Set(visited).size < visited.length) this.endInLoop(visited);
        break;
      }
      visited.push(this.phase);
      let moved = false;
      const version = this.stateVersion;
      this.wakes.beginPass();
      for (let i = 0; i < this.pendingMessages.length; i++) {
        const { message: m, watch: w } = this.pendingMessages[i] as { message: Scenario['messages'][number]; watch: Watch };
        if (!this.due(m.when, w)) continue;
        this.events.push({ t: this.t, type: 'message', from: m.from, text: m.text, message: m.id });
        this.pendingMessages.splice(i--, 1);
      }
      for (let i = 0; i < this.pendingPrompts.length; i++) {
        const { prompt: p, watch: w } = this.pendingPrompts[i] as { prompt: Prompt; watch: Watch };
        if (!this.due(p.when, w)) continue;
        this.openPrompts.push({ prompt: p, openedAt: this.t, offered: p.options.filter((o) => this.offers(o)) });
        this.events.push({ t: this.t, type: 'prompt.open', prompt: p.id });
        this.pendingPrompts.splice(i--, 1);
      }
      for (let i = this.openPrompts.length - 1; i >= 0; i--) {
        const open = this.openPrompts[i] as OpenPrompt;
        const { prompt } = open;
        if (prompt.timeout === undefined) continue;
        if (this.t - open.openedAt < prompt.timeout) {
          // Its deadline, a microsecond early against rounding.
          this.wakes.deadline(open.openedAt + prompt.timeout - 1e-6);
          continue;
        }
        // A default that the run has not made true is not taken: the question lapses instead.
        const fallback = open.offered.find((o) => o.default);
        if (fallback) {
          this.answer(prompt.id, fallback.id, true);
        } else {
          this.openPrompts.splice(this.openPrompts.indexOf(open), 1);
          this.events.push({ t: this.t, type: 'prompt.lapse', prompt: prompt.id, option: null });
        }
        moved = true;
      }
      const transition = this.transitionDue();
      if (transition) {
        const before = this.phase;
        this.sendMachine({ type: 'check', view: this });
        this.syncPhase();
        moved = moved || this.phase !== before || this.ending !== null;
      }
      if (!moved) {
        // A pass that sent the machine a check stopped counting wakes at the first due transition.
        if (version === this.stateVersion && !transition) this.wakes.endQuietPass(version);
        break;
      }
    }
  }

  private due(c: Condition, w: Watch): boolean {
    return this.wakes.due(c, w, this, this.stateVersion);
  }

  private transitionDue(): boolean {
    const endings = this.endingsWithWhen;
    for (let i = 0; i < endings.length; i++) if (this.due((endings[i] as { when: Condition }).when, this.endingWatches[i] as Watch)) return true;
    const phase = this.currentPhase;
    if (phase) for (let i = 0; i < phase.transitions.length; i++) if (this.due((phase.transitions[i] as { when: Condition }).when, this.transitionWatches[i] as Watch)) return true;
    return false;
  }

  private sendMachine(event: PhaseEvent): void {
    this.machineBefore = this.machineState;
    try {
      this.machineState = this.logic.next(this.machineState, event);
    } catch (error) {
      if (!(error instanceof PhaseLoopError)) throw error;
      const gotos = [
        event.type === 'act.done' ? this.actionsById.get(event.action)?.effects.goto : undefined,
        event.type === 'choose' ? this.promptsById.get(event.prompt)?.options.find((o) => o.id === event.option)?.effects.goto : undefined,
        ...(this.currentPhase?.transitions.map((tr) => tr.to) ?? []),
        ...this.scenario.phases.map((p) => p.id),
      ];
      let cycle: string[] | null = null;
      for (const start of gotos) if (!cycle && start !== undefined) cycle = gotoCycleFrom(this.scenario, start);
      this.endInLoop(cycle ?? []);
    }
  }

  /**
   * Ends the run with an error: its phases move into each other with no time passing
   * (a loop the checker reports as BR055). A run must end rather than spin.
   */
  private endInLoop(phases: readonly string[]): void {
    this.ending = loopEnding(phases, this.t);
    this.events.push({ t: this.t, type: 'ending', ending: this.ending.id, outcome: this.ending.outcome });
    this.stopWork();
  }

  /** Once the run has ended, nobody's work goes on and no question stays open. */
  private stopWork(): void {
    this.busy = null;
    this.queue.length = 0;
    this.queuedUpdates.length = 0;
    for (const lane of this.lanes.values()) {
      lane.busy = null;
      lane.queue.length = 0;
      lane.queuedUpdates.length = 0;
    }
    this.openPrompts.length = 0;
  }

  private syncPhase(): void {
    const value = String(this.machineState.value);
    if (value === this.phase) return;
    const from = this.phase || null;
    const ending = this.scenario.endings.find((e) => e.id === value);
    if (ending && this.machineBefore && holdPrematureClose(this, ending)) {
      this.machineState = this.machineBefore;
      return;
    }
    if (ending) {
      this.ending = { id: ending.id, outcome: ending.outcome, title: ending.title, text: ending.text, at: this.t };
      this.events.push({ t: this.t, type: 'ending', ending: ending.id, outcome: ending.outcome });
      this.stopWork();
      return;
    }
    this.phase = value;
    this.phaseEnteredAt = this.t;
    this.stateVersion++;
    this.events.push({ t: this.t, type: 'phase', phase: value, from });
    const phase = this.scenario.phases.find((p) => p.id === value);
    this.currentPhase = phase ?? null;
    this.transitionWatches = phase ? phase.transitions.map(watch) : [];
    if (!phase) return;
    this.applyEffects(phase.onEnter, null);
    this.logs.startStreams(this.t, phase.logs);
  }
}
