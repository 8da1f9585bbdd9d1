/**
 * A bottom-anchored feed of entries — messages, findings, log lines — newest at the bottom
 * like a chat or a terminal, scrollable back in time. Text objects are made only for the
 * entries in view and kept by key, so a new log line costs one new Text, not a redraw of
 * the whole panel.
 */
import type Phaser from 'phaser';
import { setLines } from '../ui/text-util.ts';
import { css, mono, SIZE, text } from '../ui/theme.ts';

export interface FeedEntry {
  key: string;
  head: string;
  headColour: string;
  body: string;
  bodyColour?: string;
}

interface Drawn {
  head: Phaser.GameObjects.Text;
  body: Phaser.GameObjects.Text;
  height: number;
}

export interface FeedOptions {
  /** Head in a fixed column left of the body (log lines) instead of above it (messages). */
  inlineHead?: number;
  monospace?: boolean;
  gap?: number;
  empty?: string;
}

export class FeedView {
  private entries: readonly FeedEntry[] = [];
  private readonly drawn = new Map<string, Drawn>();
  private readonly emptyText: Phaser.GameObjects.Text;
  private readonly moreText: Phaser.GameObjects.Text;
  private visible = true;
  /** Entries hidden below the view (0 = pinned to the newest). */
  private scroll = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly h: number,
    private readonly options: FeedOptions = {},
  ) {
    this.emptyText = scene.add.text(x, y, options.empty ?? '', text(SIZE.body, 'faint', { wordWrap: { width: w } }));
    this.moreText = scene.add.text(x + w, y + h, '', text(SIZE.small, 'accent', { backgroundColor: '#151c25' })).setOrigin(1, 1).setDepth(5);
  }

  setEntries(entries: readonly FeedEntry[]): void {
    const changed = entries !== this.entries;
    this.entries = entries;
    if (changed) this.layout();
  }

  /** Scrolls by entries: negative goes back in time. Returns false if already at the end. */
  scrollBy(n: number): boolean {
    const before = this.scroll;
    this.scroll = Math.max(0, Math.min(Math.max(0, this.entries.length - 1), this.scroll - n));
    if (this.scroll !== before) this.layout();
    return this.scroll !== before;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.layout();
  }

  private style(colour: string, size: number = SIZE.small) {
    return this.options.monospace ? mono(size, colour) : text(size, colour);
  }

  private make(e: FeedEntry): Drawn {
    const inline = this.options.inlineHead ?? 0;
    const head = this.scene.add.text(this.x, 0, e.head, { ...this.style(e.headColour), wordWrap: { width: inline || this.w, useAdvancedWrap: true } });
    const bodyWidth = inline ? this.w - inline : this.w;
    const body = this.scene.add.text(inline ? this.x + inline : this.x, 0, e.body, {
      ...this.style(e.bodyColour ?? css.text, this.options.monospace ? SIZE.small : SIZE.body),
      wordWrap: { width: bodyWidth, useAdvancedWrap: true },
    });
    let height = inline ? Math.max(head.height, body.height) : head.height + 2 + body.height;
    if (height > this.h) {
      // An entry taller than the whole panel (a 500-character log line) is cut to fit,
      // with an ellipsis: left whole it would never fit, and the panel would show nothing.
      const room = this.h - (inline ? 0 : head.height + 2);
      const lineHeight = body.height / Math.max(1, body.getWrappedText(e.body).length);
      setLines(body, e.body, Math.max(1, Math.floor(room / lineHeight)));
      height = inline ? Math.max(head.height, body.height) : head.height + 2 + body.height;
    }
    return { head, body, height };
  }

  private layout(): void {
    const gap = this.options.gap ?? 8;
    const used = new Set<string>();
    let bottom = this.y + this.h;
    const last = this.entries.length - 1 - this.scroll;
    if (this.visible) {
      for (let i = last; i >= 0; i--) {
        const e = this.entries[i] as FeedEntry;
        let d = this.drawn.get(e.key);
        if (!d) {
          d = this.make(e);
          this.drawn.set(e.key, d);
        }
        const top = bottom - d.height;
        if (top < this.y) break;
        d.head.setY(top).setVisible(true);
        d.body.setY(this.options.inlineHead ? top : top + d.head.height + 2).setVisible(true);
        used.add(e.key);
        bottom = top - gap;
      }
    }
    for (const [key, d] of this.drawn) {
      if (used.has(key)) continue;
      d.head.destroy();
      d.body.destroy();
      this.drawn.delete(key);
    }
    this.emptyText.setVisible(this.visible && this.entries.length === 0);
    const more = this.scroll > 0 ? `↓ ${this.scroll} newer (PgDn)` : '';
    if (this.moreText.text !== more) this.moreText.setText(more);
    this.moreText.setVisible(this.visible && this.scroll > 0);
  }
}
