/**
 * A scenario's phase graph as boxes and arrows for the preview: which phases and endings
 * there are, what moves the incident between them (from the loader's own analysis, so the
 * picture and the "unreachable" warnings agree), and where to draw them. Pure: no Phaser.
 * Phases run left to right by their distance from the first phase; endings form the last
 * column; what no run can reach is kept, marked, so the author sees what was meant.
 */
import { declaredEdgesOf, edgeLabel } from '../../scenario/author/graph.ts';
import { analyseScenario, type Edge } from '../../scenario/graph.ts';
import type { Scenario } from '../../scenario/schema/index.ts';

export type NodeKind = 'phase' | 'ending' | 'any';

export interface GraphNode {
  id: string;
  title: string;
  kind: NodeKind;
  /** An ending's outcome (resolved, exhausted, timeout, worse). */
  outcome?: string;
  reachable: boolean;
  start: boolean;
}

/** One arrow: every cause of a move between the same two nodes, in words. */
export interface GraphEdge {
  from: string;
  to: string;
  labels: string[];
  reachable: boolean;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The id of the box that stands for "from any phase" (the time limit, budget endings…). */
export const ANY_PHASE = '*any';

/** Phases, endings and labelled moves between them, from `analyseScenario`. */
export function graphModel(s: Scenario): GraphModel {
  const analysis = analyseScenario(s);
  const reachablePhases = s.phases.filter((p) => analysis.reachable.has(p.id)).map((p) => p.id);
  const everywhere = (e: Edge) =>
    e.kind !== 'transition' &&
    e.kind !== 'enter' &&
    reachablePhases.length > 1 &&
    reachablePhases.every((p) => analysis.edges.some((o) => o.from === p && o.to === e.to && o.kind === e.kind && o.via === e.via));

  const edges = new Map<string, GraphEdge>();
  const add = (from: string, e: Edge, reachable: boolean) => {
    const key = `${from}\u0000${e.to}`;
    const edge = edges.get(key) ?? { from, to: e.to, labels: [], reachable };
    const label = edgeLabel(s, e);
    if (!edge.labels.includes(label)) edge.labels.push(label);
    edges.set(key, edge);
  };
  let anyUsed = false;
  for (const e of analysis.edges) {
    if (everywhere(e)) {
      anyUsed = true;
      add(ANY_PHASE, e, true);
    } else add(e.from, e, true);
  }
  for (const p of s.phases) if (!analysis.reachable.has(p.id)) for (const e of declaredEdgesOf(s, p.id)) add(p.id, e, false);

  const known = new Set([...s.phases.map((p) => p.id), ...s.endings.map((e) => e.id)]);
  const nodes: GraphNode[] = [
    ...s.phases.map((p, i) => ({ id: p.id, title: p.title, kind: 'phase' as const, reachable: analysis.reachable.has(p.id), start: i === 0 })),
    ...(anyUsed ? [{ id: ANY_PHASE, title: 'any phase', kind: 'any' as const, reachable: true, start: false }] : []),
    ...s.endings.map((e) => ({ id: e.id, title: e.title, kind: 'ending' as const, outcome: e.outcome, reachable: analysis.reachable.has(e.id), start: false })),
  ];
  return { nodes, edges: [...edges.values()].filter((e) => known.has(e.to) && (known.has(e.from) || e.from === ANY_PHASE)) };
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between columns (edge labels live here). */
  columnGap: number;
  rowGap: number;
}

export interface PlacedNode extends GraphNode {
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge extends GraphEdge {
  /** Start and end points, on the boxes' sides. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Goes to the same or an earlier column. */
  back: boolean;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { nodeWidth: 150, nodeHeight: 44, columnGap: 70, rowGap: 14 };

/**
 * Columns by breadth-first distance from the first phase (a phase nothing leads to starts
 * a column of its own at 0), the "any phase" box after the phases, endings last. Within a
 * column, nodes keep the scenario's order, nudged towards the rows of what leads to them.
 */
export function layoutGraph(model: GraphModel, options: LayoutOptions = DEFAULT_LAYOUT): GraphLayout {
  const { nodeWidth, nodeHeight, columnGap, rowGap } = options;
  const phases = model.nodes.filter((n) => n.kind === 'phase');
  const column = new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const e of model.edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const isPhase = new Set(phases.map((p) => p.id));
  const bfs = (startId: string, base: number) => {
    column.set(startId, base);
    const queue = [startId];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      for (const to of out.get(id) ?? []) {
        if (!isPhase.has(to) || column.has(to)) continue;
        column.set(to, (column.get(id) as number) + 1);
        queue.push(to);
      }
    }
  };
  for (const p of phases) if (!column.has(p.id)) bfs(p.id, p.start ? 0 : column.size === 0 ? 0 : 1);
  const lastPhase = Math.max(0, ...[...column.values()]);
  let next = lastPhase + 1;
  for (const n of model.nodes) if (n.kind === 'any') column.set(n.id, next++);
  for (const n of model.nodes) if (n.kind === 'ending') column.set(n.id, next);

  const columns: string[][] = [];
  for (const n of model.nodes) (columns[column.get(n.id) as number] ??= []).push(n.id);
  const row = new Map<string, number>();
  const incoming = new Map<string, string[]>();
  for (const e of model.edges) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
  columns.forEach((ids, c) => {
    // Barycentre of the earlier-column sources, ties kept in scenario order.
    const weight = (id: string) => {
      const rows = (incoming.get(id) ?? []).filter((f) => (column.get(f) ?? c) < c && row.has(f)).map((f) => row.get(f) as number);
      return rows.length > 0 ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.POSITIVE_INFINITY;
    };
    const sorted = c === 0 ? ids : ids.map((id, i) => ({ id, i, w: weight(id) })).sort((a, b) => a.w - b.w || a.i - b.i).map((x) => x.id);
    sorted.forEach((id, r) => row.set(id, r));
    columns[c] = sorted;
  });
  const tallest = Math.max(1, ...columns.map((ids) => ids?.length ?? 0));
  const height = tallest * nodeHeight + (tallest - 1) * rowGap;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const nodes: PlacedNode[] = [];
  columns.forEach((ids, c) => {
    if (!ids) return;
    const top = (height - (ids.length * nodeHeight + (ids.length - 1) * rowGap)) / 2;
    ids.forEach((id, r) => {
      nodes.push({ ...(byId.get(id) as GraphNode), column: c, x: c * (nodeWidth + columnGap), y: top + r * (nodeHeight + rowGap), width: nodeWidth, height: nodeHeight });
    });
  });
  const placed = new Map(nodes.map((n) => [n.id, n]));
  const edges: PlacedEdge[] = model.edges.map((e) => {
    const a = placed.get(e.from) as PlacedNode;
    const b = placed.get(e.to) as PlacedNode;
    const back = b.column <= a.column;
    return back
      ? { ...e, back, x1: a.x + a.width / 2, y1: a.y + a.height, x2: b.x + b.width / 2, y2: b.y + b.height }
      : { ...e, back, x1: a.x + a.width, y1: a.y + a.height / 2, x2: b.x, y2: b.y + b.height / 2 };
  });
  const width = columns.length * nodeWidth + Math.max(0, columns.length - 1) * columnGap;
  return { nodes, edges, width, height };
}

/** The scale that fits a layout in a box, never enlarging past 1. */
export function fitScale(layout: { width: number; height: number }, box: { width: number; height: number }): number {
  if (layout.width <= 0 || layout.height <= 0) return 1;
  return Math.min(1, box.width / layout.width, box.height / layout.height);
}

/** An edge's words for the picture: the first cause, shortened, and how many more. */
export function shortLabel(edge: GraphEdge, max = 26): string {
  const first = edge.labels[0] ?? '';
  const cut = first.length > max ? `${first.slice(0, max - 1)}…` : first;
  return edge.labels.length > 1 ? `${cut} +${edge.labels.length - 1}` : cut;
}
