/**
 * The pager: when a page fires it flashes, shakes and beeps until acknowledged (key A).
 * Between pages it says so, and keeps the last acknowledged page in view.
 */
import Phaser from 'phaser';
import type { AlertStatus } from '../../sim/alerts.ts';
import { formatClock } from '../ui/format.ts';
import { css, num, SIZE, text } from '../ui/theme.ts';
import { Button } from '../ui/button.ts';
import { panel } from '../ui/panel.ts';
import { fitText, setLines, setText } from '../ui/text-util.ts';

export class Pager {
  private readonly bg: Phaser.GameObjects.Rectangle;
  private readonly headline: Phaser.GameObjects.Text;
  private readonly detail: Phaser.GameObjects.Text;
  private readonly ack: Button;
  private readonly flash: Phaser.Tweens.Tween;
  private ringing = false;
  private readonly x: number;
  private readonly w: number;

  constructor(
    private readonly scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
    onAck: () => void,
  ) {
    this.x = x;
    this.w = w;
    const p = panel(scene, x, y, w, h, 'Pager');
    this.bg = p.bg;
    this.headline = scene.add.text(x + 12, p.top, '', text(SIZE.label, 'text', { fontStyle: '600' }));
    this.detail = scene.add.text(x + 12, p.top + 24, '', text(SIZE.small, 'dim', { wordWrap: { width: w - 24 } }));
    this.ack = new Button(scene, x + 12, y + h - 40, w - 24, 30, 'Acknowledge page', onAck, { key: 'A', tone: 'danger' });
    this.ack.setVisible(false);
    this.flash = scene.tweens.add({ targets: this.bg, alpha: { from: 1, to: 0.55 }, duration: 420, yoyo: true, repeat: -1, paused: true });
  }

  get isRinging(): boolean {
    return this.ringing;
  }

  /**
   * Holds the flashing while the clock is stopped: the page still shows, in its alarm colours,
   * but a paused desk draws nothing new (the flash would otherwise redraw the screen every frame).
   */
  hold(held: boolean): void {
    if (!this.ringing || held === this.flash.isPaused()) return;
    if (held) {
      this.flash.pause();
      this.bg.setAlpha(1);
    } else this.flash.resume();
  }

  update(pager: readonly AlertStatus[], alerts: readonly AlertStatus[]): void {
    const page = pager[0];
    if (page) {
      if (!this.ringing) this.ring();
      fitText(this.headline, `PAGE · ${page.name}`, this.w - 24);
      this.headline.setColor(css.critical);
      const more = pager.length > 1 ? ` (+${pager.length - 1} more)` : '';
      setLines(this.detail, `${page.severity} · fired ${formatClock(page.firedAt ?? page.since)}${more}\n${page.summary || 'No summary.'}`, 2);
      return;
    }
    if (this.ringing) this.silence();
    const last = alerts.filter((a) => a.route === 'page' && a.acked && a.firedAt !== null).sort((a, b) => (b.firedAt ?? 0) - (a.firedAt ?? 0))[0];
    if (last) {
      fitText(this.headline, `Acknowledged · ${last.name}`, this.w - 24);
      this.headline.setColor(css.ok);
      setLines(this.detail, `You own this page. State: ${last.state}.\n${last.summary}`, 4);
    } else {
      setText(this.headline, 'Quiet');
      this.headline.setColor(css.dim);
      setText(this.detail, 'No page waiting. Watch the dashboard; a page will ring here.');
    }
  }

  private ring(): void {
    this.ringing = true;
    this.bg.setFillStyle(0x3a1518);
    this.bg.setStrokeStyle(2, num.critical);
    this.ack.setVisible(true);
    this.flash.resume();
    // A short shake draws the eye without moving the text out of reach.
    this.scene.tweens.add({ targets: [this.headline, this.detail], x: '+=6', duration: 60, yoyo: true, repeat: 3, onComplete: () => this.resetX() });
  }

  private resetX(): void {
    this.headline.setX(this.x + 12);
    this.detail.setX(this.x + 12);
  }

  private silence(): void {
    this.ringing = false;
    this.flash.pause();
    this.bg.setAlpha(1);
    this.bg.setFillStyle(num.panel);
    this.bg.setStrokeStyle(1, num.border);
    this.ack.setVisible(false);
  }
}
