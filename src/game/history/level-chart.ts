/**
 * One small progress chart: a level (L1–L5) per run, oldest on the left, joined by a line;
 * a run that did not show the level leaves a gap rather than a fake zero.
 */
import type Phaser from 'phaser';
import { LEVEL_COLOUR } from '../debrief/debrief-view.ts';
import { num, css, SIZE, text } from '../ui/theme.ts';

const hex = (s: string) => parseInt(s.slice(1), 16);

export class LevelChart {
  readonly objects: Phaser.GameObjects.GameObject[] = [];

  constructor(scene: Phaser.Scene, x: number, y: number, w: number, h: number, title: string, points: ReadonlyArray<number | null>, big: boolean) {
    const bg = scene.add.rectangle(x, y, w, h, num.panel).setOrigin(0).setStrokeStyle(1, num.border);
    const head = scene.add.text(x + 10, y + 6, title, text(big ? SIZE.label : SIZE.small, 'text', { fontStyle: '600' }));
    const g = scene.add.graphics();
    this.objects.push(bg, head, g);
    const L = x + 36;
    const R = x + w - 14;
    const T = y + (big ? 34 : 30);
    const B = y + h - 10;
    const yOf = (level: number) => B - ((level - 1) / 4) * (B - T);
    for (let level = 1; level <= 5; level++) {
      const yy = Math.round(yOf(level)) + 0.5;
      g.lineStyle(1, 0x223040, 1).lineBetween(L, yy, R, yy);
      // Two labels are enough on the small charts; the big one names every level.
      if (big || level === 1 || level === 5) this.objects.push(scene.add.text(x + 8, yy, `L${level}`, text(SIZE.small, 'dim')).setOrigin(0, 0.5));
    }
    const n = points.length;
    const xOf = (i: number) => (n <= 1 ? (L + R) / 2 : L + (i / (n - 1)) * (R - L));
    g.lineStyle(2, hex(css.accent), 0.8);
    let prev: [number, number] | null = null;
    points.forEach((p, i) => {
      if (p === null) {
        prev = null;
        return;
      }
      const pt: [number, number] = [xOf(i), yOf(p)];
      if (prev) g.lineBetween(prev[0], prev[1], pt[0], pt[1]);
      prev = pt;
    });
    points.forEach((p, i) => {
      if (p === null) return;
      g.fillStyle(hex(LEVEL_COLOUR[`L${p}`] ?? css.text), 1).fillCircle(xOf(i), yOf(p), big ? 5 : 4);
    });
  }
}
