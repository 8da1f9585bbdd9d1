/**
 * The desk's charts: every chart of the scenario's dashboard, four to a page in a 2×2
 * grid, redrawn once per new tick. A tab strip above names the pages; `[` and `]` or a
 * click turn them, so no signal an author declared is left off the desk.
 */
import type Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema/index.ts';
import type { Recorder } from '../../sim/recorder.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { CHARTS_PER_PAGE, dashboardCharts } from './dashboard.ts';
import { Chart } from './chart.ts';
import { css, SIZE, text } from '../ui/theme.ts';

/** Sim seconds the charts show. */
const WINDOW = 30 * 60;
const STRIP = 22;

export class Dashboard {
  private readonly charts: Array<{ chart: Chart; keys: string[]; headline: string; title: string }> = [];
  private readonly tabs: Phaser.GameObjects.Text[] = [];
  private drawnTicks = -1;
  private page = 0;
  readonly pages: number;

  constructor(scene: Phaser.Scene, scenario: Scenario, x: number, y: number, w: number, h: number, private readonly onTurn: () => void = () => undefined) {
    const specs = dashboardCharts(scenario);
    this.pages = Math.max(1, Math.ceil(specs.length / CHARTS_PER_PAGE));
    const top = y + STRIP;
    const cw = (w - 8) / 2;
    const ch = (h - STRIP - 8) / 2;
    specs.forEach((spec, n) => {
      const i = n % CHARTS_PER_PAGE;
      const chart = new Chart(scene, x + (i % 2) * (cw + 8), top + Math.floor(i / 2) * (ch + 8), cw, ch, { ...spec, windowSeconds: WINDOW });
      this.charts.push({ chart, keys: spec.series.map((s) => s.key), headline: spec.headline.key, title: spec.title });
    });
    scene.add.text(x + 2, y + 2, 'DASHBOARD', text(SIZE.small, 'dim', { fontStyle: '600' }));
    let tx = x + 100;
    for (let p = 0; p < this.pages; p++) {
      const names = specs.slice(p * CHARTS_PER_PAGE, (p + 1) * CHARTS_PER_PAGE).length;
      const tab = scene.add.text(tx, y + 1, `${p + 1} · ${names} chart${names === 1 ? '' : 's'}`, text(SIZE.small, 'dim', { padding: { x: 6, y: 1 } }));
      tab.setInteractive({ useHandCursor: true }).on('pointerdown', () => {
        this.show(p);
        this.onTurn();
      });
      this.tabs.push(tab);
      tx += tab.width + 6;
    }
    if (this.pages > 1) scene.add.text(x + w, y + 2, '[ ] turn the page', text(SIZE.small, 'dim')).setOrigin(1, 0);
    this.show(0);
  }

  /** Turns to the next (1) or previous (-1) page. */
  turn(step: 1 | -1): void {
    this.show((this.page + step + this.pages) % this.pages);
    this.onTurn();
  }

  /** The page shown, and what each visible chart's title and big number say. */
  get shown(): { page: number; pages: number; charts: Array<{ title: string; headline: string }> } {
    return {
      page: this.page,
      pages: this.pages,
      charts: this.visible().map((c) => ({ title: c.title, headline: c.chart.headlineText })),
    };
  }

  /** Redraws if the recorder has a point the charts have not drawn yet. */
  update(recorder: Recorder, snap: RunSnapshot): void {
    if (recorder.length === this.drawnTicks) return;
    this.drawnTicks = recorder.length;
    const time = recorder.timeView();
    // Only the page on show is drawn; a turned page is drawn at once (show resets the count).
    for (const c of this.visible()) c.chart.update({ time, series: c.keys.map((k) => recorder.view(k)), headline: recorder.view(c.headline), markers: snap.markers, now: snap.t });
  }

  destroy(): void {
    for (const c of this.charts) c.chart.destroy();
  }

  private visible(): typeof this.charts {
    return this.charts.slice(this.page * CHARTS_PER_PAGE, (this.page + 1) * CHARTS_PER_PAGE);
  }

  private show(page: number): void {
    this.page = page;
    this.charts.forEach((c, n) => c.chart.setVisible(Math.floor(n / CHARTS_PER_PAGE) === page));
    this.tabs.forEach((t, p) => {
      t.setColor(p === page ? css.text : css.dim);
      t.setBackgroundColor(p === page ? '#2a5a8f' : '#151c25');
    });
    this.drawnTicks = -1;
  }
}
