import { describe, expect, it } from 'vitest';
import { DIMENSIONS, LEVELS } from '../scenario/schema/index.ts';
import { DIMENSION_INFO, GROUPS, LADDER, LEVEL_INFO, levelLabel, levelOfRank, rank } from './ladder.ts';

describe('the ladder', () => {
  it('has the schema\'s five levels in order, titled as the rubric titles them', () => {
    expect(Object.keys(LEVEL_INFO)).toEqual([...LEVELS]);
    expect(LEVELS.map(levelLabel)).toEqual(['L1 Junior SRE', 'L2 SRE', 'L3 Senior SRE', 'L4 Lead / Staff SRE', 'L5 Principal SRE']);
    expect(LEVELS.map(rank)).toEqual([1, 2, 3, 4, 5]);
    expect(LEVELS.map((l) => levelOfRank(rank(l)))).toEqual([...LEVELS]);
  });

  it('groups all nine schema dimensions once: Skill, Engagement, Coachability', () => {
    expect(GROUPS.flatMap((g) => g.dimensions)).toEqual([...DIMENSIONS]);
    expect(GROUPS.map((g) => g.group)).toEqual(['Skill', 'Engagement', 'Coachability']);
    for (const g of GROUPS) for (const d of g.dimensions) expect(DIMENSION_INFO[d].group).toBe(g.group);
  });

  it('describes every level of every dimension in one distinct line', () => {
    const lines = DIMENSIONS.flatMap((d) => LEVELS.map((l) => LADDER[d][l]));
    expect(lines).toHaveLength(45);
    for (const line of lines) {
      expect(line.length).toBeGreaterThan(10);
      expect(line).not.toContain('\n');
    }
    expect(new Set(lines).size).toBe(45);
  });
});
