/**
 * The action palette: what the player can do now, grouped investigate / mitigate /
 * escalate / communicate, each action a chip with its key and its sim-time cost. Chips
 * flow like words in a paragraph so a scenario with forty actions still fits; an action
 * that is done and cannot be repeated leaves the palette (its result is in Findings).
 * What the player is busy with sits on top; the hovered action's description at the bottom.
 */
import Phaser from 'phaser';
import type { ActionKind } from '../../scenario/schema/index.ts';
import type { ActionView, RunSnapshot } from '../../sim/snapshot.ts';
import { formatDuration } from '../ui/format.ts';
import { keyLabel } from '../ui/keymap.ts';
import { css, num, SIZE, text } from '../ui/theme.ts';
import { panel } from '../ui/panel.ts';
import { fitText, setText } from '../ui/text-util.ts';

export const KIND_COLOUR: Record<ActionKind, string> = {
  investigate: '#5aa9ff',
  mitigate: '#ffb547',
  communicate: '#4cc38a',
  escalate: '#c792ea',
};
const KIND_ORDER: ActionKind[] = ['investigate', 'mitigate', 'escalate', 'communicate'];
const KIND_HINT: Record<ActionKind, string> = {
  investigate: 'INVESTIGATE',
  mitigate: 'MITIGATE',
  escalate: 'ESCALATE',
  communicate: 'COMMUNICATE',
};
const ROW = 25;
const CHIP_H = 22;
const GAP = 6;
/** Widest a chip may be, so one long label cannot take a whole row. */
const MAX_CHIP = 360;

interface Chip {
  id: string;
  box: Phaser.GameObjects.Rectangle;
  cap: Phaser.GameObjects.Text;
  label: Phaser.GameObjects.Text;
  cost: Phaser.GameObjects.Text;
  width: number;
  view: ActionView | null;
}

export class ActionPalette {
  private readonly chips = new Map<string, Chip>();
  private readonly tags = new Map<ActionKind, Phaser.GameObjects.Text>();
  private readonly busy: Phaser.GameObjects.Text;
  private readonly busyBar: Phaser.GameObjects.Rectangle;
  private readonly busyTrack: Phaser.GameObjects.Rectangle;
  private readonly describe: Phaser.GameObjects.Text;
  private readonly overflow: Phaser.GameObjects.Text;
  private readonly top: number;
  private hovered: ActionView | null = null;
  private lastKey = '';
  /** Left edge of the part of the panel the chips use: moves right while a decision is docked over the rest. */
  private fx: number;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly h: number,
    actions: ReadonlyArray<{ id: string; kind: ActionKind; label: string; cost: number }>,
    keys: ReadonlyMap<string, string>,
    private readonly onAct: (id: string) => void,
  ) {
    this.fx = x;
    const p = panel(scene, x, y, w, h, 'Actions');
    this.busy = scene.add.text(x + 92, y + 8, '', text(SIZE.small, 'text'));
    this.busyTrack = scene.add.rectangle(x + w - 172, y + 12, 160, 8, 0x0b1016).setOrigin(0);
    this.busyBar = scene.add.rectangle(x + w - 172, y + 12, 0, 8, num.accent).setOrigin(0);
    this.top = p.top;
    this.describe = scene.add.text(x + 12, y + h - 25, '', text(SIZE.small, 'dim'));
    this.overflow = scene.add.text(x + w - 12, y + h - 25, '', text(SIZE.small, 'warning')).setOrigin(1, 0);
    for (const kind of KIND_ORDER) this.tags.set(kind, scene.add.text(0, 0, KIND_HINT[kind], text(SIZE.small, KIND_COLOUR[kind], { fontStyle: '600' })).setVisible(false));
    for (const a of actions) this.chips.set(a.id, this.makeChip(a, keys.get(a.id)));
    this.showDescription();
  }

  private makeChip(a: { id: string; kind: ActionKind; label: string; cost: number }, key: string | undefined): Chip {
    const s = this.scene;
    const colour = Phaser.Display.Color.HexStringToColor(KIND_COLOUR[a.kind]).color;
    const box = s.add.rectangle(0, 0, 10, CHIP_H, num.panelHi).setOrigin(0).setStrokeStyle(1, colour, 0.55).setVisible(false);
    const cap = s.add.text(0, 0, key ? keyLabel(key) : '·', text(SIZE.small, 'text', { backgroundColor: '#2b3848', padding: { x: 4, y: 1 }, fontStyle: '600' })).setVisible(false);
    const cost = s.add.text(0, 0, formatDuration(a.cost), text(SIZE.small, 'dim')).setVisible(false);
    const label = s.add.text(0, 0, '', text(SIZE.small, 'text')).setVisible(false);
    const room = MAX_CHIP - cap.width - cost.width - 26;
    fitText(label, a.label, room);
    const chip: Chip = { id: a.id, box, cap, label, cost, width: cap.width + label.width + cost.width + 26, view: null };
    box.setSize(chip.width, CHIP_H);
    box.setInteractive({ useHandCursor: true });
    box.on('pointerdown', () => chip.view?.available && this.onAct(chip.id));
    box.on('pointerover', () => {
      this.hovered = chip.view;
      this.showDescription();
      box.setStrokeStyle(2, num.focus);
    });
    box.on('pointerout', () => {
      if (this.hovered === chip.view) this.hovered = null;
      this.showDescription();
      box.setStrokeStyle(1, colour, 0.55);
    });
    return chip;
  }

  /** What the palette shows now: each visible chip's key cap and label as drawn, and the busy line. */
  get shown(): { chips: Array<{ key: string; label: string }>; busy: string } {
    const chips = [...this.chips.values()].filter((c) => c.box.visible).map((c) => ({ key: c.cap.text, label: c.label.text, y: c.box.y, x: c.box.x }));
    chips.sort((a, b) => a.y - b.y || a.x - b.x);
    return { chips: chips.map(({ key, label }) => ({ key, label })), busy: this.busy.text };
  }

  /**
   * Gives the chips only the panel's part right of `left` (a decision is docked over the
   * rest), or the whole panel again with `null`.
   */
  dockAt(left: number | null): boolean {
    const fx = left ?? this.x;
    if (fx === this.fx) return false;
    this.fx = fx;
    this.busy.setX(fx + (left === null ? 92 : 12));
    this.busy.setY(this.y + (left === null ? 8 : 32));
    this.describe.setX(fx + 12);
    // Docked beside a decision there is no room for descriptions: the chips keep the space.
    this.describe.setVisible(left === null);
    this.lastKey = '';
    this.showDescription();
    return true;
  }

  update(snap: RunSnapshot): void {
    this.updateBusy(snap);
    // Offered now, or queued; a finished one-off action is no longer available, so it leaves.
    const shown = snap.actions.filter((a) => a.available || a.queued);
    const key = shown.map((a) => `${a.id}${a.available ? 1 : 0}${a.queued ? 1 : 0}`).join(',') + (snap.busy ? 'b' : '') + this.fx;
    if (key === this.lastKey) return;
    this.lastKey = key;
    for (const c of this.chips.values()) this.hideChip(c);
    for (const t of this.tags.values()) t.setVisible(false);
    const left = this.fx + 12;
    const right = this.x + this.w - 12;
    const bottom = this.y + this.h - 30;
    let cx = left;
    // Docked beside a decision, the busy line takes the first row.
    let cy = this.fx === this.x ? this.top : this.top + 22;
    let hidden = 0;
    for (const kind of KIND_ORDER) {
      const list = shown.filter((a) => a.kind === kind);
      if (list.length === 0) continue;
      const tag = this.tags.get(kind) as Phaser.GameObjects.Text;
      if (cx + tag.width > right) {
        cx = left;
        cy += ROW;
      }
      if (cy + CHIP_H <= bottom) tag.setPosition(cx, cy + 3).setVisible(true);
      cx += tag.width + 8;
      for (const a of list) {
        const chip = this.chips.get(a.id);
        if (!chip) continue;
        if (cx + chip.width > right) {
          cx = left + 12;
          cy += ROW;
        }
        if (cy + CHIP_H > bottom) {
          hidden++;
          continue;
        }
        this.placeChip(chip, a, cx, cy, !!snap.busy);
        cx += chip.width + GAP;
      }
      cx += 10;
    }
    setText(this.overflow, hidden > 0 ? `${hidden} more: press ? for every key` : '');
    // The description line shares its row with the overflow note: refit it to what is left.
    this.showDescription();
  }

  private updateBusy(snap: RunSnapshot): void {
    const queued = snap.actions.filter((a) => a.queued).map((a) => a.label);
    const docked = this.fx !== this.x;
    const room = (docked ? this.x + this.w - 12 : this.busyTrack.x - 10) - this.busy.x;
    if (snap.busy) {
      const left = Math.max(0, snap.busy.until - snap.t);
      const total = Math.max(1, snap.busy.until - snap.busy.startedAt);
      fitText(this.busy, `Working: ${snap.busy.label} · ${formatDuration(left)} left${queued.length ? ` · then: ${queued.join(', ')}` : ''}`, room);
      this.busy.setColor(css.accent);
      this.busyBar.width = 160 * (1 - left / total);
      this.busyTrack.setVisible(!docked);
      this.busyBar.setVisible(!docked);
    } else {
      fitText(this.busy, 'Ready. Press an action\'s key (or click it); each costs sim time.', room);
      this.busy.setColor(css.dim);
      this.busyTrack.setVisible(false);
      this.busyBar.setVisible(false);
    }
  }

  private placeChip(c: Chip, a: ActionView, x: number, y: number, busy: boolean): void {
    c.view = a;
    c.box.setPosition(x, y).setVisible(true).setInteractive();
    c.box.setFillStyle(a.queued ? 0x1f4a7a : num.panelHi);
    c.cap.setPosition(x + 4, y + 1).setVisible(true);
    c.label.setPosition(x + 10 + c.cap.width, y + 1).setVisible(true);
    c.cost.setPosition(x + 16 + c.cap.width + c.label.width, y + 1).setVisible(true);
    // While busy, another action queues behind the current one: say so by colour.
    c.cost.setColor(a.queued ? css.accent : busy ? css.warning : css.dim);
  }

  private hideChip(c: Chip): void {
    c.view = null;
    c.box.setVisible(false).disableInteractive();
    c.cap.setVisible(false);
    c.label.setVisible(false);
    c.cost.setVisible(false);
  }

  private showDescription(): void {
    const a = this.hovered;
    const line = a ? `${a.label} — ${a.description || 'no description'} (takes ${formatDuration(a.cost)})` : 'Point at an action to read what it does. Actions run one at a time; the clock never stops for them.';
    fitText(this.describe, line, this.x + this.w - this.fx - 24 - (this.overflow.text ? this.overflow.width + 16 : 0));
  }
}
