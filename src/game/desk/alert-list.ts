/** The alert list: every rule with its state (firing, pending, resolved, ok), severity and route. */
import type Phaser from 'phaser';
import type { AlertStatus } from '../../sim/alerts.ts';
import { formatClock } from '../ui/format.ts';
import { css, SIZE, stateColour, text } from '../ui/theme.ts';
import { panel } from '../ui/panel.ts';
import { fitText, setText } from '../ui/text-util.ts';

const ORDER: Record<string, number> = { firing: 0, pending: 1, resolved: 2, inactive: 3 };
const ROW = 42;

interface Row {
  hit: Phaser.GameObjects.Rectangle;
  alert: AlertStatus | null;
  dot: Phaser.GameObjects.Text;
  name: Phaser.GameObjects.Text;
  state: Phaser.GameObjects.Text;
  detail: Phaser.GameObjects.Text;
}

export class AlertList {
  private readonly rows: Row[] = [];
  private readonly more: Phaser.GameObjects.Text;
  private lastKey = '';

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly w: number,
    h: number,
    onOpen: (alert: AlertStatus) => void = () => undefined,
  ) {
    const p = panel(scene, x, y, w, h, 'Alerts');
    const count = Math.max(1, Math.floor((y + h - p.top - 18) / ROW));
    for (let i = 0; i < count; i++) {
      const ry = p.top + i * ROW;
      // A row with a runbook opens it on a click, as an alert's runbook link does.
      const hit = scene.add.rectangle(x + 4, ry - 2, w - 8, ROW - 2, 0xffffff, 0.001).setOrigin(0);
      const row: Row = {
        hit,
        alert: null,
        dot: scene.add.text(x + 12, ry, '●', text(SIZE.body, 'faint')),
        name: scene.add.text(x + 30, ry, '', text(SIZE.body, 'text')),
        state: scene.add.text(x + w - 12, ry, '', text(SIZE.small, 'faint', { fontStyle: '600' })).setOrigin(1, 0),
        detail: scene.add.text(x + 30, ry + 19, '', text(SIZE.small, 'dim')),
      };
      hit.on('pointerdown', () => row.alert?.runbook && onOpen(row.alert));
      this.rows.push(row);
    }
    this.more = scene.add.text(x + 12, y + h - 22, '', text(SIZE.small, 'dim'));
  }

  update(alerts: readonly AlertStatus[]): void {
    const key = alerts.map((a) => `${a.id}:${a.state}:${a.acked}:${a.since}`).join('|');
    if (key === this.lastKey) return;
    this.lastKey = key;
    const sorted = [...alerts].sort((a, b) => (ORDER[a.state] ?? 9) - (ORDER[b.state] ?? 9) || b.since - a.since);
    this.rows.forEach((row, i) => {
      const a = sorted[i];
      const visible = !!a;
      for (const o of [row.dot, row.name, row.state, row.detail]) o.setVisible(visible);
      row.alert = a ?? null;
      if (a?.runbook) row.hit.setInteractive({ useHandCursor: true });
      else row.hit.disableInteractive();
      if (!a) return;
      const colour = css[stateColour(a.state)];
      row.dot.setColor(colour);
      const label = a.state === 'inactive' ? 'OK' : a.state.toUpperCase();
      setText(row.state, a.state === 'firing' && a.route === 'page' && !a.acked ? 'FIRING · unacked' : label);
      row.state.setColor(colour);
      // An alert with a runbook reads as a link: click it to open the runbook.
      fitText(row.name, a.runbook ? `${a.name} ▸` : a.name, this.w - 42 - row.state.width - 8);
      row.name.setColor(a.runbook ? css.accent : css.text);
      const since = a.state === 'inactive' ? '' : ` · since ${formatClock(a.since)}`;
      setText(row.detail, `${a.severity} · ${a.route}${since}`);
    });
    const hidden = sorted.length - this.rows.length;
    setText(this.more, hidden > 0 ? `+${hidden} more (quiet)` : '');
  }
}
