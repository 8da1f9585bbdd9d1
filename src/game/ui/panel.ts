/** A titled panel frame: the box every desk section sits in. */
import type Phaser from 'phaser';
import { num, SIZE, text } from './theme.ts';

export interface PanelFrame {
  bg: Phaser.GameObjects.Rectangle;
  title: Phaser.GameObjects.Text;
  /** Top of the content area below the title. */
  top: number;
}

export function panel(scene: Phaser.Scene, x: number, y: number, w: number, h: number, title: string): PanelFrame {
  const bg = scene.add.rectangle(x, y, w, h, num.panel).setOrigin(0).setStrokeStyle(1, num.border);
  const t = scene.add.text(x + 12, y + 8, title.toUpperCase(), text(SIZE.small, 'dim', { fontStyle: '600', letterSpacing: 0 }));
  return { bg, title: t, top: y + 32 };
}

/** The desk's reminder of its main keys, for a player on day one. */
export function keysCard(scene: Phaser.Scene, x: number, y: number, w: number, h: number): void {
  const p = panel(scene, x, y, w, h, 'Keys');
  const lines = ['A  acknowledge page · Esc  menu', 'Space  pause · - =  speed', 'Tab  side panel · PgUp/PgDn', '/  filter logs · ?  all keys'];
  scene.add.text(x + 12, p.top - 2, lines.join('\n'), text(SIZE.small, 'dim', { lineSpacing: 5 }));
}
