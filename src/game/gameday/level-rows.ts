/**
 * A person's level per dimension as rows of five segments (L1…L5), one row selected:
 * the team debrief's compact form of the single-play dimension chart.
 */
import Phaser from 'phaser';
import type { LevelSummary } from '../../scoring/team.ts';
import { LEVEL_COLOUR } from '../debrief/debrief-view.ts';
import { css, num, SIZE, text } from '../ui/theme.ts';

const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5'];

export class LevelRows {
  private readonly rows: Phaser.GameObjects.Rectangle[] = [];

  constructor(scene: Phaser.Scene, x: number, y: number, w: number, summary: LevelSummary, onSelect: (i: number) => void) {
    const rowH = 38;
    const segX = x + 150;
    const segW = 34;
    LEVELS.forEach((l, i) => scene.add.text(segX + i * (segW + 4) + segW / 2, y - 18, l, text(SIZE.small, 'faint')).setOrigin(0.5, 0));
    summary.dimensions.forEach((dim, r) => {
      const ry = y + r * rowH;
      const row = scene.add.rectangle(x - 6, ry, w, rowH - 2, num.panel).setOrigin(0).setStrokeStyle(1, num.panel);
      row.setInteractive({ useHandCursor: true }).on('pointerdown', () => onSelect(r));
      this.rows.push(row);
      scene.add.text(x, ry + 9, dim.title, text(SIZE.label, 'text', { fontStyle: '600' }));
      const reached = dim.level ? LEVELS.indexOf(dim.level) : -1;
      const colour = dim.level ? Phaser.Display.Color.HexStringToColor(LEVEL_COLOUR[dim.level] ?? css.text).color : num.border;
      LEVELS.forEach((_, i) => {
        const filled = i <= reached;
        scene.add.rectangle(segX + i * (segW + 4), ry + 8, segW, 20, filled ? colour : 0x0b1016, filled ? 0.9 : 1).setOrigin(0).setStrokeStyle(1, num.border);
      });
      scene.add.text(segX + 5 * (segW + 4) + 6, ry + 9, dim.level ?? 'not observed', text(SIZE.small, dim.level ? 'text' : 'faint'));
    });
  }

  select(i: number): void {
    this.rows.forEach((r, j) => {
      r.setFillStyle(j === i ? num.panelHi : num.panel);
      r.setStrokeStyle(j === i ? 2 : 1, j === i ? num.focus : num.panel);
    });
  }
}
