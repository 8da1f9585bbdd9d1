/**
 * A scenario's phase graph as boxes and arrows for the preview: which phases and endings
 * there are, what moves the incident between them (from the loader's own analysis, so the
 * picture and the "unreachable" warnings agree), and where to draw them. Pure: no Phaser.
 * Phases run left to right from the first phase; what no run can reach is kept, marked,
 * so the author sees what was meant.
 */
import dagre from '@dagrejs/dagre';
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

export interface Size {
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** A box's size; the scene measures its wrapped title. */
  nodeSize: (node: GraphNode) => Size;
  /** An edge label's size, for the words `shortLabel` gives. */
  labelSize: (label: string) => Size;
  /** Space between ranks (columns) and between boxes in one rank. */
  rankGap: number;
  nodeGap: number;
  /** Longest edge label, in characters, before it is shortened. */
  labelChars: number;
}

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge extends GraphEdge {
  /** The polyline from the source box's border to the target box's border. */
  points: Array<{ x: number; y: number }>;
  /** The words shown, and the box they sit in (top-left corner), clear of every node. */
  label: string;
  labelBox: { x: number; y: number; width: number; height: number };
  /** Runs right to left: a move back to an earlier phase. */
  back: boolean;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/** About 8 px per character of 14 px text, and 14 px titles wrapped into 170 px boxes (the preview's sizes). */
export const DEFAULT_LAYOUT: LayoutOptions = {
  nodeSize: (node) => ({ width: 170, height: node.title.length > 20 ? 54 : 40 }),
  labelSize: (label) => ({ width: label.length * 8 + 6, height: 20 }),
  rankGap: 40,
  nodeGap: 18,
  labelChars: 26,
};

/**
 * Places the graph left to right with dagre's layered layout: phases from the first, edge
 * labels as boxes of their own in the layout so that no label sits on a node or on another
 * label, and edges routed around the boxes.
 */
export function layoutGraph(model: GraphModel, options: LayoutOptions = DEFAULT_LAYOUT): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', ranksep: options.rankGap, nodesep: options.nodeGap, edgesep: 12, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of model.nodes) g.setNode(node.id, { ...options.nodeSize(node) });
  const labels = model.edges.map((e) => shortLabel(e, options.labelChars));
  model.edges.forEach((e, i) => {
    const size = options.labelSize(labels[i] as string);
    g.setEdge(e.from, e.to, { width: size.width, height: size.height, labelpos: 'c', minlen: 1 });
  });
  dagre.layout(g);

  const nodes: PlacedNode[] = model.nodes.map((n) => {
    const d = g.node(n.id);
    return { ...n, x: d.x - d.width / 2, y: d.y - d.height / 2, width: d.width, height: d.height };
  });
  const placed = new Map(nodes.map((n) => [n.id, n]));
  const edges: PlacedEdge[] = model.edges.map((e, i) => {
    const d = g.edge(e.from, e.to);
    const from = placed.get(e.from) as PlacedNode;
    const to = placed.get(e.to) as PlacedNode;
    const points = sideAnchored((d.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })), from, to);
    const width = d.width ?? 0;
    const height = d.height ?? 0;
    return {
      ...e,
      points,
      label: labels[i] as string,
      labelBox: { x: (d.x ?? 0) - width / 2, y: (d.y ?? 0) - height / 2, width, height },
      back: to.x + to.width / 2 < from.x + from.width / 2,
    };
  });
  // The size of what is drawn, labels and bends included.
  const right = Math.max(0, ...nodes.map((n) => n.x + n.width), ...edges.flatMap((e) => [e.labelBox.x + e.labelBox.width, ...e.points.map((p) => p.x)]));
  const bottom = Math.max(0, ...nodes.map((n) => n.y + n.height), ...edges.flatMap((e) => [e.labelBox.y + e.labelBox.height, ...e.points.map((p) => p.y)]));
  return { nodes, edges, width: right + 4, height: bottom + 4 };
}

/**
 * dagre ends an edge where the line towards its next bend meets the box, often a top or
 * bottom edge, from where the first leg can cut across a neighbour in the same column.
 * Starting and ending on the middle of the left or right side keeps every leg in the
 * gaps between columns, where no box is.
 */
function sideAnchored(points: Array<{ x: number; y: number }>, from: PlacedNode, to: PlacedNode): Array<{ x: number; y: number }> {
  if (points.length < 2) return points;
  const side = (n: PlacedNode, towardsX: number) => ({ x: towardsX >= n.x + n.width / 2 ? n.x + n.width : n.x, y: n.y + n.height / 2 });
  const inner = points.slice(1, -1);
  const first = side(from, (inner[0] ?? points.at(-1) ?? from).x);
  const last = side(to, (inner.at(-1) ?? points[0] ?? to).x);
  return [first, ...inner, last];
}

/** An edge's words for the picture: the first cause, shortened, and how many more. */
export function shortLabel(edge: GraphEdge, max = 26): string {
  const first = edge.labels[0] ?? '';
  const cut = first.length > max ? `${first.slice(0, max - 1)}…` : first;
  return edge.labels.length > 1 ? `${cut} +${edge.labels.length - 1}` : cut;
}
