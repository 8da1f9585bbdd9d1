/**
 * The debrief: the level the player acted at, each dimension with the evidence behind
 * it, the choices against the error budget, key times, what the next level up would have
 * done, the scenario's L5 reference run beside the player's, and exports. Everything shown
 * comes from the scoring layer's debrief model. A run just played is kept in history.
 */
import Phaser from 'phaser';
import { listenKeys } from '../ui/key-input.ts';
import { buildDebrief } from '../../scoring/debrief.ts';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { debriefToJson, debriefToMarkdown } from '../../scoring/export.ts';
import { transcriptOf } from '../../sim/runner.ts';
import { adviceLines, evidenceLines, exportName, headlineText, keyTimeLines, LEVEL_COLOUR, subline } from './debrief-view.ts';
import { downloadText } from '../browser/files.ts';
import { SCENES, type DebriefStart, type HistoryStart, type PickerStart, type PlayStart } from '../boot/play.ts';
import { browserStore } from '../browser/storage.ts';
import { addRun, entryOf } from '../run/history.ts';
import { divergences, playGhost } from './ghost.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { BudgetTimeline } from './budget-timeline.ts';
import { Button } from '../ui/button.ts';
import { DimensionChart } from './dimension-chart.ts';
import { panel } from '../ui/panel.ts';
import { StackView } from './stack-view.ts';
import { fitText, setLines } from '../ui/text-util.ts';

export class DebriefScene extends Phaser.Scene {
  private start!: DebriefStart;
  private debrief!: Debrief;
  private dims!: DimensionChart;
  private evidence!: StackView;
  private advice!: StackView;
  private evidenceTitle!: Phaser.GameObjects.Text;
  private buttons: Button[] = [];
  private focus = 0;
  private selected = 0;
  private exports: Array<{ name: string; length: number }> = [];
  private notice = '';
  /** How many moments the ghost panel calls out (read by the tests). */
  private parted = 0;

  constructor() {
    super(SCENES.debrief);
  }

  init(data: DebriefStart): void {
    this.start = data;
    this.buttons = [];
    this.focus = 0;
    this.exports = [];
    this.notice = data.notice ?? '';
  }

  create(): void {
    const { session, playable } = this.start;
    this.debrief = buildDebrief(playable.scenario, transcriptOf(session.run, session.choices));
    const d = this.debrief;
    if (!this.start.origin) this.keep();
    this.cameras.main.setBackgroundColor(css.bg);

    const kind = this.start.origin === 'history' ? 'FROM YOUR HISTORY' : this.start.origin === 'import' ? 'IMPORTED AND REPLAYED' : 'RUN';
    this.add.text(24, 14, `DEBRIEF · ${this.start.mode.toUpperCase()} ${kind}`, text(SIZE.small, 'dim', { fontStyle: '600' }));
    if (this.notice) this.add.text(1256, 14, this.notice, text(SIZE.small, 'warning', { align: 'right', wordWrap: { width: 820 } })).setOrigin(1, 0);
    const colour = d.overall.level ? (LEVEL_COLOUR[d.overall.level] ?? css.text) : css.dim;
    const head = this.add.text(24, 34, headlineText(d), text(SIZE.huge, colour, { fontStyle: '600' }));
    if (head.width > 1232) head.setFontSize(32);
    fitText(this.add.text(24, 92, '', text(SIZE.small, 'dim')), subline(d), 1232);
    const why = this.add.text(24, 114, d.overall.explanation, text(SIZE.small, 'text', { wordWrap: { width: 1232 }, lineSpacing: 2 }));
    setLines(why, d.overall.explanation, 3);

    const p = panel(this, 16, 176, 480, 436, 'Level by dimension · ↑/↓ shows the evidence');
    this.dims = new DimensionChart(this, 28, p.top + 18, 456, d, (i) => this.select(i));

    const ghost = playGhost(playable.scenario, d.seed);
    const t = panel(this, 504, 176, 760, 262, ghost ? `Your run beside the ${ghost.level} reference, on the same clock` : 'Your choices against the error budget');
    new BudgetTimeline(this, 512, t.top - 4, 744, 208, session.run.recorder.timeView(), session.run.recorder.view('budget.spent'), d, ghost);

    const e = panel(this, 504, 446, 374, 166, 'Evidence');
    this.evidenceTitle = e.title;
    this.evidence = new StackView(this, 516, e.top, 350, 128);
    const parted = ghost ? divergences(d, ghost.debrief, ghost.level) : [];
    const next = d.nextLevel.target ? `What ${d.nextLevel.target} would have done` : 'The next level up';
    panel(this, 886, 446, 378, 166, ghost ? `Where you parted from ${ghost.level} · ←/→` : `${next} · ←/→`);
    this.advice = new StackView(this, 898, e.top, 354, 128);
    const partedLines = parted.map((p) => ({ head: `Where you parted from ${ghost?.level ?? 'L5'}`, body: p.text, colour: p.harmful ? css.critical : '#f778ba' }));
    if (ghost && parted.length === 0) partedLines.push({ head: `Beside ${ghost.level}`, body: `You made the same choices as the ${ghost.level} reference, at about the same times.`, colour: '#f778ba' });
    const advice = adviceLines(d).map((l) => (ghost ? { ...l, head: `${next} · ${l.head}` } : l));
    this.advice.set([...partedLines, ...advice]);
    this.parted = parted.length;

    this.add.text(24, 622, keyTimeLines(d).join('   ·   '), text(SIZE.small, 'text', { wordWrap: { width: 1232 } }));
    const specs: Array<[string, string, () => void]> = [
      ['Export JSON', 'J', () => this.export('json')],
      ['Export Markdown', 'M', () => this.export('md')],
      ['Play again, same seed', 'R', () => this.replay()],
      ['History and progress', 'H', () => this.toHistory()],
      ['Back to scenarios', 'P', () => this.toPicker()],
    ];
    specs.forEach(([label, key, fn], i) => this.buttons.push(new Button(this, 24 + i * 248, 664, 236, 40, label, fn, { key, tone: i === 2 ? 'primary' : 'normal' })));

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,PAGE_UP,PAGE_DOWN');
    listenKeys(this, (ev) => this.onKey(ev), { repeats: (ev) => ev.key.startsWith('Arrow') || ev.key.startsWith('Page') });
    const firstObserved = d.dimensions.findIndex((x) => x.evidence.length > 0);
    this.select(Math.max(0, firstObserved));
    this.setFocus(0);
    this.expose();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'j') return this.export('json');
    if (k === 'm') return this.export('md');
    if (k === 'r') return this.replay();
    if (k === 'h') return this.toHistory();
    if (k === 'p' || e.key === 'Escape') return this.toPicker();
    if (e.key === 'ArrowDown') return this.select((this.selected + 1) % 9);
    if (e.key === 'ArrowUp') return this.select((this.selected + 8) % 9);
    if (e.key === 'PageDown') return this.evidence.scroll(1);
    if (e.key === 'PageUp') return this.evidence.scroll(-1);
    if (e.key === 'ArrowRight') return this.advice.scroll(1);
    if (e.key === 'ArrowLeft') return this.advice.scroll(-1);
    if (e.key === 'Tab') return this.setFocus((this.focus + (e.shiftKey ? 4 : 1)) % 5);
    if (e.key === 'Enter' || e.key === ' ') this.buttons[this.focus]?.press();
  }

  private select(i: number): void {
    this.selected = i;
    const dim = this.debrief.dimensions[i];
    if (!dim) return;
    this.dims.select(i);
    this.evidenceTitle.setText(`EVIDENCE · ${dim.title.toUpperCase()} · ${dim.level ?? 'NOT OBSERVED'}`);
    this.evidence.set(evidenceLines(this.debrief, dim.dimension));
  }

  private setFocus(i: number): void {
    this.focus = i;
    this.buttons.forEach((b, j) => b.setFocused(j === i));
  }

  private export(kind: 'json' | 'md'): void {
    const body = kind === 'json' ? debriefToJson(this.debrief) : debriefToMarkdown(this.debrief);
    const name = exportName(this.debrief, kind);
    downloadText(name, body, kind === 'json' ? 'application/json' : 'text/markdown');
    this.exports.push({ name, length: body.length });
    this.expose();
  }

  private replay(): void {
    const start: PlayStart = { playable: this.start.playable, seed: this.debrief.seed, mode: this.start.mode, speed: this.start.session.config.speed };
    this.scene.start(SCENES.desk, start);
  }

  private toPicker(): void {
    const s = this.start.session.config;
    this.scene.start(SCENES.picker, { scenarioId: this.start.playable.scenario.id, mode: s.mode, speed: s.speed } satisfies PickerStart);
  }

  private toHistory(): void {
    void import('../history/open.ts').then(({ openHistory }) => openHistory(this, { scenarioId: this.start.playable.scenario.id } satisfies HistoryStart));
  }

  /** Keeps a run just played in history (a library run's session did so as it ended); says so, or why not. */
  private keep(): void {
    const { session, playable } = this.start;
    const store = browserStore();
    let kept = session.kept;
    if (!kept && store) {
      kept = addRun(store, entryOf(this.debrief, { finishedAt: new Date().toISOString(), mode: this.start.mode, choices: session.choices, files: playable.files, fromLibrary: playable.saveable }));
    }
    if (!kept) this.notice = 'This browser keeps no storage for the game, so this run will not be in your history: export it (J) to keep it.';
    else this.notice = kept.ok ? (kept.note ?? 'Kept in your history (H).') : kept.message;
  }

  private expose(): void {
    exposeTestHook({
      screen: 'debrief',
      level: this.debrief.overall.level,
      headline: headlineText(this.debrief),
      exports: [...this.exports],
      notice: this.notice,
      origin: this.start.origin ?? 'run',
      parted: this.parted,
      debrief: debriefToJson(this.debrief),
    });
  }
}
