/**
 * When things happened in a run, read from its transcript: where each player choice sits
 * in the event stream, the phase at any point, the error budget at any time, and every
 * occurrence of a scoring rule's event reference. Built once per transcript and shared
 * by the evidence collector, the rule evaluator and the debrief.
 */
import type { ActionKind, Scenario } from '../scenario/schema/index.ts';
import type { RunView } from '../sim/conditions.ts';
import type { RunEvent } from '../sim/events.ts';
import type { Transcript } from '../sim/runner.ts';

/** One moment an event reference happened: sim time and position in the event stream. */
export interface Occurrence {
  t: number;
  /** Index in `transcript.events`, which orders events that share a sim time. */
  seq: number;
}

const KIND_REFS: Record<string, ActionKind> = {
  '@investigate': 'investigate',
  '@mitigate': 'mitigate',
  '@communicate': 'communicate',
  '@escalate': 'escalate',
};

/** The special event references the rule language knows, besides action ids and "prompt.option". */
export const SPECIAL_REFS = ['@ack', '@declare', '@update', ...Object.keys(KIND_REFS)] as const;

/**
 * What an event reference asks the player to do, as an imperative phrase ("take \"Roll
 * back\"", "acknowledge the page"); null if it names nothing in the scenario.
 */
export function describeRef(scenario: Scenario, ref: string): string | null {
  if (ref === '@ack') return 'acknowledge the page';
  if (ref === '@declare') return 'declare a severity';
  if (ref === '@update') return 'post an accurate status update';
  const kind = KIND_REFS[ref];
  if (kind) return `take any ${kind} action`;
  const action = scenario.actions.find((a) => a.id === ref);
  if (action) return `take "${action.label}"`;
  const dot = ref.indexOf('.');
  if (dot > 0) {
    const prompt = scenario.prompts.find((p) => p.id === ref.slice(0, dot));
    const option = prompt?.options.find((o) => o.id === ref.slice(dot + 1));
    if (prompt && option) return `answer "${prompt.question}" with "${option.label}"`;
  }
  return null;
}

/** Facts about one transcript, indexed for the scorer. */
export class RunIndex {
  /** Sim time at which the run stopped (its ending, or the last recorded tick). */
  readonly end: number;
  /** Time of the first page, or null if nothing paged. */
  readonly firstPage: number | null;
  /** For each record in `transcript.records`, the index of its event. */
  readonly recordSeq: number[] = [];
  private readonly phaseBySeq: string[];
  private readonly lastPhase: string;
  private readonly kindOf = new Map<string, ActionKind>();
  private readonly cache = new Map<string, Occurrence[]>();

  constructor(
    readonly scenario: Scenario,
    readonly transcript: Transcript,
  ) {
    for (const a of scenario.actions) this.kindOf.set(a.id, a.kind);
    const { events, time } = transcript;
    this.end = transcript.ending?.at ?? (time.length > 0 ? (time[time.length - 1] as number) : 0);
    this.firstPage = events.find((e) => e.type === 'page')?.t ?? null;
    this.phaseBySeq = new Array<string>(events.length);
    let phase = scenario.phases[0]?.id ?? '';
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as RunEvent;
      // A choice belongs to the phase it was made in, not to the phase it caused.
      this.phaseBySeq[i] = phase;
      if (e.type === 'phase') phase = e.phase;
      if (e.type === 'action.start' || e.type === 'prompt.answer' || e.type === 'ack') this.recordSeq.push(i);
    }
    this.lastPhase = phase;
  }

  /** The phase the incident was in just before event `seq` (the last phase if seq is past the end). */
  phaseAt(seq: number): string {
    return this.phaseBySeq[seq] ?? this.lastPhase;
  }

  /** Index of the first event later than sim time t (so events before it happened by t). */
  seqAfter(t: number): number {
    const { events } = this.transcript;
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((events[mid] as RunEvent).t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The phase at sim time t: the one in force after every event up to t. */
  phaseAtTime(t: number): string {
    return this.phaseAt(this.seqAfter(t));
  }

  /**
   * The state of the run as a condition sees it, rebuilt from the events before `seq`, at
   * sim time t: lets a rule's evidence `when` be checked at the moment the rule fired,
   * exactly as a choice's evidence is checked against the view frozen with the choice.
   */
  viewBefore(seq: number, t: number): RunView {
    const known = new Set<string>();
    const done = new Set<string>();
    const started = new Set<string>();
    const chosen = new Set<string>();
    const firing = new Set<string>();
    let phase = this.scenario.phases[0]?.id ?? '';
    let phaseEnteredAt = 0;
    let acked = false;
    let severity: string | null = null;
    let lastUpdateAt: number | null = null;
    const { events } = this.transcript;
    const n = Math.min(seq, events.length);
    for (let i = 0; i < n; i++) {
      const e = events[i] as RunEvent;
      switch (e.type) {
        case 'phase':
          phase = e.phase;
          phaseEnteredAt = e.t;
          break;
        case 'reveal':
          known.add(e.fact);
          break;
        case 'action.start':
          started.add(e.action);
          break;
        case 'action.done':
          done.add(e.action);
          if (this.kindOf.get(e.action) === 'communicate') lastUpdateAt = e.t;
          break;
        case 'prompt.answer':
          chosen.add(`${e.prompt}.${e.option}`);
          break;
        case 'prompt.lapse':
          if (e.option) chosen.add(`${e.prompt}.${e.option}`);
          break;
        case 'ack':
          acked = true;
          break;
        case 'declare':
          severity = e.severity;
          break;
        case 'alert':
          if (e.to === 'firing') firing.add(e.alert);
          else firing.delete(e.alert);
          break;
        default:
          break;
      }
    }
    return { t, phase, phaseEnteredAt, known, done, started, chosen, acked, severity, firing, budgetSpent: this.budgetAt(t), lastUpdateAt };
  }

  /** Fraction of the window budget spent at sim time t (the last tick at or before t). */
  budgetAt(t: number): number {
    const { time, series } = this.transcript;
    const spent = series['budget.spent'];
    if (!spent || spent.length === 0) return this.transcript.budgetSpent;
    let lo = 0;
    let hi = time.length - 1;
    if (t < (time[0] as number)) return spent[0] as number;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((time[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return spent[lo] as number;
  }

  /** First sim time at which the budget spent reached `fraction`, or null if it never did. */
  budgetReached(fraction: number): number | null {
    const { time, series } = this.transcript;
    const spent = series['budget.spent'];
    if (!spent) return null;
    for (let i = 0; i < spent.length; i++) if ((spent[i] as number) >= fraction) return time[i] as number;
    return null;
  }

  /**
   * Every occurrence of an event reference, in order. An action id is that action
   * starting; "prompt.option" is the player answering it (a prompt that lapsed to its
   * default was not answered); @ack a successful acknowledgement; @declare a severity
   * declared by any means; @update an accurate status update being sent; @investigate,
   * @mitigate, @communicate and @escalate any action of that kind starting.
   */
  occurrences(ref: string): Occurrence[] {
    const hit = this.cache.get(ref);
    if (hit) return hit;
    const out: Occurrence[] = [];
    const kind = KIND_REFS[ref];
    const dot = ref.startsWith('@') ? -1 : ref.indexOf('.');
    const prompt = dot > 0 ? ref.slice(0, dot) : '';
    const option = dot > 0 ? ref.slice(dot + 1) : '';
    const events = this.transcript.events;
    for (let seq = 0; seq < events.length; seq++) {
      const e = events[seq] as RunEvent;
      let match = false;
      if (ref === '@ack') match = e.type === 'ack';
      else if (ref === '@declare') match = e.type === 'declare';
      // Only a status update whose every field was true counts as an update.
      else if (ref === '@update') match = e.type === 'update' && e.verdict.accurate;
      else if (kind) match = e.type === 'action.start' && this.kindOf.get(e.action) === kind;
      else if (dot > 0) match = e.type === 'prompt.answer' && e.prompt === prompt && e.option === option;
      else match = e.type === 'action.start' && e.action === ref;
      if (match) out.push({ t: e.t, seq });
    }
    this.cache.set(ref, out);
    return out;
  }

  /** The status update recorded with the action started at event `seq`, if that action was one. */
  updateAt(seq: number): Extract<RunEvent, { type: 'update' }> | null {
    const { events } = this.transcript;
    const start = events[seq];
    if (!start || start.type !== 'action.start') return null;
    for (let i = seq + 1; i < events.length; i++) {
      const e = events[i] as RunEvent;
      if (e.t !== start.t) break;
      if (e.type === 'update' && e.action === start.action) return e;
    }
    return null;
  }

  /**
   * When a rule's clock starts: "start" is 0, "page" the first page, anything else the
   * first occurrence of that event reference. Null if the anchor never happened.
   */
  anchor(from: string): Occurrence | null {
    if (from === 'start') return { t: 0, seq: -1 };
    if (from === 'page') {
      const seq = this.transcript.events.findIndex((e) => e.type === 'page');
      return seq < 0 ? null : { t: (this.transcript.events[seq] as RunEvent).t, seq };
    }
    return this.occurrences(from)[0] ?? null;
  }
}
