import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../run/history.ts';
import { formatWhen, progressOf, rowOf, trend } from './history-view.ts';

const run = (finishedAt: string, level: HistoryEntry['level'], mastery: HistoryEntry['level'], scenario = 'tutorial'): HistoryEntry => ({
  id: finishedAt,
  finishedAt,
  scenario: { id: scenario, title: scenario },
  mode: 'assessed',
  seed: 1,
  level,
  dimensions: [
    { dimension: 'mastery', title: 'Mastery', level: mastery },
    { dimension: 'judgment', title: 'Judgment', level: 'L2' },
  ],
  ending: null,
  choices: [],
  source: 'library',
});

describe('progress over kept runs', () => {
  const runs = [run('2026-12-03T09:00:00Z', 'L3', 'L4'), run('2026-12-01T09:00:00Z', 'L1', null), run('2026-12-02T09:00:00Z', 'L2', 'L2', 'db-pool')];

  it('charts each dimension oldest first, with a gap where a run did not show it', () => {
    const p = progressOf(runs);
    expect(p.overall.points).toEqual([1, 2, 3]);
    expect(p.dimensions.find((d) => d.id === 'mastery')?.points).toEqual([null, 2, 4]);
    expect(trend(p.dimensions.find((d) => d.id === 'mastery')!)).toBe('L2 → L4 over 2 runs');
    expect(trend(p.dimensions.find((d) => d.id === 'judgment')!)).toBe('L2, steady over 3 runs');
  });

  it('can chart one scenario alone', () => {
    expect(progressOf(runs, 'tutorial').overall.points).toEqual([1, 3]);
  });

  it('lists a run with its date, level and whether a dropped file was kept', () => {
    expect(formatWhen('2026-12-06T22:04:00Z', 'UTC')).toBe('6 Dec 2026 22:04');
    const dropped = { ...run('2026-12-06T22:04:00Z', null, null), source: 'file' as const };
    expect(rowOf(dropped, 'UTC')).toMatchObject({ level: 'not observed', reopenable: false, scenario: 'tutorial · dropped file, not kept' });
  });
});
