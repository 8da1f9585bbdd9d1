/**
 * The headless runner: scenario + seed + timed choice log → transcript. The choice log
 * is also the save and replay format: nothing else is needed to reproduce a run.
 */
import type { Choice, Scenario, StatusUpdateContent } from '../scenario/schema/index.ts';
import type { AlertStatus } from './alerts.ts';
import { Run } from './engine.ts';
import type { ChoiceRecord, PlayerEvent, RunEvent } from './events.ts';
import type { LogBook } from './logbook.ts';

/** A choice as saved and replayed: sim time in seconds plus what was done. */
export interface TimedChoice {
  at: number;
  do?: string;
  choose?: string;
  ack?: true;
  /** A team drill's inject, fired by the facilitator. */
  inject?: string;
  /** A team drill's ad hoc stakeholder message. */
  say?: { from: string; text: string };
  /** In a team drill, the person who made the choice (their own lane of work). */
  by?: string;
  /** With `do` on a status-update action: what the update says. */
  update?: StatusUpdateContent;
}

/** Everything a run produced. Plain JSON. */
export interface Transcript {
  scenario: string;
  seed: number;
  tick: number;
  choices: TimedChoice[];
  records: ChoiceRecord[];
  events: RunEvent[];
  /** The run's log; `toArray()` (or JSON) gives the lines. */
  logs: LogBook;
  /** Log lines the ring dropped. Read lazily: counting them writes the log out. */
  readonly droppedLogs: number;
  /** Sim time of each recorded point (one per tick, from 0). */
  time: Float64Array;
  /** Per-tick series (see Recorder for the keys), aligned with `time`. */
  series: Record<string, Float64Array>;
  alerts: AlertStatus[];
  ending: { id: string; outcome: string; title: string; text: string; at: number } | null;
  budgetSpent: number;
  budgetSpentAtStart: number;
  severity: string | null;
  known: string[];
}

/** Turns a saved choice into the event a run understands; null if it names nothing. */
export function choiceToEvent(choice: TimedChoice | Choice): PlayerEvent | null {
  const by = 'by' in choice && choice.by !== undefined ? { by: choice.by } : {};
  if (choice.do) return { type: 'act', action: choice.do, ...(choice.update ? { update: choice.update } : {}), ...by };
  if (choice.choose) {
    const dot = choice.choose.indexOf('.');
    if (dot < 0) return null;
    return { type: 'choose', prompt: choice.choose.slice(0, dot), option: choice.choose.slice(dot + 1), ...by };
  }
  if (choice.ack) return { type: 'ack', ...by };
  if ('inject' in choice && choice.inject) return { type: 'inject', inject: choice.inject };
  if ('say' in choice && choice.say) return { type: 'say', from: choice.say.from, text: choice.say.text };
  return null;
}

/** Feeds timed choices into a run: each is applied once sim time reaches its `at`. */
export function playChoices(run: Run, choices: readonly (TimedChoice | Choice)[], untilEnd = true): void {
  const ordered = choices
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.at - b.c.at || a.i - b.i)
    .map((x) => x.c);
  let next = 0;
  while (!run.ended) {
    while (next < ordered.length && (ordered[next] as TimedChoice).at <= run.t) {
      const event = choiceToEvent(ordered[next] as TimedChoice);
      if (event) run.send(event);
      next++;
    }
    if (run.ended || (!untilEnd && next >= ordered.length)) break;
    run.step();
  }
}

/** Runs a whole playthrough headlessly. Deterministic: same inputs, same transcript. */
export function runPlaythrough(scenario: Scenario, options: { seed?: number; choices: readonly (TimedChoice | Choice)[] }): Transcript {
  const run = new Run(scenario, { seed: options.seed ?? scenario.seed });
  playChoices(run, options.choices);
  return transcriptOf(run, options.choices);
}

/** The transcript of a run so far. */
export function transcriptOf(run: Run, choices: readonly (TimedChoice | Choice)[]): Transcript {
  const primary = run.scenario.service.slos.find((s) => s.id === run.primarySlo);
  const series = run.recorder.views();
  return {
    scenario: run.scenario.id,
    seed: run.seed,
    tick: run.tick,
    choices: choices.map((c) => ({
      at: c.at,
      ...(c.do ? { do: c.do } : {}),
      ...(c.update ? { update: { ...c.update } } : {}),
      ...(c.choose ? { choose: c.choose } : {}),
      ...(c.ack ? { ack: true as const } : {}),
      ...('inject' in c && c.inject ? { inject: c.inject } : {}),
      ...('say' in c && c.say ? { say: c.say } : {}),
      ...('by' in c && c.by !== undefined ? { by: c.by } : {}),
    })),
    records: run.choices,
    events: run.events,
    logs: run.logs,
    // A getter, so a playthrough whose log nobody reads never writes it (JSON still has it).
    get droppedLogs() {
      return run.droppedLogs;
    },
    time: run.recorder.timeView(),
    series,
    alerts: run.alerts.status.map((a) => ({ ...a })),
    ending: run.ending,
    budgetSpent: run.budgetSpent,
    budgetSpentAtStart: primary?.budgetSpentAtStart ?? 0,
    severity: run.severity,
    known: [...run.known],
  };
}
