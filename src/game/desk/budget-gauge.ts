/**
 * The error-budget gauge: minutes left of the window's budget, a bar split into what was
 * spent before the shift, what this incident spent and what is left, the burn rates and
 * the time to exhaustion at the current rate. It drains while the player reads.
 */
import type Phaser from 'phaser';
import type { BudgetView } from '../../sim/snapshot.ts';
import { formatBudgetTime, formatBurn, formatDuration, formatPercent } from '../ui/format.ts';
import { css, num, SIZE, text } from '../ui/theme.ts';
import { panel } from '../ui/panel.ts';
import { setText } from '../ui/text-util.ts';

export class BudgetGauge {
  private readonly left: Phaser.GameObjects.Text;
  private readonly of: Phaser.GameObjects.Text;
  private readonly spent: Phaser.GameObjects.Text;
  private readonly burn: Phaser.GameObjects.Text;
  private readonly exhaustion: Phaser.GameObjects.Text;
  private readonly bar: Phaser.GameObjects.Graphics;
  private readonly subtitle: Phaser.GameObjects.Text;
  private readonly barX: number;
  private readonly barY: number;
  private readonly barW: number;

  constructor(
    private readonly scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
  ) {
    const p = panel(scene, x, y, w, h, 'Error budget');
    this.subtitle = scene.add.text(x + 12, p.top - 2, '', text(SIZE.small, 'dim'));
    this.left = scene.add.text(x + 12, p.top + 16, '', text(SIZE.big, 'ok', { fontStyle: '600' }));
    this.of = scene.add.text(x + 12, p.top + 25, '', text(SIZE.small, 'dim'));
    this.barX = x + 12;
    this.barY = p.top + 50;
    this.barW = w - 24;
    this.bar = scene.add.graphics();
    this.spent = scene.add.text(x + 12, p.top + 69, '', text(SIZE.small, 'text'));
    this.burn = scene.add.text(x + 12, p.top + 89, '', text(SIZE.small, 'text'));
    this.exhaustion = scene.add.text(x + 12, p.top + 109, '', text(SIZE.small, 'text', { fontStyle: '600' }));
    void h;
  }

  update(b: BudgetView): void {
    const window = formatDuration(b.windowSeconds).replace(/^30d$/, '30-day');
    setText(this.subtitle, `${b.slo} SLO ${formatPercent(b.objective)} · ${window} window`);
    const leftFraction = Math.max(0, 1 - b.spent);
    const tone = leftFraction <= 0.25 ? 'critical' : leftFraction <= 0.5 ? 'warning' : 'ok';
    setText(this.left, `${formatBudgetTime(b.remainingSeconds)} left`);
    this.left.setColor(css[tone]);
    setText(this.of, `of ${formatBudgetTime(b.budgetSeconds)}`);
    this.of.setX(this.left.x + this.left.width + 10);

    const g = this.bar;
    g.clear();
    const h = 14;
    g.fillStyle(0x0b1016).fillRect(this.barX, this.barY, this.barW, h);
    const before = Math.min(1, b.spentAtStart);
    const now = Math.min(1, b.spent);
    g.fillStyle(0x4a5566).fillRect(this.barX, this.barY, this.barW * before, h);
    g.fillStyle(num.critical).fillRect(this.barX + this.barW * before, this.barY, this.barW * Math.max(0, now - before), h);
    g.fillStyle(num[tone], 0.35).fillRect(this.barX + this.barW * now, this.barY, this.barW * (1 - now), h);
    g.lineStyle(1, num.border).strokeRect(this.barX, this.barY, this.barW, h);

    const thisRun = Math.max(0, b.spent - b.spentAtStart);
    setText(this.spent, `Spent ${formatPercent(b.spent)} — ${formatPercent(thisRun)} in this incident`);
    setText(this.burn, `Burn rate ${formatBurn(b.burnRate5m)} (5 min) · ${formatBurn(b.burnRate1h)} (1 h)`);
    this.burn.setColor(b.burnRate5m >= 14.4 ? css.critical : b.burnRate5m > 1 ? css.warning : css.text);
    if (b.spent >= 1) {
      setText(this.exhaustion, 'Budget exhausted');
      this.exhaustion.setColor(css.critical);
    } else if (Number.isFinite(b.exhaustionSeconds)) {
      setText(this.exhaustion, `Gone in ${formatDuration(b.exhaustionSeconds)} at this rate`);
      this.exhaustion.setColor(b.exhaustionSeconds < 3600 ? css.critical : css.warning);
    } else {
      setText(this.exhaustion, 'Not burning faster than the SLO allows');
      this.exhaustion.setColor(css.ok);
    }
    void this.scene;
  }
}
