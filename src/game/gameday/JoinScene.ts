/**
 * Joining a game day: the room code (typed, or filled in from a `#join/CODE` link), the
 * name the team will see, and a seat. No account: the browser keeps a key so that the
 * same laptop gets its seat back after a drop.
 */
import Phaser from 'phaser';
import { exposeTestHook } from '../browser/test-hook.ts';
import { SCENES } from '../boot/play.ts';
import { Button } from '../ui/button.ts';
import { fitText, setText } from '../ui/text-util.ts';
import { css, HEIGHT, mono, num, SIZE, text, WIDTH } from '../ui/theme.ts';
import { joinRoom, rememberedName, rememberedSeat, roomServerUrl } from '../browser/room-client.ts';
import { applyJoinKey, initialJoinForm, joinProblem, SEAT_DUTIES, SEAT_TITLES, SEATS, type JoinForm } from './join-form.ts';
import { GAMEDAY_SCENES } from './scenes.ts';
import type { DeskStart, JoinStart } from './starts.ts';

const SEAT_W = 232;

export class JoinScene extends Phaser.Scene {
  private form!: JoinForm;
  private codeBox!: Button;
  private nameBox!: Button;
  private seats: Array<{ box: Phaser.GameObjects.Rectangle; title: Phaser.GameObjects.Text; duty: Phaser.GameObjects.Text }> = [];
  private joinButton!: Button;
  private status!: Phaser.GameObjects.Text;
  private busy = false;

  constructor() {
    super(GAMEDAY_SCENES.join);
  }

  create(data: JoinStart = {}): void {
    this.busy = false;
    const kept = data.code ? rememberedSeat(data.code) : null;
    this.form = initialJoinForm(data.code ?? '', kept?.name ?? rememberedName());
    if (kept) this.form = { ...this.form, seat: kept.seat, focus: 'join' };
    this.cameras.main.setBackgroundColor(css.bg);
    this.add.text(40, 28, 'JOIN A GAME DAY', text(SIZE.small, 'critical', { fontStyle: '600' }));
    this.add.text(40, 48, 'Take a seat in the drill', text(SIZE.big + 4, 'text', { fontStyle: '600' }));
    this.add.text(40, 88, 'Type the code on the facilitator\'s screen, the name your team will see, and pick a seat. No account needed.', text(SIZE.body, 'dim', { wordWrap: { width: WIDTH - 80 } }));

    this.add.text(40, 132, 'ROOM CODE', text(SIZE.small, 'dim', { fontStyle: '600' }));
    this.codeBox = new Button(this, 40, 154, 300, 56, '', () => this.setForm({ ...this.form, focus: 'code' }), { size: SIZE.big });
    this.codeBox.label.setStyle(mono(SIZE.big + 4, 'text', { fontStyle: '600' }));
    this.add.text(380, 132, 'YOUR NAME', text(SIZE.small, 'dim', { fontStyle: '600' }));
    this.nameBox = new Button(this, 380, 154, 420, 56, '', () => this.setForm({ ...this.form, focus: 'name' }), { size: SIZE.big });

    this.add.text(40, 240, 'YOUR SEAT · ←/→ or 1–5', text(SIZE.small, 'dim', { fontStyle: '600' }));
    this.seats = SEATS.map((seat, i) => {
      const x = 40 + i * (SEAT_W + 10);
      const box = this.add.rectangle(x, 262, SEAT_W, 190, num.panel).setOrigin(0).setStrokeStyle(1, num.border).setInteractive({ useHandCursor: true });
      box.on('pointerdown', () => this.setForm({ ...this.form, seat, focus: 'seat' }));
      this.add.text(x + 12, 272, String(i + 1), text(SIZE.small, 'text', { backgroundColor: '#2b3848', padding: { x: 5, y: 1 }, fontStyle: '600' }));
      const title = this.add.text(x + 40, 270, SEAT_TITLES[seat], text(SIZE.title, 'text', { fontStyle: '600' }));
      const duty = this.add.text(x + 12, 306, SEAT_DUTIES[seat], text(SIZE.body, 'dim', { wordWrap: { width: SEAT_W - 24 }, lineSpacing: 3 }));
      return { box, title, duty };
    });
    this.joinButton = new Button(this, 40, 476, 580, 50, 'Join the room', () => this.join(), { key: 'Enter', tone: 'primary', size: SIZE.label });
    this.status = this.add.text(40, 546, data.notice ?? '', text(SIZE.body, 'warning', { wordWrap: { width: WIDTH - 80 } }));
    new Button(this, 40, HEIGHT - 34, 200, 28, 'Back to scenarios', () => this.back(), { key: 'Esc', size: SIZE.small });
    this.add.text(260, HEIGHT - 20, 'Tab or ↑/↓ next field · type to fill it · Enter join', text(SIZE.small, 'faint')).setOrigin(0, 0.5);

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,BACKSPACE');
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || this.busy) return;
      const { form, effect } = applyJoinKey(this.form, e.key, e.shiftKey);
      this.setForm(form);
      if (effect === 'join') this.join();
      else if (effect === 'back') this.back();
    });
    this.setForm(this.form);
    // This browser sat in this room before (a reload, a dropped laptop): take the seat back.
    if (kept) this.join();
  }

  private setForm(form: JoinForm): void {
    this.form = form;
    const caret = (on: boolean) => (on ? '▏' : '');
    this.codeBox.setText(`${form.code || (form.focus === 'code' ? '' : '····')}${caret(form.focus === 'code')}`).setFocused(form.focus === 'code');
    this.nameBox.setText(`${form.name}${caret(form.focus === 'name')}`).setFocused(form.focus === 'name');
    fitText(this.nameBox.label, this.nameBox.label.text, 400);
    this.seats.forEach((s, i) => {
      const on = SEATS[i] === form.seat;
      s.box.setFillStyle(on ? num.panelHi : num.panel).setStrokeStyle(on ? 2 : 1, on && form.focus === 'seat' ? num.focus : on ? num.accent : num.border);
      s.title.setColor(on ? css.text : css.dim);
    });
    this.joinButton.setFocused(form.focus === 'join').setEnabled(!this.busy && joinProblem(form) === '');
    if (form.problem) {
      setText(this.status, form.problem);
      this.status.setColor(css.warning);
    }
    this.expose();
  }

  private expose(): void {
    exposeTestHook({ screen: 'gameday-join', code: this.form.code, name: this.form.name, seat: this.form.seat, focus: this.form.focus, status: this.status.text });
  }

  private join(): void {
    if (this.busy || joinProblem(this.form)) return;
    this.busy = true;
    const { code, name, seat } = this.form;
    setText(this.status, `Joining room ${code}…`);
    this.status.setColor(css.dim);
    this.expose();
    void joinRoom(roomServerUrl(), code, { name: name.trim(), seat })
      .then((connection) => {
        history.replaceState(null, '', `${location.pathname}${location.search}#join/${code}`);
        const start: DeskStart = { connection };
        this.scene.start(GAMEDAY_SCENES.desk, start);
      })
      .catch((error: unknown) => {
        this.busy = false;
        setText(this.status, error instanceof Error ? error.message : String(error));
        this.status.setColor(css.critical);
        this.setForm(this.form);
      });
  }

  private back(): void {
    if (location.hash.startsWith('#join')) history.replaceState(null, '', location.pathname + location.search);
    this.scene.start(SCENES.picker, {});
  }
}
