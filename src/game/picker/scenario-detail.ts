/**
 * The picker's right-hand panel. For a playable scenario: what it is about and how to
 * play it (mode, speed, seed, Play). For a broken one: its diagnostics, each with file,
 * line and column, what is wrong and how to fix it.
 */
import type Phaser from 'phaser';
import { location, runLength, type Listing } from './listing.ts';
import { MODES, SPEED_CHOICES, type PickerState } from './picker-state.ts';
import type { Mode, Speed } from '../run/session.ts';
import { css, mono, num, SIZE, text } from '../ui/theme.ts';
import { Button } from '../ui/button.ts';
import { setLines, setText } from '../ui/text-util.ts';

export interface DetailActions {
  onMode: (mode: Mode) => void;
  onSpeed: (speed: Speed) => void;
  onNewSeed: () => void;
  onSeedFocus: () => void;
  onPlay: () => void;
}

const MODE_TEXT: Record<Mode, string> = {
  practice: 'Practice — a coach comments after each choice',
  assessed: 'Assessed — no hints; all feedback waits for the debrief',
};

export class ScenarioDetail {
  private readonly title: Phaser.GameObjects.Text;
  private readonly about: Phaser.GameObjects.Text;
  private readonly controls: Phaser.GameObjects.GameObject[] = [];
  private readonly modes: Button[];
  private readonly speeds: Button[];
  private readonly seedBox: Button;
  private readonly newSeed: Button;
  private readonly play: Button;
  private readonly labels: Phaser.GameObjects.Text[] = [];
  private diag: Phaser.GameObjects.Text[] = [];
  /** The problem lines on screen now ("file:line:col severity code — message"), for tests. */
  shown: string[] = [];
  private diagScroll = 0;
  private entry: Listing | null = null;
  private readonly diagTop: number;
  /** Where the summary must end, above the mode buttons. */
  private readonly aboutBottom: number;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly x: number,
    private readonly y: number,
    private readonly w: number,
    private readonly h: number,
    actions: DetailActions,
  ) {
    scene.add.rectangle(x, y, w, h, num.panel).setOrigin(0).setStrokeStyle(1, num.border);
    this.title = scene.add.text(x + 20, y + 16, '', text(SIZE.big - 2, 'text', { fontStyle: '600', wordWrap: { width: w - 40 } }));
    this.about = scene.add.text(x + 20, y + 52, '', text(SIZE.body, 'text', { wordWrap: { width: w - 40 }, lineSpacing: 3 }));
    this.diagTop = y + 52;
    const cy = y + 236;
    this.aboutBottom = cy - 12;
    this.labels.push(scene.add.text(x + 20, cy, 'MODE', text(SIZE.small, 'dim', { fontStyle: '600' })));
    this.modes = MODES.map((m, i) => new Button(scene, x + 20 + i * 284, cy + 22, 276, 36, m === 'practice' ? 'Practice (coaching)' : 'Assessed', () => actions.onMode(m), { align: 'center' }));
    this.labels.push(scene.add.text(x + 20, cy + 64, '', text(SIZE.small, 'dim')));
    this.labels.push(scene.add.text(x + 20, cy + 96, 'SPEED', text(SIZE.small, 'dim', { fontStyle: '600' })));
    this.speeds = SPEED_CHOICES.map((s, i) => new Button(scene, x + 20 + i * 142, cy + 118, 134, 34, `${s}×`, () => actions.onSpeed(s), { align: 'center' }));
    this.labels.push(scene.add.text(x + 20, cy + 166, 'SEED (same seed + same choices = same run)', text(SIZE.small, 'dim', { fontStyle: '600' })));
    this.seedBox = new Button(scene, x + 20, cy + 188, 200, 36, '', () => actions.onSeedFocus(), { size: SIZE.label });
    this.newSeed = new Button(scene, x + 228, cy + 188, 150, 36, 'New seed', () => actions.onNewSeed(), { align: 'center' });
    this.play = new Button(scene, x + w - 200, cy + 188, 180, 36, 'Play  ▶', () => actions.onPlay(), { tone: 'primary', align: 'center', size: SIZE.label });
    this.labels.push(scene.add.text(x + w - 20, y + h - 14, '', text(SIZE.small, 'faint')).setOrigin(1, 1));
  }

  show(entry: Listing | null, state: PickerState): void {
    const changed = entry !== this.entry;
    this.entry = entry;
    const playable = !!entry?.ok;
    for (const b of [...this.modes, ...this.speeds, this.seedBox, this.newSeed, this.play]) b.setVisible(playable);
    for (const l of this.labels) l.setVisible(playable);
    void this.controls;
    if (!entry) {
      setText(this.title, 'No scenarios');
      setText(this.about, 'The scenarios folder is empty. Drop a scenario file here to play it.');
      return;
    }
    // A long title takes two lines at most, and the text below moves down to make room.
    setLines(this.title, entry.title, 2);
    this.about.setY(this.title.y + this.title.height + 6);
    if (playable) {
      setLines(
        this.about,
        [
          entry.summary,
          '',
          `Service: ${entry.service}${entry.slo ? ` · SLO ${entry.slo}` : ''}`,
          `Difficulty: ${entry.difficulty} · ${entry.shift ? `a shift of ${entry.shift} of sim time, ` : ''}${runLength(entry)}`,
          entry.tags.length ? `Tags: ${entry.tags.join(', ')}` : '',
        ].join('\n'),
        Math.max(1, Math.floor((this.aboutBottom - this.about.y) / (this.about.getTextMetrics().fontSize + this.about.lineSpacing))),
      );
      this.clearDiagnostics();
      this.modes.forEach((b, i) => b.setSelected(MODES[i] === state.mode).setFocused(state.focus === 'mode' && MODES[i] === state.mode));
      setText(this.labels[1] as Phaser.GameObjects.Text, MODE_TEXT[state.mode]);
      setText(this.labels[2] as Phaser.GameObjects.Text, entry.tickSeconds ? `SPEED (1× = ${entry.tickSeconds} sim-second${entry.tickSeconds === 1 ? '' : 's'} per real second in this scenario)` : 'SPEED');
      this.speeds.forEach((b, i) => b.setSelected(SPEED_CHOICES[i] === state.speed).setFocused(state.focus === 'speed' && SPEED_CHOICES[i] === state.speed));
      this.seedBox.setText(state.focus === 'seed' ? `${state.seed}▌` : state.seed || '0').setFocused(state.focus === 'seed');
      this.newSeed.setFocused(false);
      this.play.setFocused(state.focus === 'play');
      const warnings = entry.diagnostics.length;
      setText(this.labels[4] as Phaser.GameObjects.Text, warnings ? `${warnings} warning${warnings === 1 ? '' : 's'} from the checker` : 'Checked: no problems');
      return;
    }
    setText(this.about, '');
    if (changed) {
      this.diagScroll = 0;
      this.drawDiagnostics();
    }
  }

  scroll(lines: number): void {
    if (!this.entry || this.entry.ok) return;
    const max = Math.max(0, this.entry.diagnostics.length - 1);
    this.diagScroll = Math.max(0, Math.min(max, this.diagScroll + Math.sign(lines)));
    this.drawDiagnostics();
  }

  private clearDiagnostics(): void {
    for (const t of this.diag) t.destroy();
    this.diag = [];
    this.shown = [];
  }

  private drawDiagnostics(): void {
    this.clearDiagnostics();
    const e = this.entry;
    if (!e) return;
    const s = this.scene;
    const width = this.w - 40;
    const errors = e.diagnostics.filter((d) => d.severity === 'error').length;
    const head = s.add.text(this.x + 20, this.diagTop, `This scenario cannot be played: ${errors} error${errors === 1 ? '' : 's'}. Fix them in the file and load it again.`, text(SIZE.body, 'critical', { wordWrap: { width } }));
    this.diag.push(head);
    let y = this.diagTop + head.height + 12;
    const list = e.diagnostics.slice(this.diagScroll);
    for (const d of list) {
      if (y > this.y + this.h - 60) break;
      const colour = d.severity === 'error' ? css.critical : d.severity === 'warning' ? css.warning : css.info;
      const where = s.add.text(this.x + 20, y, `${location(d)}  ${d.severity} ${d.code}`, mono(SIZE.small, colour, { fontStyle: '600' }));
      const msg = s.add.text(this.x + 20, y + where.height + 2, d.message, text(SIZE.body, 'text', { wordWrap: { width } }));
      this.diag.push(where, msg);
      this.shown.push(`${where.text} — ${d.message}`);
      y += where.height + msg.height + 4;
      if (d.hint) {
        const hint = s.add.text(this.x + 20, y, `Fix: ${d.hint}`, text(SIZE.small, 'dim', { wordWrap: { width } }));
        this.diag.push(hint);
        y += hint.height;
      }
      y += 12;
    }
    const more = e.diagnostics.length - this.diagScroll - list.length;
    const shownAll = y <= this.y + this.h - 60;
    if (!shownAll || this.diagScroll > 0 || more > 0) {
      const t = s.add.text(this.x + this.w - 20, this.y + this.h - 14, `problem ${this.diagScroll + 1} of ${e.diagnostics.length} · PgUp/PgDn or the wheel to scroll`, text(SIZE.small, 'accent')).setOrigin(1, 1);
      this.diag.push(t);
    }
  }
}
