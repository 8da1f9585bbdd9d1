import { describe, expect, it } from 'vitest';
import type { Dimension, Level } from '../scenario/schema/index.ts';
import { assess } from './assess.ts';
import type { Observed } from './evidence.ts';

let n = 0;
function item(dimension: Dimension, level: Level, harmful = false, t = n * 10): Observed {
  const key = `action:a${n++}#0`;
  return { key, dimension, level, why: `${dimension} ${level}${harmful ? ' (harmful)' : ''}`, harmful, t, source: { kind: 'action', id: key }, phase: 'p' };
}
const many = (dimension: Dimension, level: Level, count: number) => Array.from({ length: count }, () => item(dimension, level));
const levelOf = (items: Observed[], d: Dimension) => assess(items).dimensions.find((x) => x.dimension === d)?.level;

describe('a dimension', () => {
  it('is "not observed" without evidence, never a guessed L1', () => {
    const a = assess([item('mastery', 'L3')]);
    const scope = a.dimensions.find((d) => d.dimension === 'scope');
    expect(scope).toMatchObject({ level: null, confidence: 'none', evidence: [] });
  });

  it('takes the level of its only item, with low confidence', () => {
    expect(assess([item('judgment', 'L4')]).dimensions.find((d) => d.dimension === 'judgment')).toMatchObject({ level: 'L4', confidence: 'low' });
  });

  it('is not lifted by one lucky high item among several lower ones', () => {
    expect(levelOf([...many('judgment', 'L2', 4), item('judgment', 'L5')], 'judgment')).toBe('L2');
  });

  it('reaches a level that a third of its evidence (and at least two items) reaches', () => {
    expect(levelOf([...many('judgment', 'L1', 4), ...many('judgment', 'L4', 2)], 'judgment')).toBe('L4');
    expect(levelOf([item('judgment', 'L2'), item('judgment', 'L4')], 'judgment')).toBe('L2');
  });

  it('is capped by a harmful item at the harmful item\'s level, with the evidence for more still on record', () => {
    const a = assess([...many('judgment', 'L4', 3), item('judgment', 'L2', true)]).dimensions.find((d) => d.dimension === 'judgment');
    expect(a).toMatchObject({ level: 'L2', supported: 'L4', cap: 'L2', confidence: 'high' });
    expect(a?.evidence).toHaveLength(4);
  });

  it('grows more confident with more evidence', () => {
    const conf = (k: number) => assess(many('trust', 'L3', k)).dimensions.find((d) => d.dimension === 'trust')?.confidence;
    expect([0, 1, 2, 3, 4, 8].map(conf)).toEqual(['none', 'low', 'medium', 'medium', 'high', 'high']);
  });
});

describe('the overall level', () => {
  const solid = (level: Level, dims: Dimension[]) => dims.flatMap((d) => many(d, level, 2));

  it('is not observed when nothing was', () => {
    const a = assess([]);
    expect(a.overall.level).toBeNull();
    expect(a.overall.explanation).toMatch(/no evidence/);
  });

  it('needs several dimensions at a level: one principal dimension does not make a principal', () => {
    const items = [...solid('L2', ['mastery', 'scope', 'ownership', 'communication']), ...many('judgment', 'L5', 3)];
    expect(assess(items).overall.level).toBe('L2');
    const more = [...items, ...many('planning', 'L5', 2), ...many('trust', 'L5', 2), ...many('scope', 'L5', 3), ...many('mastery', 'L5', 3)];
    // Five of nine dimensions at L5, but a principal also informs and takes charge.
    expect(assess(more).overall).toMatchObject({ level: 'L3', supported: 'L5' });
    const leads = [...more, ...many('communication', 'L5', 3), ...many('ownership', 'L5', 3)];
    expect(assess(leads).overall.level).toBe('L5');
  });

  it('is held one level above a single slip, so one slip does not make a junior', () => {
    const strong = solid('L4', ['mastery', 'scope', 'judgment', 'ownership', 'communication', 'planning']);
    expect(assess(strong).overall.level).toBe('L4');
    const slip = assess([...strong, item('communication', 'L1', true)]);
    expect(slip.overall).toMatchObject({ level: 'L2', supported: 'L4', cap: 'L2' });
    expect(slip.overall.explanation).toMatch(/held at L2/);
    expect(assess([...strong, item('communication', 'L1', true), item('judgment', 'L1', true)]).overall.level).toBe('L1');
    expect(assess([...strong, item('communication', 'L3', true)]).overall.level).toBe('L4');
  });

  it('explains itself in plain words: the level, the dimensions behind it, what was not observed', () => {
    const a = assess([...solid('L3', ['mastery', 'judgment', 'ownership']), ...many('communication', 'L2', 2)]);
    expect(a.overall.level).toBe('L3');
    expect(a.overall.explanation).toMatch(/^This run reads as L3 Senior SRE\. At that level it showed: "mastery L3" \(\d\d:\d\d\); "judgment L3"/);
    expect(a.overall.explanation).toMatch(/3 reached L3 or higher \(mastery, judgment, ownership\)/);
    expect(a.overall.explanation).toMatch(/weakest: Communication at L2/);
    expect(a.overall.explanation).toMatch(/Not observed in this run: scope, planning, flexibility, trust, feedback/);
  });

  it('is never claimed without its foundations, and says which one is missing', () => {
    const a = assess([...solid('L4', ['mastery', 'scope', 'judgment', 'ownership', 'planning']), ...many('communication', 'L1', 3)]);
    expect(a.overall).toMatchObject({ level: 'L2', supported: 'L4' });
    expect(a.overall.limits).toEqual([{ kind: 'foundation', level: 'L2', reason: 'L4 also needs communication at L3 or above (this run: L1).' }]);
    expect(a.overall.explanation).toMatch(/Held at L2: L4 also needs communication at L3 or above \(this run: L1\)\./);
    const silent = assess(solid('L4', ['mastery', 'scope', 'judgment', 'ownership', 'planning']));
    expect(silent.overall.level).toBe('L2');
    expect(silent.overall.limits[0]?.reason).toMatch(/communication at L3 or above \(this run: not observed\)/);
  });

  it('is bounded by the outcome the caller measured, with its reason', () => {
    const strong = solid('L4', ['mastery', 'scope', 'judgment', 'ownership', 'communication', 'planning']);
    const a = assess(strong, { outcome: { level: 'L2', reason: 'The run spent 12% of the budget.' } });
    expect(a.overall).toMatchObject({ level: 'L2', supported: 'L4' });
    expect(a.overall.limits).toEqual([{ kind: 'outcome', level: 'L2', reason: 'The run spent 12% of the budget.' }]);
    expect(assess(strong, { outcome: { level: 'L5', reason: null } }).overall.limits).toEqual([]);
  });

  it('is shown with low confidence when every dimension behind it rests on one item', () => {
    const one = (['mastery', 'scope', 'judgment', 'ownership', 'communication', 'planning'] as const).map((d) => item(d, 'L3'));
    expect(assess(one).overall).toMatchObject({ level: 'L3', confidence: 'low' });
    expect(assess(solid('L3', ['mastery', 'scope', 'judgment', 'ownership', 'communication', 'planning'])).overall.confidence).toBe('high');
  });
});
