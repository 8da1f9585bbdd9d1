/**
 * The status-update composer: a keyboard-first card over the desk. Four fields (who is
 * affected, what we know, what we are doing, next update), a few numbered choices each,
 * nothing pre-selected; Enter sends once all four are chosen, Esc cancels. The engine
 * checks what was said against the run (src/sim/status-update.ts); the composer only
 * collects it. Choices can be clicked too. The single-player desk holds its clock while the
 * composer is open: the action's cost already stands for the time writing takes. A team
 * desk cannot (the facilitator runs the clock), and says so in a note.
 */
import Phaser from 'phaser';
import type { StatusUpdateContent } from '../../scenario/schema/index.ts';
import { UPDATE_FIELDS, type UpdateField } from '../../sim/status-update.ts';
import { css, HEIGHT, num, SIZE, text, WIDTH } from '../ui/theme.ts';
import { complete, composerKey, FIELD_TITLES, fieldChoices, openComposer, type ComposerState } from './composer-state.ts';

const W = 860;
const DEPTH = 130;

export class StatusComposer {
  private state: ComposerState | null = null;
  private label = '';
  private readonly objects: Phaser.GameObjects.GameObject[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly send: (action: string, update: StatusUpdateContent) => void,
    /** A line under the intro: a team desk says its clock keeps running (single play holds it). */
    private readonly note = '',
  ) {}

  /** True while the composer is open (it takes every key). */
  get open(): boolean {
    return this.state !== null;
  }

  /** The action being composed, or null when closed. */
  get action(): string | null {
    return this.state?.action ?? null;
  }

  /** Opens the composer for a status-update action, empty. */
  show(action: string, label: string): void {
    this.state = openComposer(action);
    this.label = label;
    this.draw();
  }

  /** Handles a key while open; returns false when closed (the desk handles it). */
  key(e: KeyboardEvent): boolean {
    if (!this.state) return false;
    if (e.repeat) return true;
    this.apply(composerKey(this.state, e.key, e.shiftKey));
    return true;
  }

  private apply(step: ReturnType<typeof composerKey>): void {
    if (step.type === 'cancel') return this.close();
    if (step.type === 'send') {
      this.close();
      this.send(step.action, step.update);
      return;
    }
    if (step.type === 'state') {
      this.state = step.state;
      this.draw();
    }
  }

  /** Closes without sending (the drill ended, or the seat can no longer post). */
  hide(): void {
    this.close();
  }

  private close(): void {
    this.state = null;
    this.clear();
  }

  private clear(): void {
    for (const o of this.objects) o.destroy();
    this.objects.length = 0;
  }

  private add<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.objects.push(o);
    return o;
  }

  private draw(): void {
    this.clear();
    const state = this.state;
    if (!state) return;
    const s = this.scene;
    const x = (WIDTH - W) / 2;
    const rows: Phaser.GameObjects.GameObject[] = [];
    let y = 0;
    const place = <T extends Phaser.GameObjects.Text>(t: T, dy = 0): T => {
      t.setY(y + dy);
      rows.push(t);
      return t;
    };
    const kicker = place(this.add(s.add.text(x + 24, 0, 'STATUS UPDATE', text(SIZE.small, 'accent', { fontStyle: '600' }))));
    y += kicker.height + 4;
    const title = place(this.add(s.add.text(x + 24, 0, this.label, text(SIZE.title + 2, 'text', { fontStyle: '600' }))));
    y += title.height + 6;
    const intro = place(this.add(s.add.text(x + 24, 0, 'Say what is true right now: the update is checked against what the desk shows.', text(SIZE.body, 'dim'))));
    y += intro.height + 14;
    if (this.note) {
      const note = place(this.add(s.add.text(x + 24, 0, this.note, text(SIZE.body, 'warning'))), -8);
      y += note.height + 8;
    }
    UPDATE_FIELDS.forEach((field: UpdateField, i) => {
      const focused = i === state.focus;
      const picked = state.picks[field];
      const head = place(
        this.add(s.add.text(x + 24, 0, `${focused ? '›' : ' '} ${FIELD_TITLES[field]}${picked ? '' : '  — choose one'}`, text(SIZE.label, focused ? 'text' : 'dim', { fontStyle: '600' }))),
      );
      y += head.height + 6;
      let cx = x + 44;
      let rowH = 0;
      fieldChoices(field).forEach((choice, k) => {
        const chosen = picked === choice.value;
        const chip = this.add(
          s.add.text(cx, 0, `${k + 1}  ${choice.label}`, text(SIZE.body, chosen ? 'bg' : 'text', {
            backgroundColor: chosen ? css.accent : focused ? css.panelHi : css.bg,
            padding: { x: 10, y: 6 },
          })),
        );
        if (cx + chip.width > x + W - 24) {
          y += rowH + 6;
          cx = x + 44;
          chip.setX(cx);
          rowH = 0;
        }
        place(chip);
        chip.setInteractive({ useHandCursor: true }).on('pointerdown', () => {
          if (!this.state) return;
          this.state = { ...this.state, focus: i };
          this.apply(composerKey(this.state, String(k + 1)));
        });
        cx += chip.width + 8;
        rowH = Math.max(rowH, chip.height);
      });
      y += rowH + 14;
    });
    const ready = complete(state);
    const foot = place(
      this.add(
        s.add.text(x + 24, 0, ready ? 'Enter  send the update      Esc  cancel' : '↑ ↓  field      1–4  choose      Enter  send (all four chosen)      Esc  cancel', text(SIZE.body, ready ? 'accent' : 'dim', { fontStyle: ready ? '600' : 'normal' })),
      ),
    );
    y += foot.height + 18;
    const top = Math.max(40, (HEIGHT - y) / 2);
    const card = this.add(s.add.rectangle(x, top - 18, W, y + 18, num.panel, 1).setOrigin(0).setStrokeStyle(2, num.accent));
    card.setDepth(DEPTH);
    card.setInteractive(); // swallows clicks meant for the desk below
    for (const o of rows) {
      const t = o as Phaser.GameObjects.Text;
      t.setY(top + t.y).setDepth(DEPTH + 1);
    }
  }
}
