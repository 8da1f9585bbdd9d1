/**
 * A live time-series chart. Lines are drawn with Canvas 2D into a texture that is
 * refreshed only when the sim has ticked (at most ten times a second at 10×), so a frame
 * costs one textured quad however many points there are. Title, current value and the
 * legend are Phaser Text objects.
 */
import Phaser from 'phaser';
import { fitLabel, linearTop, logRange, windowStart, type ChartLine } from './chart-scale.ts';
import { css, FONT, SIZE, text } from '../ui/theme.ts';
import { fitText } from '../ui/text-util.ts';

/** Least width, in pixels, worth showing a cut chart title in. */
const MIN_TITLE_ROOM = 56;

export interface ChartSeries {
  /** Recorder key, e.g. "canary.errorRatio". */
  key: string;
  label: string;
  colour: string;
  /** Drawn thinner and dashed: secondary lines such as p50. */
  faint?: boolean;
}

export interface ChartConfig {
  title: string;
  series: ChartSeries[];
  lines: ChartLine[];
  format: (value: number) => string;
  /** Log axis (error ratios span decades). */
  log?: boolean;
  /** The y axis never tops out below this (a hard limit such as 100%). */
  floorMax?: number;
  /** Sim seconds shown. */
  windowSeconds: number;
  /** What the big number reads: "all traffic" for the service total, or a series' name. */
  headline: { key: string; label: string };
}

export interface ChartData {
  time: Float64Array;
  series: Float64Array[];
  /** The series the big number reads (config.headline.key). */
  headline: Float64Array;
  markers: ReadonlyArray<{ t: number; label: string }>;
  now: number;
}

let chartCount = 0;
/** The narrowest left margin; a wider axis label widens it, so no label is cut ("00 threads" for 200). */
const PAD_L = 44;
const PAD_R = 8;
const PAD_T = 6;
const PAD_B = 18;
const LEGEND_ROW = 18;

export class Chart {
  private readonly texture: Phaser.Textures.CanvasTexture;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly image: Phaser.GameObjects.Image;
  private readonly value: Phaser.GameObjects.Text;
  private readonly title: Phaser.GameObjects.Text;
  /** Width the title was last fitted to (it gives way to the reading beside it). */
  private titleRoom = -1;
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly plotH: number;
  private readonly canvasH: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly w: number,
    private readonly h: number,
    private readonly config: ChartConfig,
  ) {
    const bg = scene.add.rectangle(x, y, w, h, 0x151c25).setOrigin(0).setStrokeStyle(1, 0x2a3646);
    this.title = scene.add.text(x + 10, y + 6, config.title, text(SIZE.label, 'text', { fontStyle: '600' }));
    this.value = scene.add.text(x + w - 10, y + 6, '', text(SIZE.label, 'text', { fontStyle: '600' })).setOrigin(1, 0);
    this.objects.push(bg, this.title, this.value);
    // Legend: every series in full, wrapping onto more rows (and a long name onto a second
    // line) rather than dropping or cutting a cohort. Reference lines are labelled on the plot.
    const room = w - 20 - 16;
    let lx = 0;
    let ly = 0;
    let rowH = 0;
    const placed: Array<{ s: ChartSeries; label: Phaser.GameObjects.Text; dx: number; dy: number }> = [];
    for (const series of config.series) {
      const label = scene.add.text(0, 0, series.label, text(SIZE.small, 'dim', { wordWrap: { width: room } }));
      const width = 16 + label.width;
      if (lx > 0 && lx + width > w - 20) {
        lx = 0;
        ly += rowH;
        rowH = 0;
      }
      placed.push({ s: series, label, dx: lx, dy: ly });
      lx += width + 14;
      rowH = Math.max(rowH, label.height + 1);
    }
    const legendH = Math.max(LEGEND_ROW, ly + rowH);
    for (const p of placed) {
      const top = y + h - 3 - legendH + p.dy;
      const swatch = scene.add.rectangle(x + 10 + p.dx, top + 9, 12, p.s.faint ? 2 : 3, Phaser.Display.Color.HexStringToColor(p.s.colour).color).setOrigin(0, 0.5);
      p.label.setPosition(x + 10 + p.dx + 16, top);
      this.objects.push(swatch, p.label);
    }
    this.canvasH = h - 30 - legendH - 4;
    this.plotH = this.canvasH - PAD_T - PAD_B;
    const key = `chart-${chartCount++}`;
    const texture = scene.textures.createCanvas(key, w, this.canvasH);
    if (!texture) throw new Error('could not create a chart texture');
    this.texture = texture;
    this.ctx = texture.getContext();
    this.image = scene.add.image(x, y + 30, key).setOrigin(0);
    this.objects.push(this.image);
  }

  /** The big number as drawn, for tests and the screen reader of the desk. */
  get headlineText(): string {
    return this.value.text;
  }

  setVisible(visible: boolean): void {
    for (const o of this.objects) (o as unknown as Phaser.GameObjects.Components.Visible).setVisible(visible);
  }

  update(data: ChartData): void {
    const { ctx, config } = this;
    const W = this.w;
    const H = this.canvasH;
    ctx.clearRect(0, 0, W, H);
    const start = windowStart(data.time, data.now, config.windowSeconds);
    const t0 = Math.max(0, data.now - config.windowSeconds);
    const t1 = Math.max(t0 + 1, data.now);

    // Range over what is visible, so a spike long ago does not flatten the present.
    let max = 0;
    const visible: number[] = [];
    for (const s of data.series) {
      for (let i = start; i < s.length; i++) {
        const v = s[i] as number;
        if (v > max) max = v;
        if (config.log) visible.push(v);
      }
    }
    const lineValues = config.lines.map((l) => l.value);
    let yOf: (v: number) => number;
    const ticks: number[] = [];
    if (config.log) {
      const { min, max: top } = logRange(visible, lineValues);
      const l0 = Math.log10(min);
      const l1 = Math.log10(top);
      yOf = (v: number) => PAD_T + this.plotH - ((Math.log10(Math.max(v, min)) - l0) / (l1 - l0)) * this.plotH;
      const step = Math.max(1, Math.round((l1 - l0) / 4));
      for (let e = l0; e <= l1 + 1e-9; e += step) ticks.push(Math.pow(10, e));
    } else {
      const top = linearTop(max, lineValues, config.floorMax);
      yOf = (v: number) => PAD_T + this.plotH - (v / top) * this.plotH;
      for (let i = 0; i <= 4; i++) ticks.push((top * i) / 4);
    }

    // Grid and axis labels, the plot starting right of the widest.
    ctx.font = `${SIZE.small}px ${FONT}`;
    const tickLabels = ticks.map((v) => config.format(v));
    const padL = Math.min(Math.round(W * 0.4), Math.max(PAD_L, Math.ceil(Math.max(...tickLabels.map((l) => ctx.measureText(l).width))) + 12));
    const plotW = W - padL - PAD_R;
    const xOf = (t: number) => padL + ((t - t0) / (t1 - t0)) * plotW;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    ctx.lineWidth = 1;
    for (const [i, v] of ticks.entries()) {
      const y = Math.round(yOf(v)) + 0.5;
      ctx.strokeStyle = '#223040';
      ctx.beginPath();
      ctx.moveTo(padL, y);
      ctx.lineTo(W - PAD_R, y);
      ctx.stroke();
      ctx.fillStyle = css.dim;
      ctx.fillText(tickLabels[i] as string, padL - 6, y);
    }
    // Time axis: where the window starts and "now".
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    ctx.fillStyle = css.faint;
    ctx.fillText(config.windowSeconds >= 3600 && t0 === 0 ? 'start' : `−${Math.round((t1 - t0) / 60)}m`, padL, H - 3);
    ctx.textAlign = 'right';
    ctx.fillText('now', W - PAD_R, H - 3);

    // Deploy and config markers.
    ctx.textAlign = 'left';
    let row = 0;
    for (const m of data.markers) {
      if (m.t < t0 || m.t > t1) continue;
      // Alternate label rows so markers close together do not print over each other.
      const ly = PAD_T + 12 + (row++ % 2) * 14;
      const x = Math.round(xOf(m.t)) + 0.5;
      ctx.strokeStyle = css.accent;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(x, PAD_T);
      ctx.lineTo(x, PAD_T + this.plotH);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = css.accent;
      const label = m.label.length > 28 ? `${m.label.slice(0, 27)}…` : m.label;
      const lw = ctx.measureText(label).width;
      ctx.fillStyle = 'rgba(21, 28, 37, 0.85)';
      const lx = Math.min(x + 4, W - PAD_R - lw);
      ctx.fillRect(lx - 2, ly - 11, lw + 4, 14);
      ctx.fillStyle = css.accent;
      ctx.fillText(label, lx, ly);
    }

    // Reference lines (SLO, alert thresholds), each named where it is drawn; labels of
    // lines close together step left so both stay readable.
    ctx.textAlign = 'right';
    ctx.textBaseline = 'alphabetic';
    let lastY = -100;
    const labels: Array<{ text: string; colour: string; y: number; keepEnd: number }> = [];
    for (const l of [...config.lines].sort((a, b) => yOf(a.value) - yOf(b.value))) {
      const y = Math.round(yOf(l.value)) + 0.5;
      ctx.strokeStyle = l.colour;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(padL, y);
      ctx.lineTo(W - PAD_R, y);
      ctx.stroke();
      ctx.setLineDash([]);
      // Above its line; below it when the line above sits too close for both labels.
      const below = Math.abs(y - lastY) < 14;
      lastY = y;
      labels.push({ text: l.label, colour: l.colour, keepEnd: l.keepEnd ?? 0, y: below ? Math.min(PAD_T + this.plotH, y + 13) : Math.max(PAD_T + 12, y - 3) });
    }
    ctx.textAlign = 'left';

    // Series.
    config.series.forEach((s, si) => {
      const values = data.series[si];
      if (!values || values.length === 0) return;
      ctx.strokeStyle = s.colour;
      ctx.lineWidth = s.faint ? 1.25 : 2;
      ctx.setLineDash(s.faint ? [4, 3] : []);
      ctx.beginPath();
      for (let i = start; i < values.length; i++) {
        const x = xOf(data.time[i] as number);
        const y = yOf(values[i] as number);
        if (i === start) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
    });
    ctx.setLineDash([]);
    // The lines' names last, on their backing, so no series runs through them.
    ctx.textAlign = 'right';
    for (const l of labels) {
      // Kept inside the plot, clear of the axis labels: a name too long for it is cut.
      const text = fitLabel(l.text, l.keepEnd, plotW - 4, (t) => ctx.measureText(t).width);
      const lw = ctx.measureText(text).width;
      ctx.fillStyle = 'rgba(21, 28, 37, 0.85)';
      ctx.fillRect(W - PAD_R - lw - 2, l.y - 12, lw + 4, 14);
      ctx.fillStyle = l.colour;
      ctx.fillText(text, W - PAD_R, l.y);
    }
    ctx.textAlign = 'left';
    this.texture.refresh();

    const head = data.headline;
    const last = head.length > 0 ? (head[head.length - 1] as number) : NaN;
    const label = `${config.headline.label ? `${config.headline.label} ` : ''}${config.format(last)}`;
    if (this.value.text !== label) {
      this.value.setText(label);
      // The reading wins the line: the title gives way (cut with an ellipsis) rather than run
      // under it, and leaves altogether when a cut would keep only a letter or two; the
      // reading's own label then names the chart.
      const room = Math.floor(this.w - 20 - this.value.width - 12);
      if (room !== this.titleRoom) {
        this.titleRoom = room;
        this.title.setVisible(room >= MIN_TITLE_ROOM);
        if (room >= MIN_TITLE_ROOM) fitText(this.title, config.title, room);
      }
    }
  }

  destroy(): void {
    for (const o of this.objects) o.destroy();
    this.texture.destroy();
  }
}
