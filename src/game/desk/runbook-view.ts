/**
 * A runbook rendered from markdown into Phaser Text: headings, lists, tables, code, bold
 * and italic, laid out by markdown-layout.ts and scrolled by line. The file's text is only
 * ever text — no HTML is involved anywhere on the way to the screen.
 */
import type Phaser from 'phaser';
import { parseMarkdown } from './markdown.ts';
import { headingStart, layoutBlocks, type Run, type RunStyle } from './markdown-layout.ts';
import { css, FONT, MONO, mono, num, SIZE, text } from '../ui/theme.ts';

const STYLE: Record<RunStyle, { size: number; colour: string; weight?: string; italic?: boolean; mono?: boolean; lh: number }> = {
  h1: { size: 20, colour: css.text, weight: '600', lh: 30 },
  h2: { size: 18, colour: css.text, weight: '600', lh: 27 },
  h3: { size: 16, colour: css.accent, weight: '600', lh: 24 },
  body: { size: 15, colour: css.text, lh: 22 },
  bold: { size: 15, colour: '#ffffff', weight: '600', lh: 22 },
  italic: { size: 15, colour: css.text, italic: true, lh: 22 },
  quote: { size: 15, colour: css.dim, italic: true, lh: 22 },
  marker: { size: 15, colour: css.accent, lh: 22 },
  code: { size: 14, colour: '#ffd9a0', mono: true, lh: 22 },
  pre: { size: 14, colour: '#ffd9a0', mono: true, lh: 20 },
  rule: { size: 15, colour: css.border, lh: 22 },
  label: { size: 15, colour: css.dim, lh: 22 },
};

function cssFont(style: RunStyle): string {
  const s = STYLE[style];
  return `${s.italic ? 'italic ' : ''}${s.weight ?? '400'} ${s.size}px ${s.mono ? MONO : FONT}`;
}

let measureCtx: CanvasRenderingContext2D | null = null;
function measure(value: string, style: RunStyle): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return value.length * 8;
  measureCtx.font = cssFont(style);
  return measureCtx.measureText(value).width;
}

export class RunbookView {
  private objects: Phaser.GameObjects.GameObject[] = [];
  private placed: Array<{ run: Run; obj: Phaser.GameObjects.Text | Phaser.GameObjects.Rectangle | undefined; h: number }> = [];
  private scroll = 0;
  private height = 0;
  private visible = true;
  private source = '';
  private readonly scrollHint: Phaser.GameObjects.Text;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly h: number,
  ) {
    this.scrollHint = scene.add.text(x + w, y + h, '', text(SIZE.small, 'accent', { backgroundColor: '#151c25' })).setOrigin(1, 1).setDepth(5);
  }

  /** Shows a runbook (markdown); keeps the scroll position if it is the same one. */
  show(markdown: string): void {
    if (markdown === this.source) return;
    this.source = markdown;
    for (const o of this.objects) o.destroy();
    this.objects = [];
    this.placed = [];
    this.scroll = 0;
    const { runs, height } = layoutBlocks(parseMarkdown(markdown), this.w - 8, measure, {
      lineHeight: (s) => STYLE[s].lh,
      blockGap: 8,
      indent: 20,
    });
    this.height = height;
    // Text objects are made when a run first scrolls into view: a long runbook costs its
    // layout, not thousands of textures nobody looks at.
    this.placed = runs.map((run) => ({ run, obj: undefined, h: run.style === 'rule' ? 1 : STYLE[run.style].lh }));
    this.place();
  }

  private draw(run: Run): Phaser.GameObjects.Text | Phaser.GameObjects.Rectangle {
    if (run.style === 'rule') return this.scene.add.rectangle(this.x, 0, this.w - 8, 1, num.border).setOrigin(0);
    const s = STYLE[run.style];
    const extra: Phaser.Types.GameObjects.Text.TextStyle = {};
    if (s.weight) extra.fontStyle = s.italic ? `italic ${s.weight}` : s.weight;
    else if (s.italic) extra.fontStyle = 'italic';
    if (run.style === 'pre' || run.style === 'code') extra.backgroundColor = '#0b1016';
    if (run.style === 'pre') extra.fixedWidth = this.w - 8 - run.x;
    return this.scene.add.text(this.x + run.x, 0, run.text, s.mono ? mono(s.size, s.colour, extra) : text(s.size, s.colour, extra));
  }

  scrollBy(lines: number): void {
    const max = Math.max(0, this.height - this.h + 20);
    let next = Math.max(0, Math.min(max, this.scroll + lines * 22));
    // Never start the view on the second line of a wrapped heading: back up to its first.
    const start = headingStart(this.placed.map((p) => p.run), next, (style) => STYLE[style].lh);
    if (start !== null && (lines < 0 || start > this.scroll)) next = start;
    if (next !== this.scroll) {
      this.scroll = next;
      this.place();
    }
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.place();
  }

  private place(): void {
    for (const p of this.placed) {
      const top = this.y + p.run.y - this.scroll;
      const inside = this.visible && top >= this.y - 1 && top + p.h <= this.y + this.h + 1;
      if (inside && !p.obj) {
        p.obj = this.draw(p.run);
        this.objects.push(p.obj);
      }
      if (!p.obj) continue;
      p.obj.setVisible(inside);
      if (inside) p.obj.setY(top + (p.run.style === 'rule' ? 0 : (p.h - STYLE[p.run.style].size * 1.3) / 2));
    }
    const more = this.scroll + this.h < this.height - 4;
    const label = more ? '↓ more (PgDn)' : '';
    if (this.scrollHint.text !== label) this.scrollHint.setText(label);
    this.scrollHint.setVisible(this.visible && more);
  }
}
