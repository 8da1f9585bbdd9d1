/** The desk's charts: the scenario's dashboard laid out 2×2 and redrawn once per new tick. */
import type Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema/index.ts';
import type { Recorder } from '../../sim/recorder.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { dashboardCharts } from './dashboard.ts';
import { Chart } from './chart.ts';

/** Sim seconds the charts show. */
const WINDOW = 30 * 60;

export class Dashboard {
  private readonly charts: Array<{ chart: Chart; keys: string[] }> = [];
  private drawnTicks = -1;

  constructor(scene: Phaser.Scene, scenario: Scenario, x: number, y: number, w: number, h: number) {
    const cw = (w - 8) / 2;
    const ch = (h - 8) / 2;
    dashboardCharts(scenario)
      .slice(0, 4)
      .forEach((spec, i) => {
        const chart = new Chart(scene, x + (i % 2) * (cw + 8), y + Math.floor(i / 2) * (ch + 8), cw, ch, { ...spec, windowSeconds: WINDOW });
        this.charts.push({ chart, keys: spec.series.map((s) => s.key) });
      });
  }

  /** Redraws if the recorder has a point the charts have not drawn yet. */
  update(recorder: Recorder, snap: RunSnapshot): void {
    if (recorder.length === this.drawnTicks) return;
    this.drawnTicks = recorder.length;
    const time = recorder.timeView();
    for (const { chart, keys } of this.charts) chart.update({ time, series: keys.map((k) => recorder.view(k)), markers: snap.markers, now: snap.t });
  }

  destroy(): void {
    for (const c of this.charts) c.chart.destroy();
  }
}
