/** Practice mode's coach: a card that slides in after a choice with the scenario's hint, then fades. */
import type Phaser from 'phaser';
import { SIZE, text } from '../ui/theme.ts';
import { fitText } from '../ui/text-util.ts';

export class CoachCard {
  private readonly box: Phaser.GameObjects.Rectangle;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text;
  private readonly hintKeys: Phaser.GameObjects.Text;
  private timer: Phaser.Time.TimerEvent | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly bottom: number,
    private readonly w: number,
  ) {
    this.box = scene.add.rectangle(x, bottom, w, 10, 0x231a33, 0.97).setOrigin(0, 1).setStrokeStyle(2, 0xc792ea).setDepth(50);
    this.title = scene.add.text(x + 14, 0, '', text(SIZE.small, '#c792ea', { fontStyle: '600' })).setDepth(51);
    this.body = scene.add.text(x + 14, 0, '', text(SIZE.body, '#efe6fa', { wordWrap: { width: w - 28 }, lineSpacing: 2 })).setDepth(51);
    this.hintKeys = scene.add.text(x + w - 14, 0, 'Esc closes · kept in Findings', text(SIZE.small, '#b9a3d6')).setOrigin(1, 0).setDepth(51);
    this.hide();
  }

  show(about: string, hint: string): void {
    fitText(this.title, `COACH · after “${about}”`, this.w - 28 - 190);
    this.hintKeys.setY(0);
    this.body.setText(hint);
    const h = this.title.height + this.body.height + 26;
    this.box.setSize(this.w, h).setPosition(this.x, this.bottom);
    this.box.setDisplaySize(this.w, h);
    const top = this.bottom - h;
    this.title.setY(top + 9);
    this.hintKeys.setY(top + 9);
    this.body.setY(top + 9 + this.title.height + 4);
    for (const o of [this.box, this.title, this.body, this.hintKeys]) o.setVisible(true).setAlpha(0);
    this.scene.tweens.add({ targets: [this.box, this.title, this.body, this.hintKeys], alpha: 1, duration: 200 });
    this.timer?.remove();
    // Long enough to read twice at a calm pace; Esc closes it sooner.
    this.timer = this.scene.time.delayedCall(Math.min(20000, 6000 + hint.length * 60), () => this.fade());
  }

  get visible(): boolean {
    return this.box.visible;
  }

  hide(): void {
    this.timer?.remove();
    this.timer = null;
    for (const o of [this.box, this.title, this.body, this.hintKeys]) o.setVisible(false);
  }

  private fade(): void {
    this.scene.tweens.add({ targets: [this.box, this.title, this.body, this.hintKeys], alpha: 0, duration: 400, onComplete: () => this.hide() });
  }
}

