/**
 * A modal card over a dimmed desk — briefings, the pause menu, the ending, help — or a
 * docked, undimmed decision card. Choices are numbered buttons (the scene routes keys). A
 * decision is choose-then-confirm: a number or click marks an answer, Enter commits it.
 */
import Phaser from 'phaser';
import { HEIGHT, num, SIZE, text, WIDTH } from './theme.ts';
import { Button, KEYCAP_ROOM } from './button.ts';

export interface ModalChoice {
  label: string;
  key: string;
  onPick: () => void;
  tone?: 'normal' | 'primary' | 'danger';
}

export interface ModalContent {
  kicker?: string;
  kickerColour?: string;
  title: string;
  body: string;
  choices: ModalChoice[];
  /** A line under the choices (deadline, hint). */
  footer?: string;
  width?: number;
  /** Leave the desk visible (no dim) and usable, for decisions taken while work goes on. */
  light?: boolean;
  /** Place the card's top-left here instead of centring it. */
  at?: { x: number; y: number };
  /** With `at`, grow the card upwards from this y instead of downwards from `at.y`. */
  bottom?: number;
  /**
   * Choose, then confirm: a choice's key or click only marks it, and this button (Enter)
   * commits the marked one. Nothing is marked when the card opens.
   */
  confirm?: { label: string; onConfirm: (index: number) => void };
}

export class Modal {
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly buttons: Button[] = [];
  private readonly footer: Phaser.GameObjects.Text | null = null;
  private focus = 0;
  private marked = -1;
  private confirmButton: Button | null = null;
  private readonly content: ModalContent;

  constructor(scene: Phaser.Scene, content: ModalContent) {
    this.content = content;
    const depth = 100;
    // A light modal (a decision) leaves the desk in full view: dimming 1280×720 with alpha
    // costs a software renderer a frame. An unrendered zone still swallows clicks below.
    if (!content.light) {
      const dim = scene.add.rectangle(0, 0, WIDTH, HEIGHT, 0x05080c, 0.78).setOrigin(0).setDepth(depth);
      dim.setInteractive(); // swallows clicks meant for the desk below
      this.objects.push(dim);
    }
    const w = content.width ?? 640;
    const x = content.at?.x ?? (WIDTH - w) / 2;
    const parts: Phaser.GameObjects.Text[] = [];
    let y = 0;
    if (content.kicker) {
      const k = scene.add.text(x + 24, 0, content.kicker.toUpperCase(), text(SIZE.small, content.kickerColour ?? 'accent', { fontStyle: '600', wordWrap: { width: w - 48, useAdvancedWrap: true } }));
      parts.push(k);
      y += k.height + 6;
    }
    const title = scene.add.text(x + 24, 0, content.title, text(SIZE.title + 2, 'text', { fontStyle: '600', wordWrap: { width: w - 48 } }));
    title.setData('dy', y);
    parts.push(title);
    y += title.height + 10;
    const body = scene.add.text(x + 24, 0, content.body, text(SIZE.body, 'text', { wordWrap: { width: w - 48 }, lineSpacing: 4 }));
    body.setData('dy', y);
    parts.push(body);
    y += content.body ? body.height + 18 : 4;
    const choiceTop = y;
    // Long answers wrap: measure each label at the width it will have, then size its button.
    const heights = content.choices.map((c) => {
      const probe = scene.add.text(0, 0, c.label, text(SIZE.body, 'text', { wordWrap: { width: w - 48 - KEYCAP_ROOM - 10 } }));
      const bh = Math.max(content.light ? 32 : 38, probe.height + 12);
      probe.destroy();
      return bh;
    });
    y += heights.reduce((a, b) => a + b + 6, 0);
    const confirmTop = y;
    if (content.confirm) y += 32 + 8;
    let footer: Phaser.GameObjects.Text | null = null;
    if (content.footer !== undefined) {
      footer = scene.add.text(x + 24, 0, content.footer, text(SIZE.small, 'dim', { wordWrap: { width: w - 48 } }));
      footer.setData('dy', y + 2);
      parts.push(footer);
      y += footer.height + 8;
    }
    const h = y + 24;
    const top = content.at ? (content.bottom !== undefined ? Math.max(56, content.bottom - h) : content.at.y + 20) : Math.max(16, (HEIGHT - h) / 2);
    const card = scene.add.rectangle(x, top - 20, w, h + 20, num.panel).setOrigin(0).setStrokeStyle(content.light ? 3 : 2, content.light ? num.warning : num.accent).setDepth(depth);
    // A drop shadow sets a light modal apart from the busy desk behind it.
    const shadow = scene.add.rectangle(x + 8, top - 12, w, h + 20, 0x000000, 0.5).setOrigin(0).setDepth(depth - 1);
    this.objects.push(shadow, card);
    let dy = 0;
    for (const t of parts) {
      dy = (t.getData('dy') as number | undefined) ?? dy;
      t.setY(top + dy).setDepth(depth + 1);
      this.objects.push(t);
    }
    let by = top + choiceTop;
    content.choices.forEach((c, i) => {
      const bh = heights[i] as number;
      const pick = content.confirm ? () => this.mark(i) : c.onPick;
      const b = new Button(scene, x + 24, by, w - 48, bh, c.label, pick, { key: c.key, tone: c.tone ?? 'normal', wrap: true });
      by += bh + 6;
      b.setDepth(depth + 1);
      this.buttons.push(b);
    });
    if (content.confirm) {
      const confirm = content.confirm;
      this.confirmButton = new Button(scene, x + 24, top + confirmTop, w - 48, 32, confirm.label, () => this.confirm(), { key: 'Enter', tone: 'primary' });
      this.confirmButton.setDepth(depth + 1).setEnabled(false);
    }
    this.footer = footer;
    // A decision opens with nothing marked and nothing focused: no key can commit an answer
    // the player did not pick.
    this.setFocus(content.confirm ? -1 : 0);
  }

  /** What the card shows: its title and each choice's key cap and label as drawn. */
  get shown(): { title: string; body: string; choices: Array<{ key: string; label: string; marked: boolean }>; confirm: string | null } {
    return {
      title: this.content.title,
      body: this.content.body,
      choices: this.buttons.map((b, i) => ({ key: b.keyText, label: b.label.text, marked: i === this.marked })),
      confirm: this.confirmButton?.isEnabled ? this.confirmButton.label.text : null,
    };
  }

  /** The marked answer of a choose-then-confirm card, or -1. */
  get markedIndex(): number {
    return this.marked;
  }

  /** Marks an answer (choose-then-confirm cards); it is committed only by `confirm`. */
  mark(index: number): void {
    if (!this.content.confirm || !this.buttons[index]) return;
    this.marked = index;
    this.buttons.forEach((b, j) => b.setSelected(j === index));
    this.setFocus(index);
    this.confirmButton?.setEnabled(true).setText(`${this.content.confirm.label} ${index + 1}`);
  }

  /** Commits the marked answer; does nothing while none is marked. */
  confirm(): void {
    if (!this.content.confirm || this.marked < 0) return;
    this.content.confirm.onConfirm(this.marked);
  }

  setFooter(value: string): void {
    if (this.footer && this.footer.text !== value) this.footer.setText(value);
  }

  /** Keyboard: move focus among the choices. */
  moveFocus(step: number): void {
    if (this.buttons.length === 0) return;
    const from = this.focus < 0 ? (step > 0 ? -1 : 0) : this.focus;
    const next = (from + step + this.buttons.length) % this.buttons.length;
    // On a decision, moving marks (still only Enter commits).
    if (this.content.confirm) this.mark(next);
    else this.setFocus(next);
  }

  pressFocused(): void {
    if (this.content.confirm) return this.confirm();
    this.buttons[this.focus]?.press();
  }

  press(index: number): boolean {
    const b = this.buttons[index];
    if (!b) return false;
    b.press();
    return true;
  }

  destroy(): void {
    for (const o of this.objects) o.destroy();
    for (const b of this.buttons) b.destroy();
    this.confirmButton?.destroy();
  }

  private setFocus(i: number): void {
    this.focus = i;
    this.buttons.forEach((b, j) => b.setFocused(j === i));
  }
}
