/**
 * The debrief: the level the player acted at, each dimension with the evidence behind
 * it, the choices against the error budget, key times, what the next level up would have
 * done, and exports. Everything shown comes from the scoring layer's debrief model.
 */
import Phaser from 'phaser';
import { listenKeys } from '../ui/key-input.ts';
import { buildDebrief } from '../../scoring/debrief.ts';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { debriefToJson, debriefToMarkdown } from '../../scoring/export.ts';
import { transcriptOf } from '../../sim/runner.ts';
import { adviceLines, evidenceLines, exportName, headlineText, keyTimeLines, LEVEL_COLOUR, subline } from './debrief-view.ts';
import { downloadText } from '../browser/files.ts';
import { SCENES, type DebriefStart, type PickerStart, type PlayStart } from '../boot/play.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { BudgetTimeline } from './budget-timeline.ts';
import { Button } from '../ui/button.ts';
import { DimensionChart } from './dimension-chart.ts';
import { panel } from '../ui/panel.ts';
import { StackView } from './stack-view.ts';
import { setLines } from '../ui/text-util.ts';

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

  constructor() {
    super(SCENES.debrief);
  }

  init(data: DebriefStart): void {
    this.start = data;
    this.buttons = [];
    this.focus = 0;
    this.exports = [];
  }

  create(): void {
    const { session, playable } = this.start;
    this.debrief = buildDebrief(playable.scenario, transcriptOf(session.run, session.choices));
    const d = this.debrief;
    this.cameras.main.setBackgroundColor(css.bg);

    this.add.text(24, 14, `DEBRIEF · ${this.start.mode.toUpperCase()} RUN`, text(SIZE.small, 'dim', { fontStyle: '600' }));
    const colour = d.overall.level ? (LEVEL_COLOUR[d.overall.level] ?? css.text) : css.dim;
    const head = this.add.text(24, 34, headlineText(d), text(SIZE.huge, colour, { fontStyle: '600' }));
    if (head.width > 1232) head.setFontSize(32);
    this.add.text(24, 92, subline(d), text(SIZE.small, 'dim'));
    const why = this.add.text(24, 114, d.overall.explanation, text(SIZE.small, 'text', { wordWrap: { width: 1232 }, lineSpacing: 2 }));
    setLines(why, d.overall.explanation, 3);

    const p = panel(this, 16, 176, 480, 436, 'Level by dimension · ↑/↓ shows the evidence');
    this.dims = new DimensionChart(this, 28, p.top + 18, 456, d, (i) => this.select(i));

    const t = panel(this, 504, 176, 760, 196, 'Your choices against the error budget');
    new BudgetTimeline(this, 512, t.top - 4, 744, 140, session.run.recorder.timeView(), session.run.recorder.view('budget.spent'), d);

    const e = panel(this, 504, 380, 374, 232, 'Evidence');
    this.evidenceTitle = e.title;
    this.evidence = new StackView(this, 516, e.top, 350, 192);
    panel(this, 886, 380, 378, 232, d.nextLevel.target ? `What ${d.nextLevel.target} would have done · ←/→` : 'The next level up');
    this.advice = new StackView(this, 898, e.top, 354, 192);
    this.advice.set(adviceLines(d));

    this.add.text(24, 622, keyTimeLines(d).join('   ·   '), text(SIZE.small, 'text', { wordWrap: { width: 1232 } }));
    const specs: Array<[string, string, () => void]> = [
      ['Export JSON', 'J', () => this.export('json')],
      ['Export Markdown', 'M', () => this.export('md')],
      ['Replay same seed', 'R', () => this.replay()],
      ['Back to scenarios', 'P', () => this.toPicker()],
    ];
    specs.forEach(([label, key, fn], i) => this.buttons.push(new Button(this, 24 + i * 310, 664, 296, 40, label, fn, { key, tone: i === 2 ? 'primary' : 'normal' })));

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
    if (k === 'p' || e.key === 'Escape') return this.toPicker();
    if (e.key === 'ArrowDown') return this.select((this.selected + 1) % 9);
    if (e.key === 'ArrowUp') return this.select((this.selected + 8) % 9);
    if (e.key === 'PageDown') return this.evidence.scroll(1);
    if (e.key === 'PageUp') return this.evidence.scroll(-1);
    if (e.key === 'ArrowRight') return this.advice.scroll(1);
    if (e.key === 'ArrowLeft') return this.advice.scroll(-1);
    if (e.key === 'Tab') return this.setFocus((this.focus + (e.shiftKey ? 3 : 1)) % 4);
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

  private expose(): void {
    exposeTestHook({ screen: 'debrief', level: this.debrief.overall.level, headline: headlineText(this.debrief), exports: [...this.exports] });
  }
}
