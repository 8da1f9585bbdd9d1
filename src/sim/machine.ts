/**
 * Compiles a scenario's phases and endings into an XState v5 machine. The machine owns
 * where the incident is; the engine owns telemetry and sends the machine an event only
 * when something may move it (an action completing, a prompt answered, a condition
 * coming true, the time limit), so a run costs a handful of machine events, not one per tick.
 */
import { createActor, setup, type AnyActorScope, type SnapshotFrom } from 'xstate';
import type { Condition, Scenario } from '../scenario/schema/index.ts';
import { holds, type RunView } from './conditions.ts';

/** Events the phase machine understands. */
export type PhaseEvent =
  | { type: 'check'; view: RunView }
  | { type: 'act.done'; action: string }
  | { type: 'choose'; prompt: string; option: string }
  | { type: 'inject'; inject: string }
  | { type: 'timeout' };

/**
 * Most phase moves a run makes without time passing: more is a loop (phases that move
 * into each other), which the engine ends with an error rather than spin on.
 */
export const MAX_MOVES_IN_A_TICK = 20;

/** Thrown by {@link PhaseLogic} when entry gotos move phases more than {@link MAX_MOVES_IN_A_TICK} times in one step. */
export class PhaseLoopError extends Error {
  constructor() {
    super('the phases move into each other endlessly');
  }
}

type TransitionConfig = { target: string; guard?: { type: string; params: Record<string, unknown> }; description?: string };

/** Builds the machine. Phase and ending ids are its state keys; endings are final states. */
export function compilePhaseMachine(scenario: Scenario) {
  const endingsWithWhen: TransitionConfig[] = scenario.endings
    .filter((e) => e.when)
    .map((e) => ({ target: e.id, guard: { type: 'holds', params: { when: e.when } }, description: `ending: ${e.title}` }));

  const actionGotos: TransitionConfig[] = scenario.actions
    .filter((a) => a.effects.goto)
    .map((a) => ({ target: a.effects.goto as string, guard: { type: 'isAction', params: { action: a.id } }, description: a.label }));

  const optionGotos: TransitionConfig[] = scenario.prompts.flatMap((p) =>
    p.options
      .filter((o) => o.effects.goto)
      .map((o) => ({
        target: o.effects.goto as string,
        guard: { type: 'isOption', params: { prompt: p.id, option: o.id } },
        description: `${p.id}: ${o.label}`,
      })),
  );

  const injectGotos: TransitionConfig[] = scenario.injects
    .filter((i) => i.effects.goto)
    .map((i) => ({ target: i.effects.goto as string, guard: { type: 'isInject', params: { inject: i.id } }, description: `inject: ${i.label}` }));
  const states: Record<string, object> = {};
  for (const phase of scenario.phases) {
    const check = [
      ...endingsWithWhen,
      ...phase.transitions.map((tr) => ({
        target: tr.to,
        guard: { type: 'holds', params: { when: tr.when } },
        ...(tr.description ? { description: tr.description } : {}),
      })),
    ];
    states[phase.id] = {
      description: phase.title,
      ...(phase.onEnter.goto ? { always: { target: phase.onEnter.goto } } : {}),
      on: { check, 'act.done': actionGotos, choose: optionGotos, inject: injectGotos },
    };
  }
  for (const ending of scenario.endings) {
    states[ending.id] = { type: 'final', description: ending.title };
  }

  return setup({
    types: { events: {} as PhaseEvent },
    guards: {
      holds: ({ event }, params: { when: Condition }) => event.type === 'check' && holds(params.when, event.view),
      isAction: ({ event }, params: { action: string }) => event.type === 'act.done' && event.action === params.action,
      isOption: ({ event }, params: { prompt: string; option: string }) =>
        event.type === 'choose' && event.prompt === params.prompt && event.option === params.option,
      isInject: ({ event }, params: { inject: string }) => event.type === 'inject' && event.inject === params.inject,
    },
  }).createMachine({
    id: scenario.id,
    initial: (scenario.phases[0] as { id: string }).id,
    // Unbounded by default: a cycle of entry gotos would never return.
    options: { maxIterations: MAX_MOVES_IN_A_TICK },
    on: { timeout: { target: `.${scenario.timeoutEnding}` } },
    // The states object is built from data, so its shape is not known to the type system.
    states: states as never,
  });
}

/** The compiled phase machine's type. */
export type PhaseMachine = ReturnType<typeof compilePhaseMachine>;

/** A snapshot of the phase machine. */
export type PhaseSnapshot = SnapshotFrom<PhaseMachine>;

/**
 * The phase machine used as pure logic: one scope and the initial snapshot per scenario,
 * shared by every run, and each run keeps only its current snapshot. The machine has no
 * actions, context or children, so its transitions need nothing from an actor; starting
 * an actor per run cost more than the rest of a short run's setup.
 */
export class PhaseLogic {
  readonly machine: PhaseMachine;
  /** Null when the first phase's entry gotos loop: such a run ends as it starts. */
  readonly initial: PhaseSnapshot | null;
  private readonly scope: AnyActorScope;

  constructor(scenario: Scenario) {
    this.machine = compilePhaseMachine(scenario);
    // An actor that is never started stands in as `self`, as for XState's own pure transitions.
    const self = createActor(this.machine);
    this.scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: () => {},
    } as AnyActorScope;
    // XState reports a loop on the initial snapshot as an errored snapshot, not a throw.
    const initial = this.machine.getInitialSnapshot(this.scope);
    this.initial = initial.status === 'error' && loopOr(initial.error) instanceof PhaseLoopError ? null : initial;
  }

  /** The snapshot after one event; a finished machine stays where it is. Throws {@link PhaseLoopError} on a loop. */
  next(snapshot: PhaseSnapshot, event: PhaseEvent): PhaseSnapshot {
    if (snapshot.status !== 'active') return snapshot;
    let next: PhaseSnapshot;
    try {
      next = this.machine.transition(snapshot, event, this.scope);
    } catch (error) {
      throw loopOr(error);
    }
    if (next.status === 'error') throw loopOr(next.error);
    return next;
  }
}

/** XState's own error for too many microsteps, as ours; anything else as it was. */
function loopOr(error: unknown): unknown {
  return error instanceof Error && error.message.startsWith('Infinite loop detected') ? new PhaseLoopError() : error;
}

/**
 * The cycle of entry gotos that a run entering `start` falls into, as phase ids from the
 * first repeated one back to it (`a`, `b`, `a`); null if the gotos from `start` end.
 */
export function gotoCycleFrom(scenario: Scenario, start: string): string[] | null {
  const gotoOf = new Map(scenario.phases.map((p) => [p.id, p.onEnter.goto]));
  const seen: string[] = [];
  for (let at: string | undefined = start; at !== undefined && gotoOf.has(at); at = gotoOf.get(at)) {
    const first = seen.indexOf(at);
    if (first >= 0) return [...seen.slice(first), at];
    seen.push(at);
  }
  return null;
}

/**
 * The ending of a run whose phases move into each other with no time passing (a loop the
 * checker reports as BR055): `phases` are the phases visited, in order.
 */
export function loopEnding(phases: readonly string[], t: number): { id: string; outcome: string; title: string; text: string; at: number } {
  // From the first phase that repeats, so the text shows the cycle and not the way in.
  const first = phases.findIndex((id, i) => phases.indexOf(id, i + 1) > i);
  const cycle = first < 0 ? phases : phases.slice(first, phases.indexOf(phases[first] as string, first + 1) + 1);
  // Plain text: the ending card shows it as it is, so names are quoted, not code-formatted.
  const named = cycle.length > 0 ? `phases "${cycle.join('" → "')}"` : 'phases';
  return {
    id: 'phase-loop',
    outcome: 'error',
    title: 'The scenario loops',
    text: `The scenario's ${named} move into each other with no time passing, so the run was stopped. This is a fault in the scenario file, not in your play; the scenario checker reports it as BR055.`,
    at: t,
  };
}
