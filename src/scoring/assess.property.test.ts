import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, LEVELS, type Dimension, type Level } from '../scenario/schema/index.ts';
import { assess, FOUNDATIONS, type Assessment, type AssessContext } from './assess.ts';
import type { Observed } from './evidence.ts';
import { levelOfRank, rank } from './ladder.ts';

const itemArb = fc.record({
  dimension: fc.constantFrom(...DIMENSIONS),
  level: fc.constantFrom(...LEVELS),
  harmful: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  t: fc.integer({ min: 0, max: 7200 }),
});
type Raw = { dimension: Dimension; level: Level; harmful: boolean; t: number };

function observed(raw: readonly Raw[]): Observed[] {
  return raw.map((r, i) => ({ ...r, key: `action:x${i}#0`, why: 'w', source: { kind: 'action', id: `x${i}` }, phase: 'p' }));
}
const r = (l: Level | null) => (l === null ? 0 : rank(l));

/**
 * Every dimension and the overall level of `after` are at least those of `before`. A
 * dimension left with no evidence at all is "not observed": no claim, rather than a lower one.
 */
function notLower(before: Assessment, after: Assessment, overall = true): void {
  if (overall) expect(r(after.overall.level)).toBeGreaterThanOrEqual(r(before.overall.level));
  before.dimensions.forEach((d, i) => {
    const now = after.dimensions[i];
    if (now && now.evidence.length === 0) return;
    expect(r(now?.level ?? null)).toBeGreaterThanOrEqual(r(d.level));
  });
}

const runs = { numRuns: 2000, seed: 424242 };

/** A run's timing and outcome, held fixed while its evidence changes: the level its outcome allows. */
const outcomeArb = fc.option(fc.constantFrom(...LEVELS), { nil: undefined });
const context = (o: Level | undefined): AssessContext => (o ? { outcome: { level: o, reason: null } } : {});

/** Dimensions some level needs as a foundation. */
const FOUNDATION_DIMENSIONS = new Set(Object.values(FOUNDATIONS).flatMap((needs) => Object.keys(needs ?? {})));

describe('assessment properties', () => {
  it('adding evidence at or above a dimension\'s level and the overall level never lowers anything (timing and outcome unchanged)', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), fc.constantFrom(...DIMENSIONS), fc.integer({ min: 0, max: 4 }), outcomeArb, (raw, dimension, extra, o) => {
        const before = assess(observed(raw), context(o));
        const dim = before.dimensions.find((d) => d.dimension === dimension);
        const floor = Math.max(1, r(dim?.level ?? null), r(before.overall.level));
        const level = levelOfRank(Math.min(5, floor + extra));
        notLower(before, assess(observed([...raw, { dimension, level, harmful: false, t: 100 }]), context(o)));
      }),
      runs,
    );
  });

  it('removing a harmful item never lowers anything (timing and outcome unchanged)', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 40 }), fc.nat(), outcomeArb, (raw, pick, o) => {
        const harmful = raw.map((x, i) => (x.harmful ? i : -1)).filter((i) => i >= 0);
        fc.pre(harmful.length > 0);
        const drop = harmful[pick % harmful.length] as number;
        const dimension = (raw[drop] as Raw).dimension;
        const rest = raw.filter((_, i) => i !== drop);
        // Removing the only evidence of a dimension a level needs as a foundation leaves it
        // unobserved, and a foundation is never assumed: that one case may lower the result.
        const emptied = !rest.some((x) => x.dimension === dimension) && FOUNDATION_DIMENSIONS.has(dimension);
        notLower(assess(observed(raw), context(o)), assess(observed(rest), context(o)), !emptied);
      }),
      runs,
    );
  });

  it('is deterministic and does not depend on the order evidence arrives in', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), fc.nat(), (raw, rot) => {
        const items = observed(raw);
        const a = assess(items);
        expect(assess(items)).toEqual(a);
        const k = items.length ? rot % items.length : 0;
        expect(assess([...items.slice(k), ...items.slice(0, k)].reverse())).toEqual(a);
      }),
      runs,
    );
  });

  it('the outcome bounds the level: never above it, and a tighter bound never raises the result', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), fc.constantFrom(...LEVELS), fc.constantFrom(...LEVELS), (raw, a, b) => {
        const [low, high] = rank(a) <= rank(b) ? [a, b] : [b, a];
        const tight = assess(observed(raw), context(low));
        expect(r(tight.overall.level)).toBeLessThanOrEqual(rank(low));
        expect(r(tight.overall.level)).toBeLessThanOrEqual(r(assess(observed(raw), context(high)).overall.level));
      }),
      runs,
    );
  });

  it('no level without its foundations: every dimension a level needs is observed at its minimum', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), (raw) => {
        const a = assess(observed(raw));
        if (a.overall.level === null) return;
        for (const [d, min] of Object.entries(FOUNDATIONS[a.overall.level] ?? {})) {
          expect(r(a.dimensions.find((x) => x.dimension === d)?.level ?? null)).toBeGreaterThanOrEqual(rank(min as Level));
        }
      }),
      runs,
    );
  });

  it('a dimension with no evidence stays "not observed" whatever is added elsewhere', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), fc.constantFrom(...DIMENSIONS), fc.array(itemArb, { maxLength: 10 }), (raw, hole, more) => {
        const without = (xs: Raw[]) => xs.filter((x) => x.dimension !== hole);
        const a = assess(observed([...without(raw), ...without(more)]));
        expect(a.dimensions.find((d) => d.dimension === hole)).toMatchObject({ level: null, supported: null, confidence: 'none' });
      }),
      runs,
    );
  });

  it('never claims more than the evidence shows: each level is held by an item at that level or above', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), (raw) => {
        const a = assess(observed(raw));
        for (const d of a.dimensions) {
          if (d.level === null) continue;
          expect(d.evidence.some((e) => rank(e.level) >= rank(d.level as Level))).toBe(true);
        }
        const top = Math.max(0, ...a.dimensions.map((d) => r(d.supported)));
        expect(r(a.overall.level)).toBeLessThanOrEqual(top);
      }),
      runs,
    );
  });
});
