import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, LEVELS, type Dimension, type Level } from '../scenario/schema/index.ts';
import { assess, type Assessment } from './assess.ts';
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
function notLower(before: Assessment, after: Assessment): void {
  expect(r(after.overall.level)).toBeGreaterThanOrEqual(r(before.overall.level));
  before.dimensions.forEach((d, i) => {
    const now = after.dimensions[i];
    if (now && now.evidence.length === 0) return;
    expect(r(now?.level ?? null)).toBeGreaterThanOrEqual(r(d.level));
  });
}

const runs = { numRuns: 2000, seed: 424242 };

describe('assessment properties', () => {
  it('adding evidence at or above a dimension\'s level and the overall level never lowers anything', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 40 }), fc.constantFrom(...DIMENSIONS), fc.integer({ min: 0, max: 4 }), (raw, dimension, extra) => {
        const before = assess(observed(raw));
        const dim = before.dimensions.find((d) => d.dimension === dimension);
        const floor = Math.max(1, r(dim?.level ?? null), r(before.overall.level));
        const level = levelOfRank(Math.min(5, floor + extra));
        notLower(before, assess(observed([...raw, { dimension, level, harmful: false, t: 100 }])));
      }),
      runs,
    );
  });

  it('removing a harmful item never lowers anything', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 40 }), fc.nat(), (raw, pick) => {
        const harmful = raw.map((x, i) => (x.harmful ? i : -1)).filter((i) => i >= 0);
        fc.pre(harmful.length > 0);
        const drop = harmful[pick % harmful.length] as number;
        notLower(assess(observed(raw)), assess(observed(raw.filter((_, i) => i !== drop))));
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
