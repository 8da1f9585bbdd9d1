import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureReader, MINIMAL } from '../../../test/support/scenario-text.ts';
import { loadScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import { ANY_PHASE, graphModel, layoutGraph, shortLabel } from './graph-layout.ts';

const ROOT = join(import.meta.dirname, '../../..');
const minimal = MINIMAL;
const readFile = fixtureReader();
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
  type Box = { x: number; y: number; width: number; height: number };
  const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  const inside = (p: { x: number; y: number }, b: Box, slack = 1) => p.x >= b.x - slack && p.x <= b.x + b.width + slack && p.y >= b.y - slack && p.y <= b.y + b.height + slack;

  /** Nothing overlaps: no two boxes, no label on a box, no two labels; every edge starts and ends on its boxes. */
  function expectLegible(l: ReturnType<typeof layoutGraph>, name: string): void {
    const boxes: Array<[string, Box]> = [...l.nodes.map((n) => [n.id, n] as [string, Box]), ...l.edges.map((e) => [`label ${e.from}→${e.to}`, e.labelBox] as [string, Box])];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, boxA] = boxes[i] as [string, Box];
        const [b, boxB] = boxes[j] as [string, Box];
        expect(apart(boxA, boxB), `${name}: ${a} overlaps ${b}`).toBe(true);
      }
    const byId = new Map(l.nodes.map((n) => [n.id, n]));
    for (const e of l.edges) {
      expect(e.points.length, `${name}: ${e.from}→${e.to} has a path`).toBeGreaterThanOrEqual(2);
      expect(inside(e.points[0] as { x: number; y: number }, byId.get(e.from) as Box), `${name}: ${e.from}→${e.to} starts on its box`).toBe(true);
      expect(inside(e.points.at(-1) as { x: number; y: number }, byId.get(e.to) as Box), `${name}: ${e.from}→${e.to} ends on its box`).toBe(true);
    }
    // No edge runs through a box other than its own two (sampled along each segment).
    for (const e of l.edges)
      for (let k = 1; k < e.points.length; k++) {
        const p = e.points[k - 1] as { x: number; y: number };
        const q = e.points[k] as { x: number; y: number };
        for (let t = 0; t <= 1; t += 0.05) {
          const at = { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
          for (const n of l.nodes) {
            if (n.id === e.from || n.id === e.to) continue;
            expect(inside(at, n, -2), `${name}: ${e.from}→${e.to} runs through ${n.id}`).toBe(false);
          }
        }
      }
    for (const b of boxes.map(([, box]) => box)) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(l.width);
      expect(b.y + b.height).toBeLessThanOrEqual(l.height);
    }
  }

  it('runs left to right from the first phase, with nothing overlapping', () => {
    const l = layoutGraph(graphModel(load(withOrphan)));
    const x = (id: string) => l.nodes.find((n) => n.id === id)?.x ?? NaN;
    expect(x('failing')).toBeLessThan(x('recovered'));
    expect(x('recovered')).toBeLessThan(x('resolved'));
    expectLegible(l, 'minimal with an orphan');
    const e = l.edges.find((x) => x.from === 'failing' && x.to === 'recovered');
    expect(e).toMatchObject({ back: false, label: 'do rollback' });
  });

  it('lays out every library scenario legibly: no box, label or title on another', async () => {
    const { loadLibraryScenario } = await import('../../../test/support/library-run.ts');
    const ids = readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expectLegible(layoutGraph(graphModel(loadLibraryScenario(id).scenario)), id);
  });
});

describe('shortLabel', () => {
  it('shortens long causes and counts the rest', () => {
    expect(shortLabel({ from: 'a', to: 'b', reachable: true, labels: ['do rollback'] })).toBe('do rollback');
    expect(shortLabel({ from: 'a', to: 'b', reachable: true, labels: ['x'.repeat(40), 'y'] }, 10)).toBe(`${'x'.repeat(9)}… +1`);
  });
});
