/**
 * A button that works by mouse and keyboard alike: a box, a label, and an optional key cap
 * showing its shortcut. Focus is drawn with the focus colour so keyboard players can see
 * where Enter will land.
 */
import Phaser from 'phaser';
import { css, num, SIZE, text } from './theme.ts';

export interface ButtonOptions {
  key?: string;
  size?: number;
  tone?: 'normal' | 'primary' | 'danger' | 'quiet';
  align?: 'left' | 'center';
  /** Wrap a long label onto several lines (the box must be tall enough). */
  wrap?: boolean;
}

/** Width a key cap takes before the label, so callers can measure a wrapped label. */
export const KEYCAP_ROOM = 44;

export class Button {
  readonly box: Phaser.GameObjects.Rectangle;
  readonly label: Phaser.GameObjects.Text;
  private readonly keyCap: Phaser.GameObjects.Text | null;
  private enabled = true;
  private focused = false;
  private selected = false;
  private hovered = false;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    readonly w: number,
    readonly h: number,
    label: string,
    private readonly onClick: () => void,
    private readonly options: ButtonOptions = {},
  ) {
    const size = options.size ?? SIZE.body;
    this.box = scene.add.rectangle(x, y, w, h, num.panelHi).setOrigin(0).setStrokeStyle(1, num.border);
    this.box.setInteractive({ useHandCursor: true });
    this.box.on('pointerdown', () => this.enabled && this.onClick());
    this.box.on('pointerover', () => {
      this.hovered = true;
      this.paint();
    });
    this.box.on('pointerout', () => {
      this.hovered = false;
      this.paint();
    });
    let lx = x + 10;
    if (options.key) {
      this.keyCap = scene.add.text(x + 8, y + h / 2, options.key, text(SIZE.small, 'text', { backgroundColor: '#2b3848', padding: { x: 5, y: 1 }, fontStyle: '600' })).setOrigin(0, 0.5);
      lx = x + 8 + this.keyCap.width + 8;
    } else {
      this.keyCap = null;
    }
    const center = options.align === 'center' && !options.key;
    const style = text(size, 'text', options.wrap ? { wordWrap: { width: x + w - lx - 10 } } : {});
    this.label = scene.add.text(center ? x + w / 2 : lx, y + h / 2, label, style).setOrigin(center ? 0.5 : 0, 0.5);
    this.paint();
  }

  /** The key cap's text as drawn ('' without one). */
  get keyText(): string {
    return this.keyCap?.text ?? '';
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  get x(): number {
    return this.box.x;
  }

  get y(): number {
    return this.box.y;
  }

  setEnabled(enabled: boolean): this {
    if (this.enabled !== enabled) {
      this.enabled = enabled;
      this.paint();
    }
    return this;
  }

  setFocused(focused: boolean): this {
    if (this.focused !== focused) {
      this.focused = focused;
      this.paint();
    }
    return this;
  }

  setSelected(selected: boolean): this {
    if (this.selected !== selected) {
      this.selected = selected;
      this.paint();
    }
    return this;
  }

  setText(label: string): this {
    if (this.label.text !== label) this.label.setText(label);
    return this;
  }

  setVisible(visible: boolean): this {
    this.box.setVisible(visible);
    this.label.setVisible(visible);
    this.keyCap?.setVisible(visible);
    if (visible) this.box.setInteractive();
    else this.box.disableInteractive();
    return this;
  }

  setDepth(depth: number): this {
    this.box.setDepth(depth);
    this.label.setDepth(depth + 1);
    this.keyCap?.setDepth(depth + 1);
    return this;
  }

  press(): void {
    if (this.enabled) this.onClick();
  }

  destroy(): void {
    this.box.destroy();
    this.label.destroy();
    this.keyCap?.destroy();
  }

  private paint(): void {
    const tone = this.options.tone ?? 'normal';
    let fill: number = num.panelHi;
    if (tone === 'primary') fill = 0x1f4a7a;
    if (tone === 'danger') fill = 0x6a2326;
    if (tone === 'quiet') fill = num.panel;
    if (this.selected) fill = 0x2a5a8f;
    if (this.hovered && this.enabled) fill = Phaser.Display.Color.ValueToColor(fill).lighten(12).color;
    this.box.setFillStyle(fill);
    this.box.setStrokeStyle(this.focused ? 2 : 1, this.focused ? num.focus : this.selected ? num.accent : num.border);
    const colour = this.enabled ? css.text : css.faint;
    this.label.setColor(colour);
    this.keyCap?.setAlpha(this.enabled ? 1 : 0.45);
  }
}
