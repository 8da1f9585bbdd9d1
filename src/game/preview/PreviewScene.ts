/**
 * The author's preview of a scenario file, for those who never open a terminal: its
 * problems with line and column, its phase graph (what moves the incident, what no run
 * can reach) and a Play button. The graph's shape and words come from graph-layout.ts;
 * this scene only draws them. Every scenario text is a Phaser Text, never markup.
 */
import Phaser from 'phaser';
import { listenKeys } from '../ui/key-input.ts';
import { ANY_PHASE, DEFAULT_LAYOUT, graphModel, layoutGraph, type GraphLayout, type GraphNode } from './graph-layout.ts';
import { GraphViewport } from './graph-viewport.ts';
import type { LibraryEntry } from '../picker/library.ts';
import { errorCount } from '../picker/listing.ts';
import { ensurePlayScenes } from '../boot/play-scenes.ts';
import { SCENES, type PickerStart, type PlayStart } from '../boot/play.ts';
import { diagnosticLine } from '../browser/reload.ts';
import type { Mode, Speed } from '../run/session.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { css, HEIGHT, num, SIZE, text, WIDTH, type ColourName } from '../ui/theme.ts';
import { Button } from '../ui/button.ts';
import { fitText } from '../ui/text-util.ts';

export const PREVIEW = 'preview';

export interface PreviewStart {
  entry: LibraryEntry;
  seed: number;
  mode: Mode;
  speed: Speed;
}

const GRAPH = { x: 40, y: 92, width: WIDTH - 80, height: 380 };
/** The overview of a graph too large to show whole, between the title and the buttons. */
const OVERVIEW = { x: 700, y: 8, width: 260, height: 76 };
const KEYS = 'Tab/Shift+Tab select a box · Enter play · Esc back · PgUp/PgDn problems';
const PANEL_Y = 486;
const PROBLEM_LINES = 6;

const OUTCOME: Record<string, ColourName> = { resolved: 'ok', exhausted: 'critical', timeout: 'warning', worse: 'critical' };

export class PreviewScene extends Phaser.Scene {
  private start!: PreviewStart;
  private layout: GraphLayout | null = null;
  private selected = 0;
  private problemTop = 0;
  private problems!: Phaser.GameObjects.Text;
  private detail!: Phaser.GameObjects.Text;
  private edgeLayer!: Phaser.GameObjects.Graphics;
  private nodeBoxes = new Map<string, Phaser.GameObjects.Rectangle>();
  private graph!: Phaser.GameObjects.Container;
  private viewport: GraphViewport | null = null;
  private keyLine!: Phaser.GameObjects.Text;
  private starting = false;

  constructor() {
    super(PREVIEW);
  }

  init(data: PreviewStart): void {
    this.start = data;
    this.selected = 0;
    this.problemTop = 0;
    this.starting = false;
    this.nodeBoxes.clear();
    this.viewport = null;
  }

  create(): void {
    const { entry } = this.start;
    this.cameras.main.setBackgroundColor(css.bg);
    const title = this.add.text(40, 20, '', text(SIZE.big, 'text', { fontStyle: '600' }));
    fitText(title, `${entry.ok ? '' : '⚠ '}${entry.title}`, OVERVIEW.x - 60);
    const errors = errorCount(entry);
    const warnings = entry.diagnostics.length - errors;
    const summary = `${entry.file} · ${errors} error${errors === 1 ? '' : 's'}, ${warnings} other problem${warnings === 1 ? '' : 's'}`;
    fitText(this.add.text(40, 56, '', text(SIZE.small, errors > 0 ? 'critical' : 'dim')), summary, OVERVIEW.x - 60);
    new Button(this, WIDTH - 300, 20, 120, 36, 'Back', () => this.back(), { key: 'Esc' });
    const play = new Button(this, WIDTH - 170, 20, 130, 36, 'Play', () => this.play(), { key: '⏎' });
    if (!entry.playable) play.setEnabled(false);

    this.add.rectangle(GRAPH.x - 1, GRAPH.y - 1, GRAPH.width + 2, GRAPH.height + 2, num.panel).setOrigin(0).setStrokeStyle(1, num.border);
    // The graph is drawn in its own units at (0, 0); the viewport's camera places it on screen.
    this.graph = this.add.container(0, 0);
    if (!entry.playable) this.add.text(GRAPH.x + 20, GRAPH.y + 20, 'The graph shows once the file has no errors: fix the problems below first.', text(SIZE.label, 'dim'));

    this.add.text(40, PANEL_Y, 'Problems', text(SIZE.label, 'dim', { fontStyle: '600' }));
    this.problems = this.add.text(40, PANEL_Y + 26, '', text(SIZE.small, 'text', { wordWrap: { width: 700 }, lineSpacing: 3 }));
    this.add.text(780, PANEL_Y, 'Selected', text(SIZE.label, 'dim', { fontStyle: '600' }));
    this.detail = this.add.text(780, PANEL_Y + 26, '', text(SIZE.small, 'text', { wordWrap: { width: WIDTH - 820 }, lineSpacing: 3 }));
    this.keyLine = this.add.text(40, HEIGHT - 12, KEYS, text(SIZE.small, 'faint')).setOrigin(0, 1);
    // Last, so that the viewport's camera knows every other object is not part of the graph.
    if (entry.playable) this.drawGraph(entry);

    this.input.keyboard?.addCapture('TAB,LEFT,RIGHT,UP,DOWN,PAGE_UP,PAGE_DOWN,ESC');
    listenKeys(this, (e) => this.onKey(e), { repeats: (e) => e.key.startsWith('Page') || GraphViewport.repeats(e) });
    this.showProblems();
    this.select(0, false);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const count = this.layout?.nodes.length ?? 0;
    if (e.key === 'Escape') this.back();
    else if (e.key === 'Enter') this.play();
    else if (e.key === 'PageDown' || e.key === 'PageUp') {
      const max = Math.max(0, this.start.entry.diagnostics.length - PROBLEM_LINES);
      this.problemTop = Math.min(max, Math.max(0, this.problemTop + (e.key === 'PageDown' ? PROBLEM_LINES : -PROBLEM_LINES)));
      this.showProblems();
    } else if (count > 0 && e.key === 'Tab') this.select((this.selected + (e.shiftKey ? count - 1 : 1)) % count, true);
    else this.viewport?.onKey(e);
  }

  private drawGraph(entry: LibraryEntry): void {
    const scenario = (entry.playable as NonNullable<LibraryEntry['playable']>).scenario;
    const model = graphModel(scenario);
    const nodeWidth = 170;
    // Drawn at the small size and twice the resolution: legible at zoom 1, crisp zoomed in.
    const titleStyle = (node: GraphNode) => text(SIZE.small, node.reachable ? 'text' : 'faint', { wordWrap: { width: nodeWidth - 12 }, resolution: 2 });
    const labelStyle = (reachable: boolean) => text(SIZE.small, reachable ? 'dim' : 'faint', { backgroundColor: css.panel, padding: { x: 3, y: 1 }, resolution: 2 });
    const words = (node: GraphNode) => `${node.start ? '▶ ' : ''}${node.title}${node.reachable ? '' : ' (unreachable)'}`;
    // Titles and labels are measured as they will be drawn, so the layout leaves each its room.
    const titles = new Map(model.nodes.map((n) => [n.id, this.add.text(0, 0, words(n), titleStyle(n)).setOrigin(0, 0.5)]));
    const probe = this.add.text(0, 0, '', labelStyle(true)).setVisible(false);
    const layout = layoutGraph(model, {
      ...DEFAULT_LAYOUT,
      nodeSize: (n) => ({ width: nodeWidth, height: Math.max(40, (titles.get(n.id)?.height ?? 20) + 14) }),
      labelSize: (label) => {
        probe.setText(label);
        return { width: probe.width, height: probe.height };
      },
    });
    probe.destroy();
    this.layout = layout;
    const inner = this.graph;
    this.edgeLayer = this.add.graphics();
    inner.add(this.edgeLayer);
    for (const node of layout.nodes) {
      const colour: ColourName = !node.reachable ? 'faint' : node.kind === 'ending' ? OUTCOME[node.outcome ?? ''] ?? 'info' : node.kind === 'any' ? 'dim' : 'accent';
      const box = this.add.rectangle(node.x, node.y, node.width, node.height, node.reachable ? num.panelHi : num.bg).setOrigin(0).setStrokeStyle(node.start ? 3 : 1.5, num[colour]);
      box.setInteractive({ useHandCursor: true }).on('pointerup', () => {
        if (!this.viewport?.dragged()) this.select(layout.nodes.indexOf(node), false);
      });
      this.nodeBoxes.set(node.id, box);
      const title = (titles.get(node.id) as Phaser.GameObjects.Text).setPosition(node.x + 6, node.y + node.height / 2);
      inner.add([box, title]);
    }
    // Labels go over the lines, each in the box the layout kept clear for it.
    const labels = layout.edges.map((edge) => this.add.text(edge.labelBox.x + edge.labelBox.width / 2, edge.labelBox.y + edge.labelBox.height / 2, edge.label, labelStyle(edge.reachable)).setOrigin(0.5));
    inner.add(labels);
    this.drawEdges();
    const start = layout.nodes.find((n) => n.start) ?? layout.nodes[0];
    this.viewport = new GraphViewport(this, {
      area: GRAPH,
      overview: OVERVIEW,
      world: { width: layout.width, height: layout.height },
      content: this.graph,
      overviewHides: [...titles.values(), ...labels],
      focus: start ?? { x: 0, y: 0, width: 0, height: 0 },
      onHint: (words) => this.keyLine.setText(`${words} · ${KEYS}`),
    });
  }

  private drawEdges(): void {
    const layout = this.layout;
    if (!layout) return;
    const g = this.edgeLayer;
    g.clear();
    const sel = layout.nodes[this.selected];
    for (const edge of layout.edges) {
      const hot = sel && (edge.from === sel.id || edge.to === sel.id);
      g.lineStyle(hot ? 2.5 : 1.2, hot ? num.focus : edge.reachable ? num.dim : num.faint, edge.reachable ? 0.9 : 0.5);
      const points = edge.points;
      if (points.length < 2) continue;
      for (let k = 1; k < points.length; k++) g.lineBetween((points[k - 1] as { x: number }).x, (points[k - 1] as { y: number }).y, (points[k] as { x: number }).x, (points[k] as { y: number }).y);
      const a = points[points.length - 2] as { x: number; y: number };
      const b = points[points.length - 1] as { x: number; y: number };
      const angle = Math.atan2(b.y - a.y, b.x - a.x);
      g.fillStyle(hot ? num.focus : edge.reachable ? num.dim : num.faint, 1);
      g.fillTriangle(b.x, b.y, b.x - 9 * Math.cos(angle - 0.4), b.y - 9 * Math.sin(angle - 0.4), b.x - 9 * Math.cos(angle + 0.4), b.y - 9 * Math.sin(angle + 0.4));
    }
  }

  /** Selects a box; `centre` brings it to the middle of the view (keys do, a click need not). */
  private select(index: number, centre: boolean): void {
    this.selected = index;
    const layout = this.layout;
    const node = layout?.nodes[index];
    if (centre && node) this.viewport?.focus(node);
    for (const [id, box] of this.nodeBoxes) box.setFillStyle(id === node?.id ? num.border : layout?.nodes.find((n) => n.id === id)?.reachable ? num.panelHi : num.bg);
    this.drawEdges();
    if (!layout || !node) {
      this.detail.setText(this.start.entry.ok ? '' : 'Nothing to show until the file loads.');
    } else {
      const title = (id: string) => layout.nodes.find((n) => n.id === id)?.title ?? id;
      const out = layout.edges.filter((e) => e.from === node.id).map((e) => `→ ${title(e.to)}: ${e.labels.join('; ')}`);
      const into = layout.edges.filter((e) => e.to === node.id).length;
      const kind = node.kind === 'any' ? 'from any phase' : node.kind === 'ending' ? `ending (${node.outcome})` : 'phase';
      const head = `${node.title} — ${kind}${node.id === ANY_PHASE ? '' : ` \`${node.id}\``}${node.reachable ? '' : ' — no run can reach it'}`;
      this.detail.setText([head, ...(out.length > 0 ? out.slice(0, 6) : [`${into} way${into === 1 ? '' : 's'} in, none out`]), ...(out.length > 6 ? [`… and ${out.length - 6} more`] : [])].join('\n'));
    }
    this.expose();
  }

  private showProblems(): void {
    const ds = this.start.entry.diagnostics;
    if (ds.length === 0) {
      this.problems.setText('No problems: the file loads and every check passes.').setColor(css.ok);
    } else {
      const shown = ds.slice(this.problemTop, this.problemTop + PROBLEM_LINES).map((d) => `${diagnosticLine(d)}${d.hint ? `\n    ${d.hint}` : ''}`);
      const more = ds.length > this.problemTop + PROBLEM_LINES ? `\n… ${ds.length - this.problemTop - PROBLEM_LINES} more (PgDn)` : '';
      this.problems.setText(shown.join('\n') + more).setColor(css.text);
      // Long hints can push the list past the panel: keep it above the key line.
      this.problems.setCrop(0, 0, 720, HEIGHT - 40 - (PANEL_Y + 26));
    }
    this.expose();
  }

  private expose(): void {
    const layout = this.layout;
    exposeTestHook({
      screen: 'preview',
      scenario: this.start.entry.id,
      file: this.start.entry.file,
      playable: this.start.entry.ok,
      problems: this.start.entry.diagnostics.map(diagnosticLine),
      nodes: layout?.nodes.map((n) => ({ id: n.id, title: n.title, kind: n.kind, reachable: n.reachable })) ?? [],
      edges: layout?.edges.map((e) => ({ from: e.from, to: e.to, labels: e.labels, reachable: e.reachable })) ?? [],
      selected: layout?.nodes[this.selected]?.id ?? null,
      // Where each box and label is on the screen now, read from the graph camera.
      view: () => this.viewport?.state() ?? null,
      boxes: () => Object.fromEntries(layout?.nodes.map((n) => [n.id, this.viewport?.screenRect(n) ?? null]) ?? []),
      labels: () => layout?.edges.map((e) => ({ from: e.from, to: e.to, box: this.viewport?.screenRect(e.labelBox) ?? null })) ?? [],
    });
  }

  private back(): void {
    const start: PickerStart = { scenarioId: this.start.entry.id, mode: this.start.mode, speed: this.start.speed };
    this.scene.start(SCENES.picker, start);
  }

  private play(): void {
    const { entry, seed, mode, speed } = this.start;
    if (!entry.playable || this.starting) return;
    this.starting = true;
    void ensurePlayScenes(this.game).then(() => {
      const start: PlayStart = { playable: entry.playable as NonNullable<LibraryEntry['playable']>, seed, mode, speed };
      this.scene.start(SCENES.desk, start);
    });
  }
}

/** Adds the preview scene once (it brings the loader's analysis with it) and opens it. */
export function openPreview(scene: Phaser.Scene, start: PreviewStart): void {
  if (!scene.game.scene.keys[PREVIEW]) scene.game.scene.add(PREVIEW, PreviewScene, false);
  scene.scene.start(PREVIEW, start);
}
