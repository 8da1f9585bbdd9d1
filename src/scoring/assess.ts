/**
 * Turns observed evidence into levels: one per dimension and one overall.
 *
 * The algorithm (also in docs/scoring.md):
 * 1. Per dimension, the positive (non-harmful) items vote. The dimension's *supported*
 *    level is the highest level L such that the items at L or above are both
 *    - at least a third of the dimension's positive items (a robust upper tercile: one
 *      high item among many low ones is not enough), and
 *    - at least two items (or all of them, when the dimension has only one).
 *    Low-level items do not cancel high ones outright: an L5 player also acknowledges
 *    the page fast, which an author may mark L1. They only dilute.
 * 2. Harmful items (anti-patterns) cap: a dimension's level is its supported level, but
 *    never above the lowest harmful level in that dimension. A dimension with only
 *    harmful items is observed at that cap.
 * 3. Overall, each dimension with positive evidence votes once with its supported level
 *    (equal votes: a dimension's weight does not depend on how many items it has, so
 *    more evidence can never shift the balance against a dimension's own level). The
 *    overall level is the highest level L reached by at least half of those dimensions,
 *    and by at least three of them (or all, if fewer than three were observed).
 * 4. Harmful items cap the overall level too, but one slip is not allowed to make a
 *    junior: with harmful levels sorted h1 ≤ h2 ≤ …, the overall cap is
 *    min(h1 + 1, h2). One anti-pattern holds the result one level above it; a second
 *    one holds it at the second one's level.
 * 5. No level without its foundations: L3 and above need some dimensions observed at a
 *    minimum level (FOUNDATIONS), so a principal also informs and keeps judgment sound.
 *    The overall level is the highest level whose foundations hold.
 * 6. The run's outcome bounds the level (outcome.ts): the caller passes the highest level
 *    the budget spent and the time to mitigate allow, with its reason.
 * 7. No evidence is "not observed" (null), never a guessed L1. Confidence comes from the
 *    number of items: none, low (1), medium (2–3), high (4+); overall from the number of
 *    voting dimensions: low (1–2), medium (3–5), high (6+), and low whenever every
 *    dimension at or above the level rests on a single item.
 *
 * Guarantees, pinned by property tests: adding a positive item at or above both its
 * dimension's level and the overall level never lowers any result; removing a harmful
 * item never lowers any result; the order of the evidence does not matter; a dimension
 * with no evidence stays "not observed" whatever else is added.
 */
import { DIMENSIONS, type Dimension, type Level } from '../scenario/schema/index.ts';
import type { Observed } from './evidence.ts';
import { DIMENSION_INFO, levelLabel, levelOfRank, rank } from './ladder.ts';
import { mmss } from './time.ts';

/** How much evidence a level rests on. */
export type Confidence = 'none' | 'low' | 'medium' | 'high';

/** The tunable constants of the aggregation, exported so docs and tests can cite them. */
export const AGGREGATION = {
  /** Share of a dimension's positive items that must be at or above its level: num/den. */
  dimensionShare: { num: 1, den: 3 },
  /** Items at or above a dimension's level needed when it has at least this many. */
  dimensionMinSupport: 2,
  /** Share of voting dimensions that must be at or above the overall level. */
  overallShare: { num: 1, den: 2 },
  /** Dimensions at or above the overall level needed when at least this many voted. */
  overallMinDimensions: 3,
} as const;

/**
 * What each level needs observed, beyond its share of the votes: per dimension, the lowest
 * level that dimension must be assessed at (after caps). A level whose foundations do not
 * hold is not claimed; the result falls to the highest level whose foundations do.
 */
export const FOUNDATIONS: Readonly<Partial<Record<Level, Readonly<Partial<Record<Dimension, Level>>>>>> = {
  L3: { judgment: 'L2', communication: 'L2' },
  L4: { judgment: 'L3', communication: 'L3' },
  L5: { judgment: 'L3', communication: 'L3' },
};

/** What holds a result below what its evidence supports, besides anti-patterns. */
export interface Limit {
  kind: 'outcome' | 'foundation';
  /** The highest level this limit allows. */
  level: Level;
  /** Plain words, with figures. */
  reason: string;
}

/** What the run achieved, passed in by the caller (see outcome.ts), and notes for the explanation. */
export interface AssessContext {
  outcome?: { level: Level; reason: string | null };
  /** Sentences about the run added to the explanation (e.g. how many actions were not called for). */
  notes?: readonly string[];
  /**
   * Dimensions the scenario offers some way to show (default: all). A foundation on a
   * dimension no choice or rule can show is not required: the checker warns about it
   * (BR062) instead of every run being held down.
   */
  showable?: ReadonlySet<Dimension>;
}

/** One dimension's result. */
export interface DimensionAssessment {
  dimension: Dimension;
  /** The level claimed, or null: not observed. */
  level: Level | null;
  /** What the positive evidence supports before any cap (null if there was none). */
  supported: Level | null;
  /** The lowest harmful level seen in this dimension, if any: the level is capped there. */
  cap: Level | null;
  confidence: Confidence;
  /** Every item of this dimension, in time order. */
  evidence: Observed[];
}

/** The overall result. */
export interface OverallAssessment {
  level: Level | null;
  supported: Level | null;
  cap: Level | null;
  /** The harmful items that set the cap. */
  cappedBy: Observed[];
  /** Outcome and foundation limits that held the result down, in the order they apply. */
  limits: Limit[];
  confidence: Confidence;
  /** One paragraph, plain words: why this level. */
  explanation: string;
}

/** The full assessment of one run. */
export interface Assessment {
  overall: OverallAssessment;
  dimensions: DimensionAssessment[];
}

const byTime = (a: Observed, b: Observed) => a.t - b.t || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Highest rank r such that count(values ≥ r) ≥ max(min(minCount, n), share × n); null if empty. */
function robustUpper(ranks: readonly number[], share: { num: number; den: number }, minCount: number): number | null {
  const n = ranks.length;
  if (n === 0) return null;
  for (let r = 5; r >= 1; r--) {
    let at = 0;
    for (const x of ranks) if (x >= r) at++;
    if (at >= Math.min(minCount, n) && at * share.den >= share.num * n) return r;
  }
  return 1;
}

function itemConfidence(n: number): Confidence {
  return n === 0 ? 'none' : n === 1 ? 'low' : n <= 3 ? 'medium' : 'high';
}

function dimensionConfidence(n: number): Confidence {
  return n === 0 ? 'none' : n <= 2 ? 'low' : n <= 5 ? 'medium' : 'high';
}

/** Assesses one dimension from its items. */
export function assessDimension(dimension: Dimension, items: readonly Observed[]): DimensionAssessment {
  const evidence = items.filter((i) => i.dimension === dimension).sort(byTime);
  const positive = evidence.filter((i) => !i.harmful).map((i) => rank(i.level));
  const harmful = evidence.filter((i) => i.harmful).map((i) => rank(i.level));
  const supported = robustUpper(positive, AGGREGATION.dimensionShare, AGGREGATION.dimensionMinSupport);
  const cap = harmful.length > 0 ? Math.min(...harmful) : null;
  const level = supported === null ? cap : cap === null ? supported : Math.min(supported, cap);
  return {
    dimension,
    level: level === null ? null : levelOfRank(level),
    supported: supported === null ? null : levelOfRank(supported),
    cap: cap === null ? null : levelOfRank(cap),
    confidence: itemConfidence(evidence.length),
    evidence,
  };
}

/** The overall cap from harmful items: min(h1 + 1, h2), or null when there are none. */
export function overallCap(items: readonly Observed[]): { cap: number | null; cappedBy: Observed[] } {
  const harmful = items.filter((i) => i.harmful).sort((a, b) => rank(a.level) - rank(b.level) || byTime(a, b));
  const [first, second] = harmful;
  if (!first) return { cap: null, cappedBy: [] };
  const one = Math.min(5, rank(first.level) + 1);
  if (second && rank(second.level) <= one) return { cap: rank(second.level), cappedBy: [first, second] };
  return { cap: one, cappedBy: [first] };
}

const title = (d: Dimension) => DIMENSION_INFO[d].title.toLowerCase();

/** The highest level up to `from` whose foundations hold, with the reason for each level refused. */
function foundationLevel(from: number, dimensions: readonly DimensionAssessment[], showable?: ReadonlySet<Dimension>): { level: number; reason: string | null } {
  let reason: string | null = null;
  for (let r = from; r >= 1; r--) {
    const needs = FOUNDATIONS[levelOfRank(r)] ?? {};
    const short = (Object.entries(needs) as Array<[Dimension, Level]>).filter(([d, min]) => {
      if (showable && !showable.has(d)) return false;
      const got = dimensions.find((x) => x.dimension === d)?.level ?? null;
      return got === null || rank(got) < rank(min);
    });
    if (short.length === 0) return { level: r, reason };
    if (reason === null) {
      const list = short.map(([d, min]) => {
        const got = dimensions.find((x) => x.dimension === d)?.level ?? null;
        return `${title(d)} at ${min} or above (this run: ${got ?? 'not observed'})`;
      });
      reason = `${levelOfRank(r)} also needs ${list.join(' and ')}.`;
    }
  }
  return { level: 1, reason };
}

/** Assesses a run from all the evidence it showed. Pure and deterministic. */
export function assess(items: readonly Observed[], context: AssessContext = {}): Assessment {
  const dimensions = DIMENSIONS.map((d) => assessDimension(d, items));
  const voters = dimensions.filter((d) => d.supported !== null);
  const supported = robustUpper(
    voters.map((d) => rank(d.supported as Level)),
    AGGREGATION.overallShare,
    AGGREGATION.overallMinDimensions,
  );
  const { cap, cappedBy } = overallCap(items);
  let level = supported === null ? null : cap === null ? supported : Math.min(supported, cap);
  const limits: Limit[] = [];
  if (level !== null && context.outcome && rank(context.outcome.level) < level) {
    level = rank(context.outcome.level);
    limits.push({ kind: 'outcome', level: context.outcome.level, reason: context.outcome.reason ?? `The run's outcome allows at most ${context.outcome.level}.` });
  }
  if (level !== null) {
    const found = foundationLevel(level, dimensions, context.showable);
    if (found.level < level && found.reason) limits.push({ kind: 'foundation', level: levelOfRank(found.level), reason: found.reason });
    level = found.level;
  }
  const atOrAbove = level === null ? [] : voters.filter((d) => rank(d.supported as Level) >= (level as number));
  const thin = atOrAbove.length > 0 && atOrAbove.every((d) => d.evidence.filter((i) => !i.harmful).length <= 1);
  const overall: OverallAssessment = {
    level: level === null ? null : levelOfRank(level),
    supported: supported === null ? null : levelOfRank(supported),
    cap: cap === null ? null : levelOfRank(cap),
    cappedBy,
    limits,
    confidence: thin ? 'low' : dimensionConfidence(voters.length),
    explanation: '',
  };
  overall.explanation = explain(overall, dimensions, items, context.notes ?? []);
  return { overall, dimensions };
}

const names = (ds: readonly DimensionAssessment[]) => ds.map((d) => DIMENSION_INFO[d.dimension].title.toLowerCase()).join(', ');

/** Up to two positive items at the overall level or above, on different dimensions, earliest first: what the run showed at its level. */
function shownAtLevel(items: readonly Observed[], level: Level): Observed[] {
  const out: Observed[] = [];
  const sorted = items.filter((i) => !i.harmful && rank(i.level) >= rank(level)).sort((a, b) => rank(a.level) - rank(b.level) || byTime(a, b));
  for (const i of sorted) if (out.length < 2 && !out.some((o) => o.dimension === i.dimension)) out.push(i);
  return out;
}

/** The plain-words paragraph behind the overall level, drawn from this run's evidence. */
function explain(overall: OverallAssessment, dimensions: readonly DimensionAssessment[], items: readonly Observed[], notes: readonly string[]): string {
  const observed = dimensions.filter((d) => d.level !== null);
  const missing = dimensions.filter((d) => d.level === null);
  if (overall.level === null) {
    if (observed.length === 0) return 'The run showed no evidence on any dimension, so no level is claimed. Take some actions or answer the prompts and play again.';
    return `The run showed only anti-patterns (${names(observed)}) and nothing positive, so no overall level is claimed.`;
  }
  const voters = dimensions.filter((d) => d.supported !== null);
  const supported = overall.supported as Level;
  const atOrAbove = voters.filter((d) => rank(d.supported as Level) >= rank(supported));
  const parts: string[] = [`This run reads as ${levelLabel(overall.level)}.`];
  // What held the result down comes first: it is what a player most needs to read.
  if (overall.cap !== null && rank(overall.cap) < rank(supported)) {
    const why = overall.cappedBy.map((i) => `"${i.why}" (${mmss(i.t)})`).join(' and ');
    parts.push(`The evidence alone supports ${supported}, but the result is held at ${overall.cap} by ${why}.`);
  }
  for (const limit of overall.limits) parts.push(`Held at ${limit.level}: ${limit.reason}`);
  parts.push(...notes);
  const shown = shownAtLevel(items, overall.level);
  if (shown.length > 0) parts.push(`At that level it showed: ${shown.map((i) => `"${i.why}" (${mmss(i.t)})`).join('; ')}.`);
  parts.push(`Of the ${voters.length} dimension${voters.length === 1 ? '' : 's'} with positive evidence, ${atOrAbove.length} reached ${supported} or higher (${names(atOrAbove)}).`);
  const sorted = [...observed].sort((a, b) => rank(b.level as Level) - rank(a.level as Level));
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  if (top && bottom && top.level !== bottom.level) {
    parts.push(
      `Strongest: ${DIMENSION_INFO[top.dimension].title} at ${top.level}; weakest: ${DIMENSION_INFO[bottom.dimension].title} at ${bottom.level}.`,
    );
  }
  if (missing.length > 0) parts.push(`Not observed in this run: ${names(missing)}.`);
  if (overall.confidence === 'low') parts.push('The level rests on few dimensions or on one item each, so treat it as a first reading.');
  return parts.filter(Boolean).join(' ');
}
