/**
 * Timing and outcome bound the level. What a run's choices show is worth only what the run
 * achieved with them: the budget spent during the incident and the time it took to stop
 * the bleeding, set against the scenario's own reference playthroughs.
 *
 * For each level L from L2 up, the *reference figure* is the worst figure among the
 * references expected at L or above (most budget spent, longest time to mitigate), so
 * figures only loosen as the level falls. A run may be assessed at L only if it stays
 * within the threshold for L: halfway from the L figure to the L−1 figure (at least 5%
 * above the L figure; for time, at least ten minutes or half again when the level below
 * never mitigated). A level with no reference at or above it is not bound. The bound is
 * the highest level whose thresholds hold (L1 always does).
 */
import type { Level, Scenario } from '../scenario/schema/index.ts';
import { keyTimes } from './key-times.ts';
import { levelOfRank, rank } from './ladder.ts';
import type { RunIndex } from './occurrences.ts';
import { referenceRuns, type ReferenceOutcome } from './reference-runs.ts';
import { durationWords } from './time.ts';

/** The outcome of one run and the level it allows. */
export interface OutcomeBound {
  /** The highest level the outcome allows. */
  level: Level;
  /** Fraction of the window's budget spent during the run. */
  spent: number;
  /** Seconds from the incident's start to mitigation (Infinity: never; 0: no incident). */
  timeToMitigate: number;
  /** Plain words with the figures, when the bound is below L5; null otherwise. */
  reason: string | null;
}

interface Threshold {
  level: number;
  spent: number;
  time: number;
  /** The reference that set the figures at this level. */
  spentRef: ReferenceOutcome;
  timeRef: ReferenceOutcome;
}

function worst(outcomes: readonly ReferenceOutcome[], key: 'spent' | 'timeToMitigate'): ReferenceOutcome | null {
  let best: ReferenceOutcome | null = null;
  for (const o of outcomes) if (!best || o[key] > best[key]) best = o;
  return best;
}

/** Per level L2–L5 that has a reference at or above it: the most a run may spend and take. */
export function outcomeThresholds(scenario: Scenario): Threshold[] {
  const { outcomes } = referenceRuns(scenario);
  const out: Threshold[] = [];
  for (let level = 2; level <= 5; level++) {
    const at = outcomes.filter((o) => rank(o.level) >= level);
    const below = outcomes.filter((o) => rank(o.level) >= level - 1);
    const spentRef = worst(at, 'spent');
    const timeRef = worst(at, 'timeToMitigate');
    if (!spentRef || !timeRef) continue;
    const spentBelow = worst(below, 'spent')?.spent ?? spentRef.spent;
    const timeBelow = worst(below, 'timeToMitigate')?.timeToMitigate ?? timeRef.timeToMitigate;
    const spent = Math.max(spentRef.spent + (spentBelow - spentRef.spent) / 2, spentRef.spent * 1.05, spentRef.spent + 1e-4);
    const t = timeRef.timeToMitigate;
    const time = !Number.isFinite(t)
      ? Infinity
      : Number.isFinite(timeBelow)
        ? Math.max(t + (timeBelow - t) / 2, t * 1.05, t + 60)
        : Math.max(t * 1.5, t + 600);
    out.push({ level, spent, time, spentRef, timeRef });
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const took = (s: number) => (Number.isFinite(s) ? durationWords(s) : 'never');

/** The level a run's outcome allows, with the reason in plain words when it holds the result below L5. */
export function outcomeBound(scenario: Scenario, index: RunIndex): OutcomeBound {
  const { transcript } = index;
  const spent = Math.max(0, transcript.budgetSpent - transcript.budgetSpentAtStart);
  const times = keyTimes(index);
  const timeToMitigate = times.incidentStartAt === null ? 0 : (times.timeToMitigate ?? Infinity);
  const thresholds = outcomeThresholds(scenario);
  let level = 1;
  for (let l = 5; l >= 2; l--) {
    const th = thresholds.find((x) => x.level === l);
    if (!th || (spent <= th.spent && timeToMitigate <= th.time)) {
      level = l;
      break;
    }
  }
  if (level === 5) return { level: 'L5', spent, timeToMitigate, reason: null };
  // The threshold of the level just above the bound: the one the run missed.
  const th = thresholds.find((x) => x.level === level + 1) as Threshold;
  const what = spent > th.spent ? 'spent' : 'time';
  const reason =
    what === 'spent'
      ? `The run spent ${pct(spent)} of the error budget during the incident; the scenario's ${th.spentRef.level} reference ("${th.spentRef.id}") spent ${pct(th.spentRef.spent)}, and a result above ${levelOfRank(level)} allows at most ${pct(th.spent)}.`
      : `The bleeding stopped ${Number.isFinite(timeToMitigate) ? `${took(timeToMitigate)} after the incident began` : 'never'}; the scenario's ${th.timeRef.level} reference ("${th.timeRef.id}") took ${took(th.timeRef.timeToMitigate)}, and a result above ${levelOfRank(level)} allows at most ${took(th.time)}.`;
  return { level: levelOfRank(level), spent, timeToMitigate, reason };
}
