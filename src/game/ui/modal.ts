/**
 * A modal card over a dimmed desk: briefings, decision prompts, the ending, help. Choices
 * are numbered buttons (number keys pick them; the scene routes keys). The clock may keep
 * running behind it — decisions are made under time pressure, as on a real call.
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
}

export class Modal {
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly buttons: Button[] = [];
  private readonly footer: Phaser.GameObjects.Text | null = null;
  private focus = 0;

  constructor(scene: Phaser.Scene, content: ModalContent) {
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
    let footer: Phaser.GameObjects.Text | null = null;
    if (content.footer !== undefined) {
      footer = scene.add.text(x + 24, 0, content.footer, text(SIZE.small, 'dim', { wordWrap: { width: w - 48 } }));
      footer.setData('dy', y + 2);
      parts.push(footer);
      y += footer.height + 8;
    }
    const h = y + 24;
    const top = content.at ? content.at.y + 20 : Math.max(16, (HEIGHT - h) / 2);
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
      const b = new Button(scene, x + 24, by, w - 48, bh, c.label, c.onPick, { key: c.key, tone: c.tone ?? 'normal', wrap: true });
      by += bh + 6;
      b.setDepth(depth + 1);
      this.buttons.push(b);
    });
    this.footer = footer;
    this.setFocus(0);
  }

  setFooter(value: string): void {
    if (this.footer && this.footer.text !== value) this.footer.setText(value);
  }

  /** Keyboard: move focus among the choices. */
  moveFocus(step: number): void {
    if (this.buttons.length === 0) return;
    this.setFocus((this.focus + step + this.buttons.length) % this.buttons.length);
  }

  pressFocused(): void {
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
  }

  private setFocus(i: number): void {
    this.focus = i;
    this.buttons.forEach((b, j) => b.setFocused(j === i));
  }
}
