import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import { ANY_PHASE, fitScale, graphModel, layoutGraph, shortLabel } from './graph-layout.ts';

const ROOT = join(import.meta.dirname, '../../..');
const minimal = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
const readFile = (p: string) => {
  try {
    return readFileSync(join(ROOT, 'test/fixtures', p), 'utf8');
  } catch {
    return undefined;
  }
};
function load(text: string): Scenario {
  const r = loadScenario(text, { file: 'minimal.yaml', readFile });
  if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.scenario;
}
// A phase nothing leads to, with a way out that can therefore never be taken.
const withOrphan = minimal.replace(
  /^endings:/m,
  `  - id: orphan\n    title: Forgotten branch\n    transitions:\n      - to: resolved\n        when: { inPhaseFor: 1m }\n\nendings:`,
);

describe('graphModel', () => {
  it('labels each move with what causes it, from the loader analysis', () => {
    const m = graphModel(load(minimal));
    expect(m.nodes.map((n) => [n.id, n.kind, n.reachable])).toEqual([
      ['failing', 'phase', true],
      ['recovered', 'phase', true],
      [ANY_PHASE, 'any', true],
      ['resolved', 'ending', true],
      ['timed-out', 'ending', true],
      ['budget-gone', 'ending', true],
    ]);
    expect(m.nodes[0]?.start).toBe(true);
    const edge = (from: string, to: string) => m.edges.find((e) => e.from === from && e.to === to);
    expect(edge('failing', 'recovered')?.labels).toEqual(['do rollback']);
    expect(edge('recovered', 'resolved')?.labels).toEqual(['after 5m in phase']);
    expect(edge(ANY_PHASE, 'timed-out')?.labels).toEqual(['time limit 30m']);
    expect(edge(ANY_PHASE, 'budget-gone')?.labels[0]).toMatch(/budget spent above 100%/);
  });

  it('keeps unreachable phases and their declared moves, marked unreachable', () => {
    const m = graphModel(load(withOrphan));
    expect(m.nodes.find((n) => n.id === 'orphan')).toMatchObject({ reachable: false, title: 'Forgotten branch' });
    expect(m.edges.find((e) => e.from === 'orphan')).toMatchObject({ to: 'resolved', reachable: false, labels: ['after 1m in phase'] });
  });
});

describe('layoutGraph', () => {
  const opts = { nodeWidth: 100, nodeHeight: 40, columnGap: 50, rowGap: 10 };

  it('puts phases by distance from the first, endings in the last column, with no overlaps', () => {
    const l = layoutGraph(graphModel(load(withOrphan)), opts);
    const col = (id: string) => l.nodes.find((n) => n.id === id)?.column;
    expect(col('failing')).toBe(0);
    expect(col('recovered')).toBe(1);
    expect(col('orphan')).toBe(1);
    expect(col(ANY_PHASE)).toBe(2);
    expect(['resolved', 'timed-out', 'budget-gone'].map(col)).toEqual([3, 3, 3]);
    for (const a of l.nodes)
      for (const b of l.nodes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    expect(l.width).toBe(4 * 100 + 3 * 50);
    expect(l.height).toBe(3 * 40 + 2 * 10);
    for (const n of l.nodes) expect(n.y + n.height).toBeLessThanOrEqual(l.height);
  });

  it('runs forward edges from right side to left side, and marks back edges', () => {
    const l = layoutGraph(graphModel(load(minimal)), opts);
    const e = l.edges.find((x) => x.from === 'failing' && x.to === 'recovered');
    expect(e).toMatchObject({ back: false, x1: 100, x2: 150 });
    expect(l.edges.every((x) => x.x1 <= x.x2 || x.back)).toBe(true);
  });

  it('lays out every library scenario inside its bounds', async () => {
    const { loadLibraryScenario } = await import('../../../test/support/library-run.ts');
    for (const id of ['tutorial', 'third-party-outage', 'memory-leak']) {
      const l = layoutGraph(graphModel(loadLibraryScenario(id).scenario));
      for (const n of l.nodes) {
        expect(n.x + n.width).toBeLessThanOrEqual(l.width);
        expect(n.y + n.height).toBeLessThanOrEqual(l.height);
      }
      expect(new Set(l.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(l.nodes.length);
    }
  });
});

describe('fitScale and shortLabel', () => {
  it('shrinks to fit but never enlarges', () => {
    expect(fitScale({ width: 2000, height: 400 }, { width: 1000, height: 400 })).toBe(0.5);
    expect(fitScale({ width: 100, height: 100 }, { width: 1000, height: 400 })).toBe(1);
  });
  it('shortens long causes and counts the rest', () => {
    expect(shortLabel({ from: 'a', to: 'b', reachable: true, labels: ['do rollback'] })).toBe('do rollback');
    expect(shortLabel({ from: 'a', to: 'b', reachable: true, labels: ['x'.repeat(40), 'y'] }, 10)).toBe(`${'x'.repeat(9)}… +1`);
  });
});
