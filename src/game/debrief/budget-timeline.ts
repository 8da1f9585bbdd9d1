/**
 * The debrief's timeline: the error budget spent over the run, the player's choices as
 * marks coloured by the level each showed (red for an anti-pattern), and the key times
 * (page, acknowledge, mitigate, resolve). Drawn once into a canvas texture.
 */
import type Phaser from 'phaser';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { niceMax } from '../desk/chart-scale.ts';
import { LEVEL_COLOUR } from './debrief-view.ts';
import { formatPercent } from '../ui/format.ts';
import { css, FONT, SIZE, text } from '../ui/theme.ts';

let count = 0;
const RANK: Record<string, number> = { L1: 1, L2: 2, L3: 3, L4: 4, L5: 5 };

export class BudgetTimeline {
  constructor(scene: Phaser.Scene, x: number, y: number, w: number, h: number, time: Float64Array, spent: Float64Array, d: Debrief) {
    const key = `timeline-${count++}`;
    const tex = scene.textures.createCanvas(key, w, h);
    if (!tex) return;
    const ctx = tex.getContext();
    const L = 56;
    const R = 12;
    const T = 28;
    const B = 22;
    const pw = w - L - R;
    const ph = h - T - B;
    const end = Math.max(60, time.length > 0 ? (time[time.length - 1] as number) : 60);
    // The axis spans what this run spent, not the whole window: a quiet run that moves the
    // month's budget by a quarter of a percent must still show its slope.
    let lo = Infinity;
    let hi = 0;
    for (let i = 0; i < spent.length; i++) {
      lo = Math.min(lo, spent[i] as number);
      hi = Math.max(hi, spent[i] as number);
    }
    if (!Number.isFinite(lo)) lo = 0;
    const span = niceMax(Math.max(hi - lo, 0.004) * 1.4);
    const bottom = Math.max(0, Math.floor(lo / (span / 4)) * (span / 4));
    const top = bottom + span;
    const xOf = (t: number) => L + (t / end) * pw;
    const yOf = (v: number) => T + ph - ((v - bottom) / (top - bottom)) * ph;
    ctx.font = `${SIZE.small}px ${FONT}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    for (let i = 0; i <= 4; i++) {
      const v = bottom + (span * i) / 4;
      const yy = Math.round(yOf(v)) + 0.5;
      ctx.strokeStyle = '#223040';
      ctx.beginPath();
      ctx.moveTo(L, yy);
      ctx.lineTo(w - R, yy);
      ctx.stroke();
      ctx.fillStyle = css.dim;
      ctx.fillText(formatPercent(v), L - 6, yy);
    }
    // All of the window's budget: past this line the month is over.
    if (top >= 1) {
      ctx.strokeStyle = css.critical;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(L, yOf(1));
      ctx.lineTo(w - R, yOf(1));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = css.faint;
    ctx.fillText('0:00', L, h - 4);
    ctx.textAlign = 'right';
    ctx.fillText(`${Math.round(end / 60)} min`, w - R, h - 4);

    const times = d.times;
    const marks: Array<[number | null, string, string]> = [
      [times.firstPageAt, 'page', css.critical],
      [times.firstAckAt, 'ack', css.accent],
      [times.mitigatedAt, 'mitigated', css.ok],
      [times.resolvedAt, 'resolved', css.ok],
    ];
    ctx.textAlign = 'left';
    let labelRow = 0;
    for (const [t, label, colour] of marks) {
      if (t === null) continue;
      const xx = Math.round(xOf(t)) + 0.5;
      ctx.strokeStyle = colour;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(xx, T);
      ctx.lineTo(xx, T + ph);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = colour;
      ctx.fillText(label, Math.min(xx + 3, w - R - 60), T + ph - 6 - 14 * (labelRow++ % 3));
    }

    // The budget curve.
    ctx.strokeStyle = css.warning;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let i = 0; i < spent.length; i++) {
      const px = xOf(time[i] as number);
      const py = yOf(spent[i] as number);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
    ctx.lineWidth = 1;

    // Choices along the top lane.
    for (const step of d.timeline) {
      const harmful = step.shown.some((e) => e.harmful);
      const best = step.shown.reduce((m, e) => Math.max(m, RANK[e.level] ?? 0), 0);
      const colour = harmful ? css.critical : best > 0 ? (LEVEL_COLOUR[`L${best}`] ?? css.dim) : css.faint;
      const xx = xOf(step.t);
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.arc(xx, T - 12, harmful ? 5 : 4, 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = colour;
      ctx.globalAlpha = 0.35;
      ctx.beginPath();
      ctx.moveTo(xx + 0.5, T - 7);
      ctx.lineTo(xx + 0.5, T + ph);
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    tex.refresh();
    const image = scene.add.image(x, y, key).setOrigin(0);
    // Textures belong to the game, not the scene: free this one when the debrief closes,
    // or every run would keep its chart for the life of the page.
    scene.events.once('shutdown', () => {
      image.destroy();
      tex.destroy();
    });
    scene.add.text(x + 4, y + h + 2, '● a choice, coloured by the level it showed (red: anti-pattern)  ·  orange line: share of the window\'s error budget spent', text(SIZE.small, 'dim'));
  }
}
