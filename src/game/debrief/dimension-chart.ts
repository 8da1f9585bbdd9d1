/**
 * The per-dimension chart of the debrief: one row per ladder dimension, five segments
 * L1–L5 filled up to the level reached, a mark where an anti-pattern capped it, and
 * "not observed" where nothing showed either way.
 */
import Phaser from 'phaser';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { LEVEL_COLOUR } from './debrief-view.ts';
import { css, num, SIZE, text } from '../ui/theme.ts';

const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5'];

export class DimensionChart {
  private readonly rows: Phaser.GameObjects.Rectangle[] = [];

  constructor(scene: Phaser.Scene, x: number, y: number, w: number, d: Debrief, onSelect: (i: number) => void) {
    const rowH = 42;
    const segX = x + 148;
    const segW = 38;
    LEVELS.forEach((l, i) => scene.add.text(segX + i * (segW + 4) + segW / 2, y - 20, l, text(SIZE.small, 'faint')).setOrigin(0.5, 0));
    d.dimensions.forEach((dim, r) => {
      const ry = y + r * rowH;
      const row = scene.add.rectangle(x - 6, ry, w, rowH - 2, num.panel).setOrigin(0).setStrokeStyle(1, num.panel);
      row.setInteractive({ useHandCursor: true }).on('pointerdown', () => onSelect(r));
      this.rows.push(row);
      scene.add.text(x, ry + 2, dim.title, text(SIZE.label, 'text', { fontStyle: '600' }));
      scene.add.text(x, ry + 21, dim.group, text(SIZE.small, 'faint'));
      const reached = dim.level ? LEVELS.indexOf(dim.level) : -1;
      const colour = dim.level ? Phaser.Display.Color.HexStringToColor(LEVEL_COLOUR[dim.level] ?? css.text).color : num.border;
      LEVELS.forEach((_, i) => {
        const filled = i <= reached;
        scene.add.rectangle(segX + i * (segW + 4), ry + 8, segW, 22, filled ? colour : 0x0b1016, filled ? 0.9 : 1).setOrigin(0).setStrokeStyle(1, num.border);
      });
      const capped = dim.cap && dim.supported && LEVELS.indexOf(dim.cap) < LEVELS.indexOf(dim.supported);
      if (capped) {
        const cx = segX + (LEVELS.indexOf(dim.cap as string) + 1) * (segW + 4) - 2;
        scene.add.rectangle(cx, ry + 4, 3, 32, num.critical).setOrigin(0.5, 0);
      }
      const label = dim.level ? `${dim.level}${capped ? ' ⚠ capped' : ''}` : 'not observed';
      scene.add.text(segX + 5 * (segW + 4) + 6, ry + 10, label, text(SIZE.small, capped ? 'critical' : dim.level ? 'text' : 'faint'));
    });
  }

  select(i: number): void {
    this.rows.forEach((r, j) => {
      r.setFillStyle(j === i ? num.panelHi : num.panel);
      r.setStrokeStyle(j === i ? 2 : 1, j === i ? num.focus : num.panel);
    });
  }
}
