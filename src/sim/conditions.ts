/**
 * Evaluates the scenario condition language against the state of a run. The same
 * function serves phase transitions, triggers, action availability and, through the
 * frozen views recorded with each choice, scoring evidence.
 */
import type { Condition, ConditionAlternative } from '../scenario/schema/index.ts';

/** What a condition can see of a run at one moment. */
export interface RunView {
  t: number;
  phase: string;
  phaseEnteredAt: number;
  known: ReadonlySet<string>;
  /** Actions that have completed. */
  done: ReadonlySet<string>;
  /** Actions that have started (completed or not). */
  started: ReadonlySet<string>;
  /** Prompt answers as "prompt.option". */
  chosen: ReadonlySet<string>;
  acked: boolean;
  severity: string | null;
  firing: ReadonlySet<string>;
  /** Fraction of the primary SLO's window budget spent. */
  budgetSpent: number;
  /** Sim time of the last completed communicate action, or null. */
  lastUpdateAt: number | null;
}

function all(ids: readonly string[] | undefined, set: ReadonlySet<string>): boolean {
  if (!ids) return true;
  for (const id of ids) if (!set.has(id)) return false;
  return true;
}

function none(ids: readonly string[] | undefined, set: ReadonlySet<string>): boolean {
  if (!ids) return true;
  for (const id of ids) if (set.has(id)) return false;
  return true;
}

type Check = (v: RunView) => boolean;
/**
 * Compiled checks live on the condition object itself under a symbol: conditions are
 * checked tens of times a tick, and a WeakMap lookup each time costs more than the check.
 */
const COMPILED = Symbol('compiled condition');
type Compilable = (Condition | ConditionAlternative) & { [COMPILED]?: Check[] };

/**
 * Turns a condition into the list of checks its fields ask for, once per condition object:
 * conditions are evaluated every tick, and most give only one or two fields.
 */
function compile(c: Condition | ConditionAlternative): Check[] {
  const checks: Check[] = [];
  const { at, before, phase, notPhase, inPhaseFor, known, unknown, done, notDone, chosen, acked, declared, alertFiring } = c;
  const { budgetSpentAbove, budgetSpentBelow, noUpdateFor } = c;
  if (at !== undefined) checks.push((v) => v.t >= at);
  if (before !== undefined) checks.push((v) => v.t < before);
  if (phase) checks.push((v) => phase.includes(v.phase));
  if (notPhase) checks.push((v) => !notPhase.includes(v.phase));
  if (inPhaseFor !== undefined) checks.push((v) => v.t - v.phaseEnteredAt >= inPhaseFor);
  if (known) checks.push((v) => all(known, v.known));
  if (unknown) checks.push((v) => none(unknown, v.known));
  if (done) checks.push((v) => all(done, v.done));
  if (notDone) checks.push((v) => none(notDone, v.started));
  if (chosen) checks.push((v) => all(chosen, v.chosen));
  if (acked !== undefined) checks.push((v) => v.acked === acked);
  if (declared !== undefined) checks.push((v) => (v.severity !== null) === declared);
  if (alertFiring) checks.push((v) => all(alertFiring, v.firing));
  if (budgetSpentAbove !== undefined) checks.push((v) => v.budgetSpent > budgetSpentAbove);
  if (budgetSpentBelow !== undefined) checks.push((v) => v.budgetSpent < budgetSpentBelow);
  if (noUpdateFor !== undefined) checks.push((v) => v.t - (v.lastUpdateAt ?? 0) >= noUpdateFor);
  const anyOf = 'anyOf' in c ? c.anyOf : undefined;
  if (anyOf) checks.push((v) => anyOf.some((alt) => holds(alt, v)));
  Object.defineProperty(c, COMPILED, { value: checks, enumerable: false });
  return checks;
}

/** True if every field of the condition holds in the view. */
export function holds(c: Condition | ConditionAlternative, v: RunView): boolean {
  const checks = (c as Compilable)[COMPILED] ?? compile(c);
  for (let i = 0; i < checks.length; i++) if (!(checks[i] as Check)(v)) return false;
  return true;
}

/**
 * After `holds(c, v)` came out false: the earliest sim time at which c could hold if nothing
 * but time and the budget change in the run (no phase change, fact, action, answer,
 * acknowledgement, declaration, alert change or status update). The engine skips such a
 * condition until then, instead of checking tens of waiting triggers every tick. Time
 * checks (at, inPhaseFor, noUpdateFor) only become true as time passes; `before` and
 * budgetSpentBelow only become false (the budget spent never goes down). budgetSpentAbove
 * is left to `budgetFloor`: c cannot hold before its wake time, nor while the budget spent
 * is at or below its floor. anyOf may turn true at any tick: it gives the current time.
 */
export function wakeTime(c: Condition | ConditionAlternative, v: RunView): number {
  if ((c as Partial<Condition>).anyOf) return v.t;
  if (c.before !== undefined && v.t >= c.before) return Infinity;
  if (c.budgetSpentBelow !== undefined && v.budgetSpent >= c.budgetSpentBelow) return Infinity;
  if (c.phase && !c.phase.includes(v.phase)) return Infinity;
  if (c.notPhase && c.notPhase.includes(v.phase)) return Infinity;
  if (!all(c.known, v.known) || !none(c.unknown, v.known) || !all(c.done, v.done) || !none(c.notDone, v.started)) return Infinity;
  if (!all(c.chosen, v.chosen) || !all(c.alertFiring, v.firing)) return Infinity;
  if (c.acked !== undefined && v.acked !== c.acked) return Infinity;
  if (c.declared !== undefined && (v.severity !== null) !== c.declared) return Infinity;
  // Sums are rounded; wake a microsecond early rather than a tick late.
  let wake = v.t;
  if (c.at !== undefined && c.at > wake) wake = c.at;
  if (c.inPhaseFor !== undefined) wake = Math.max(wake, v.phaseEnteredAt + c.inPhaseFor - 1e-6);
  if (c.noUpdateFor !== undefined) wake = Math.max(wake, (v.lastUpdateAt ?? 0) + c.noUpdateFor - 1e-6);
  return wake;
}

/**
 * The budget spent that c needs exceeded (its budgetSpentAbove), or -Infinity if it needs
 * none. Whatever else happens, c does not hold while the budget spent is at or below it.
 */
export function budgetFloor(c: Condition | ConditionAlternative): number {
  return (c as Partial<Condition>).anyOf || c.budgetSpentAbove === undefined ? -Infinity : c.budgetSpentAbove;
}

/** A copy of a view that later changes to the run cannot alter (recorded with each choice). */
export function freezeView(v: RunView): FrozenView {
  return {
    t: v.t,
    phase: v.phase,
    phaseEnteredAt: v.phaseEnteredAt,
    known: [...v.known],
    done: [...v.done],
    started: [...v.started],
    chosen: [...v.chosen],
    acked: v.acked,
    severity: v.severity,
    firing: [...v.firing],
    budgetSpent: v.budgetSpent,
    lastUpdateAt: v.lastUpdateAt,
  };
}

/** A view in plain JSON, as stored in transcripts. */
export interface FrozenView {
  t: number;
  phase: string;
  phaseEnteredAt: number;
  known: string[];
  done: string[];
  started: string[];
  chosen: string[];
  acked: boolean;
  severity: string | null;
  firing: string[];
  budgetSpent: number;
  lastUpdateAt: number | null;
}

/** Turns a frozen view back into one `holds` can read. */
export function thawView(f: FrozenView): RunView {
  return {
    ...f,
    known: new Set(f.known),
    done: new Set(f.done),
    started: new Set(f.started),
    chosen: new Set(f.chosen),
    firing: new Set(f.firing),
  };
}
