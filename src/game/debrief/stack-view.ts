/** A top-anchored list of head + body entries that scrolls by entry: evidence, advice. */
import type Phaser from 'phaser';
import { SIZE, text } from '../ui/theme.ts';

export interface StackEntry {
  head: string;
  body: string;
  colour: string;
}

export class StackView {
  private objects: Phaser.GameObjects.Text[] = [];
  private entries: readonly StackEntry[] = [];
  private first = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly h: number,
  ) {}

  set(entries: readonly StackEntry[]): void {
    this.entries = entries;
    this.first = 0;
    this.draw();
  }

  scroll(step: number): void {
    const next = Math.max(0, Math.min(this.entries.length - 1, this.first + step));
    if (next !== this.first) {
      this.first = next;
      this.draw();
    }
  }

  private draw(): void {
    for (const o of this.objects) o.destroy();
    this.objects = [];
    let y = this.y;
    const bottom = this.y + this.h - 20;
    let shown = 0;
    for (let i = this.first; i < this.entries.length; i++) {
      const e = this.entries[i] as StackEntry;
      const head = this.scene.add.text(this.x, y, e.head, text(SIZE.small, e.colour, { fontStyle: '600', wordWrap: { width: this.w } }));
      const body = this.scene.add.text(this.x, y + head.height + 2, e.body, text(SIZE.small, 'text', { wordWrap: { width: this.w }, lineSpacing: 2 }));
      if (y + head.height + body.height > bottom && shown > 0) {
        head.destroy();
        body.destroy();
        break;
      }
      this.objects.push(head, body);
      y += head.height + body.height + 10;
      shown++;
    }
    const rest = this.entries.length - this.first - shown;
    if (rest > 0 || this.first > 0) {
      const more = this.scene.add.text(this.x + this.w, this.y + this.h, `${this.first + 1}–${this.first + shown} of ${this.entries.length}${rest > 0 ? ' · more below' : ''}`, text(SIZE.small, 'accent')).setOrigin(1, 1);
      this.objects.push(more);
    }
  }
}
