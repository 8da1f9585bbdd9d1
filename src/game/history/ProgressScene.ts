/**
 * Progress: the level of each dimension over the kept runs, oldest to newest, as small
 * charts (one per dimension, and the overall level above them), for all scenarios or one.
 */
import Phaser from 'phaser';
import { SCENES, type HistoryStart } from '../boot/play.ts';
import { browserStore } from '../browser/storage.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { readHistory, type HistoryEntry } from '../run/history.ts';
import { Button } from '../ui/button.ts';
import { css, HEIGHT, SIZE, text, WIDTH } from '../ui/theme.ts';
import { formatWhen, progressOf, trend } from './history-view.ts';
import { LevelChart } from './level-chart.ts';

export class ProgressScene extends Phaser.Scene {
  private start: HistoryStart = {};
  private entries: HistoryEntry[] = [];
  /** null: every scenario; otherwise one scenario's id. */
  private filters: Array<string | null> = [null];
  private filter = 0;
  private drawn: Phaser.GameObjects.GameObject[] = [];

  constructor() {
    super(SCENES.progress);
  }

  init(data: HistoryStart): void {
    this.start = data ?? {};
    this.drawn = [];
  }

  create(): void {
    this.cameras.main.setBackgroundColor(css.bg);
    const store = browserStore();
    this.entries = store ? readHistory(store).entries : [];
    const ids = [...new Set(this.entries.map((e) => e.scenario.id))].sort();
    this.filters = [null, ...ids];
    this.filter = 0;
    this.add.text(40, 24, 'PROGRESS', text(32, 'text', { fontStyle: '600' }));
    new Button(this, WIDTH - 264, 24, 224, 40, 'Back to history', () => this.back(), { key: 'Esc' });
    this.add.text(40, HEIGHT - 8, '←/→ all scenarios or one · Esc back to history · levels run L1 (bottom) to L5 (top); a gap is a run that did not show that dimension', text(SIZE.small, 'dim')).setOrigin(0, 1);
    this.input.keyboard?.addCapture('LEFT,RIGHT');
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key.toLowerCase() === 'p' || e.key.toLowerCase() === 'v') return this.back();
      if (e.key === 'ArrowRight') this.setFilter(this.filter + 1);
      if (e.key === 'ArrowLeft') this.setFilter(this.filter - 1 + this.filters.length);
    });
    this.setFilter(0);
  }

  private setFilter(i: number): void {
    this.filter = i % this.filters.length;
    for (const o of this.drawn) o.destroy();
    this.drawn = [];
    const id = this.filters[this.filter] ?? null;
    const p = progressOf(this.entries, id);
    const title = id === null ? 'All scenarios' : (this.entries.find((e) => e.scenario.id === id)?.scenario.title ?? id);
    const first = p.runs[0];
    const last = p.runs[p.runs.length - 1];
    const span = !first || !last ? 'no runs kept yet' : first === last ? `1 run, ${formatWhen(first.finishedAt)}` : `${p.runs.length} runs, ${formatWhen(first.finishedAt)} to ${formatWhen(last.finishedAt)}`;
    this.drawn.push(this.add.text(42, 66, `${title} · ${span}${this.filters.length > 1 ? `   ◀ ${this.filter + 1}/${this.filters.length} ▶` : ''}`, text(SIZE.label, 'dim')));
    if (p.runs.length === 0) {
      this.drawn.push(this.add.text(WIDTH / 2, 300, 'No finished runs yet: play a scenario to its end and your levels appear here.', text(SIZE.title, 'dim')).setOrigin(0.5));
    } else {
      this.drawn.push(...new LevelChart(this, 40, 96, WIDTH - 80, 150, `Overall · ${trend(p.overall)}`, p.overall.points, true).objects);
      p.dimensions.forEach((track, k) => {
        const col = k % 3;
        const row = Math.floor(k / 3);
        const w = (WIDTH - 80 - 2 * 16) / 3;
        this.drawn.push(...new LevelChart(this, 40 + col * (w + 16), 262 + row * 136, w, 124, `${track.title} · ${trend(track)}`, track.points, false).objects);
      });
    }
    exposeTestHook({
      screen: 'progress',
      scenario: id,
      runs: p.runs.length,
      overall: p.overall.points,
      dimensions: p.dimensions.map((d) => ({ id: d.id, points: d.points })),
    });
  }

  private back(): void {
    void import('./open.ts').then(({ openHistory }) => openHistory(this, { scenarioId: this.start.scenarioId }));
  }
}
