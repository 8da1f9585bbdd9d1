/**
 * "Host a game day": the facilitator chooses the scenario (those written for teams first),
 * the seed and the speed, and opens a room. The room server answers with a join code and
 * the host's secret; the screen then becomes the facilitator console.
 */
import Phaser from 'phaser';
import { freshSeed } from '../browser/files.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { SCENES } from '../boot/play.ts';
import { bundledListings } from '../picker/bundled.ts';
import type { Listing } from '../picker/listing.ts';
import { Button } from '../ui/button.ts';
import { panel } from '../ui/panel.ts';
import { fitText, setLines, setText } from '../ui/text-util.ts';
import { css, HEIGHT, num, SIZE, text, WIDTH } from '../ui/theme.ts';
import { applyHostKey, HOST_SPEEDS, hostSeed, type HostField, type HostForm } from './host-form.ts';
import { hostRoom, rejoinAsHost, roomServerUrl } from '../browser/room-client.ts';
import { GAMEDAY_SCENES } from './scenes.ts';
import type { ConsoleStart } from './starts.ts';

const ROW_H = 52;
const VISIBLE = 9;

/** Team scenarios first (they declare roles or carry the `team` tag), then the rest of the library. */
export function hostable(listings: readonly Listing[]): Listing[] {
  const ok = listings.filter((l) => l.ok);
  const team = (l: Listing) => (l.tags.includes('team') ? 0 : 1);
  return [...ok].sort((a, b) => team(a) - team(b));
}

export class HostScene extends Phaser.Scene {
  private list: Listing[] = [];
  private form!: HostForm;
  private rows: Array<{ box: Phaser.GameObjects.Rectangle; title: Phaser.GameObjects.Text; meta: Phaser.GameObjects.Text }> = [];
  private about!: Phaser.GameObjects.Text;
  private seedBox!: Button;
  private speeds: Button[] = [];
  private hostButton!: Button;
  private status!: Phaser.GameObjects.Text;
  private first = 0;
  private busy = false;

  constructor() {
    super(GAMEDAY_SCENES.host);
  }

  create(data: { notice?: string; rejoin?: string } = {}): void {
    this.busy = false;
    this.list = hostable(bundledListings());
    this.form = { selected: 0, count: this.list.length, seed: String(freshSeed()), speed: 1, focus: 'scenario' };
    this.cameras.main.setBackgroundColor(css.bg);
    this.add.text(40, 28, 'HOST A GAME DAY', text(SIZE.small, 'critical', { fontStyle: '600' }));
    this.add.text(40, 48, 'Run an incident for your team', text(SIZE.big + 4, 'text', { fontStyle: '600' }));
    this.add.text(40, 88, 'Choose the scenario, seed and speed. You get a join code and a link to show the room; each person joins from their own laptop and picks a seat.', text(SIZE.body, 'dim', { wordWrap: { width: WIDTH - 80 } }));

    const p = panel(this, 40, 130, 560, ROW_H * VISIBLE + 44, 'Scenario · ↑/↓');
    this.rows = [];
    for (let i = 0; i < VISIBLE; i++) {
      const y = p.top + i * ROW_H;
      const box = this.add.rectangle(48, y, 544, ROW_H - 4, num.panel).setOrigin(0).setStrokeStyle(1, num.border).setInteractive({ useHandCursor: true });
      box.on('pointerdown', () => this.setForm({ ...this.form, selected: this.first + i, focus: 'scenario' }));
      this.rows.push({ box, title: this.add.text(60, y + 5, '', text(SIZE.label, 'text', { fontStyle: '600' })), meta: this.add.text(60, y + 26, '', text(SIZE.small, 'dim')) });
    }

    const d = panel(this, 620, 130, 620, 500, 'The drill');
    this.about = this.add.text(636, d.top, '', text(SIZE.body, 'text', { wordWrap: { width: 588 }, lineSpacing: 3 }));
    this.add.text(636, 380, 'SEED (same seed + same choices = same run) · digits edit · Enter new', text(SIZE.small, 'dim', { fontStyle: '600' }));
    this.seedBox = new Button(this, 636, 402, 220, 36, '', () => this.setForm({ ...this.form, focus: 'seed' }), { size: SIZE.label });
    this.add.text(636, 454, 'SPEED (only you change it during the drill) · ←/→', text(SIZE.small, 'dim', { fontStyle: '600' }));
    this.speeds = HOST_SPEEDS.map((s, i) => new Button(this, 636 + i * 119, 476, 111, 34, `${s}×`, () => this.setForm({ ...this.form, speed: s, focus: 'speed' }), { align: 'center' }));
    this.hostButton = new Button(this, 636, 560, 588, 50, 'Open the room and show the join code', () => this.host(), { key: 'Enter', tone: 'primary', size: SIZE.label });
    this.status = this.add.text(40, HEIGHT - 60, data.notice ?? '', text(SIZE.body, 'warning', { wordWrap: { width: WIDTH - 80 } }));
    new Button(this, 40, HEIGHT - 30 - 4, 200, 28, 'Back to scenarios', () => this.back(), { key: 'Esc', size: SIZE.small });
    this.add.text(260, HEIGHT - 20, 'Tab next field · Enter host', text(SIZE.small, 'faint')).setOrigin(0, 0.5);

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,BACKSPACE');
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || this.busy) return;
      const { form, effect } = applyHostKey(this.form, e.key, e.shiftKey);
      this.setForm(form);
      if (effect === 'host') this.host();
      else if (effect === 'back') this.back();
      else if (effect === 'new-seed') this.setForm({ ...this.form, seed: String(freshSeed()) });
    });
    this.setForm(this.form);
    if (data.rejoin) this.rejoin(data.rejoin);
  }

  /** The host's page was reloaded mid-drill: take the facilitator's seat back with the kept secret. */
  private rejoin(code: string): void {
    this.busy = true;
    setText(this.status, `Taking the facilitator's seat back in game day ${code}…`);
    this.status.setColor(css.dim);
    void rejoinAsHost(roomServerUrl(), code)
      .then((connection) => this.scene.start(GAMEDAY_SCENES.console, { connection } satisfies ConsoleStart))
      .catch((error: unknown) => {
        this.busy = false;
        history.replaceState(null, '', location.pathname + location.search);
        setText(this.status, `${error instanceof Error ? error.message : String(error)} You can host a new game day below.`);
        this.status.setColor(css.critical);
        this.setForm(this.form);
      });
  }

  private setForm(form: HostForm): void {
    this.form = form;
    const s = form.selected;
    if (s < this.first) this.first = s;
    if (s >= this.first + VISIBLE) this.first = s - VISIBLE + 1;
    this.rows.forEach((row, i) => {
      const l = this.list[this.first + i];
      for (const o of [row.box, row.title, row.meta]) o.setVisible(!!l);
      if (!l) return;
      const on = this.first + i === s;
      row.box.setFillStyle(on ? num.panelHi : num.panel).setStrokeStyle(on ? 2 : 1, on && form.focus === 'scenario' ? num.focus : on ? num.accent : num.border);
      fitText(row.title, l.title, 520);
      fitText(row.meta, `${l.tags.includes('team') ? 'WRITTEN FOR TEAMS · ' : ''}${l.difficulty} · ~${l.duration ?? '?'} min · ${l.service}`, 520);
      row.meta.setColor(l.tags.includes('team') ? css.ok : css.dim);
    });
    const l = this.list[s];
    setLines(this.about, l ? `${l.title}\n\n${l.summary}\n\n${l.slo ? `SLO: ${l.slo} · shift ${l.shift}` : ''}` : 'No playable scenario in the library.', 9);
    this.seedBox.setText(form.seed || '0').setFocused(form.focus === 'seed');
    this.speeds.forEach((b, i) => b.setSelected(HOST_SPEEDS[i] === form.speed).setFocused(form.focus === 'speed' && HOST_SPEEDS[i] === form.speed));
    this.hostButton.setFocused(form.focus === 'host').setEnabled(!!l && !this.busy);
    exposeTestHook({ screen: 'gameday-host', scenario: l?.id ?? null, seed: hostSeed(form), speed: form.speed, focus: form.focus as HostField, status: this.status?.text ?? '' });
  }

  private host(): void {
    const l = this.list[this.form.selected];
    if (!l || this.busy) return;
    this.busy = true;
    setText(this.status, `Opening a room for ${l.title}…`);
    this.status.setColor(css.dim);
    const seed = hostSeed(this.form);
    const speed = this.form.speed;
    void hostRoom(roomServerUrl(), { scenarioId: l.id, seed, speed })
      .then((hosted) => {
        const start: ConsoleStart = { connection: hosted };
        this.scene.start(GAMEDAY_SCENES.console, start);
      })
      .catch((error: unknown) => {
        this.busy = false;
        setText(this.status, error instanceof Error ? error.message : String(error));
        this.status.setColor(css.critical);
        this.setForm(this.form);
      });
  }

  private back(): void {
    if (this.busy) return;
    this.scene.start(SCENES.picker, {});
  }
}
