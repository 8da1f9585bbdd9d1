/**
 * The debrief's timeline: the error budget spent over the run, the player's choices as
 * labelled marks coloured by the level each showed (red for an anti-pattern), the key
 * times, and — when the scenario has one — its L5 reference run on the same clock: its
 * budget curve dashed, its choices in a lane of their own, the same choice in both runs
 * joined so the gap between them shows. Drawn once into a canvas texture.
 */
import type Phaser from 'phaser';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { niceMax } from '../desk/chart-scale.ts';
import { LEVEL_COLOUR } from './debrief-view.ts';
import type { Ghost } from './ghost.ts';
import { formatPercent } from '../ui/format.ts';
import { css, FONT, SIZE, text } from '../ui/theme.ts';

let count = 0;
const RANK: Record<string, number> = { L1: 1, L2: 2, L3: 3, L4: 4, L5: 5 };
const GHOST = '#f778ba';

type Step = Debrief['timeline'][number];

function markColour(step: Step): string {
  if (step.shown.some((e) => e.harmful)) return css.critical;
  const best = step.shown.reduce((m, e) => Math.max(m, RANK[e.level] ?? 0), 0);
  return best > 0 ? (LEVEL_COLOUR[`L${best}`] ?? css.dim) : css.faint;
}

/** A short name for a mark: an answer's words, not its question. */
function markLabel(step: Step): string {
  if (step.kind === 'ack') return 'ack';
  const words = step.kind === 'choose' ? step.label.slice(step.label.lastIndexOf('→') + 1).trim().replace(/^["'(]+|["')]+$/g, '') : step.label;
  return words.length > 22 ? `${words.slice(0, 21)}…` : words;
}

export class BudgetTimeline {
  constructor(scene: Phaser.Scene, x: number, y: number, w: number, h: number, time: Float64Array, spent: Float64Array, d: Debrief, ghost: Ghost | null = null) {
    const key = `timeline-${count++}`;
    const tex = scene.textures.createCanvas(key, w, h);
    if (!tex) return;
    const ctx = tex.getContext();
    const L = 56;
    const R = 12;
    // Lanes of marks above the curves: the reference's (if any), then the player's.
    const laneYou = ghost ? 50 : 16;
    const laneGhost = 16;
    const T = laneYou + 24;
    const B = 20;
    const pw = w - L - R;
    const ph = h - T - B;
    const last = (a: Float64Array) => (a.length > 0 ? (a[a.length - 1] as number) : 60);
    const end = Math.max(60, last(time), ghost ? last(ghost.time) : 0);
    // The axis spans what the runs spent, not the whole window: a quiet run that moves the
    // month's budget by a quarter of a percent must still show its slope.
    let lo = Infinity;
    let hi = 0;
    for (const series of [spent, ghost?.spent ?? new Float64Array()]) {
      for (let i = 0; i < series.length; i++) {
        lo = Math.min(lo, series[i] as number);
        hi = Math.max(hi, series[i] as number);
      }
    }
    if (!Number.isFinite(lo)) lo = 0;
    const span = niceMax(Math.max(hi - lo, 0.004) * 1.2);
    const bottom = Math.max(0, Math.floor(lo / (span / 4)) * (span / 4));
    const top = bottom + span;
    const xOf = (t: number) => L + (t / end) * pw;
    const yOf = (v: number) => T + ph - ((v - bottom) / (top - bottom)) * ph;
    ctx.font = `${SIZE.small}px ${FONT}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    for (let i = 0; i <= 4; i += 2) {
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
    if (top >= 1) {
      ctx.strokeStyle = css.critical;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(L, yOf(1));
      ctx.lineTo(w - R, yOf(1));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    // Minutes along the bottom, on a step that leaves room for the labels.
    const stepMin = [1, 2, 5, 10, 15, 30, 60, 120].find((m) => (m * 60 * pw) / end >= 70) ?? 240;
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'center';
    ctx.fillStyle = css.dim;
    for (let m = 0; m * 60 <= end; m += stepMin) ctx.fillText(m === 0 ? 'T+0' : `${m} min`, Math.min(Math.max(xOf(m * 60), L + 14), w - R - 20), h - 4);

    const times = d.times;
    const keyMarks: Array<[number | null, string, string]> = [
      [times.firstPageAt, 'page', css.critical],
      [times.firstAckAt, 'ack', css.accent],
      [times.mitigatedAt, 'mitigated', css.ok],
      [times.resolvedAt, 'resolved', css.ok],
    ];
    ctx.textAlign = 'left';
    let labelRow = 0;
    for (const [t, label, colour] of keyMarks) {
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

    const curve = (tt: Float64Array, ss: Float64Array, colour: string, dash: number[]) => {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      for (let i = 0; i < ss.length; i++) {
        const px = xOf(tt[i] as number);
        const py = yOf(ss[i] as number);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.lineWidth = 1;
    };
    if (ghost) curve(ghost.time, ghost.spent, GHOST, [7, 5]);
    curve(time, spent, css.warning, []);

    // The same choice in both runs, joined: a slanted line is a lag.
    if (ghost) {
      ctx.strokeStyle = '#5b6b80';
      for (const g of ghost.debrief.timeline) {
        const m = d.timeline.find((s) => s.kind === g.kind && s.id === g.id);
        if (!m) continue;
        ctx.beginPath();
        ctx.moveTo(xOf(g.t), laneGhost + 4);
        ctx.lineTo(xOf(m.t), laneYou - 4);
        ctx.stroke();
      }
    }

    const lane = (steps: Step[], yy: number, labelY: number) => {
      let freeFrom = -Infinity;
      for (const step of steps) {
        const colour = markColour(step);
        const xx = xOf(step.t);
        ctx.fillStyle = colour;
        ctx.beginPath();
        ctx.arc(xx, yy, step.shown.some((e) => e.harmful) ? 5 : 4, 0, Math.PI * 2);
        ctx.fill();
        // A label where it fits; a crowded mark keeps its dot and its colour.
        const label = markLabel(step);
        const lw = ctx.measureText(label).width;
        const lx = Math.min(xx - 3, w - R - lw);
        if (lx >= freeFrom) {
          ctx.fillStyle = colour === css.faint ? css.dim : colour;
          ctx.fillText(label, lx, labelY);
          freeFrom = lx + lw + 8;
        }
      }
    };
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = css.dim;
    ctx.fillText('You', 4, laneYou);
    lane(d.timeline.filter((s) => s.kind !== 'lapse'), laneYou, laneYou + 13);
    if (ghost) {
      ctx.fillStyle = GHOST;
      ctx.fillText(ghost.level, 4, laneGhost);
      lane(ghost.debrief.timeline.filter((s) => s.kind !== 'lapse'), laneGhost, laneGhost + 13);
    }
    tex.refresh();
    const image = scene.add.image(x, y, key).setOrigin(0);
    // Textures belong to the game, not the scene: free this one when the debrief closes,
    // or every run would keep its chart for the life of the page.
    scene.events.once('shutdown', () => {
      image.destroy();
      tex.destroy();
    });
    const legend = ghost
      ? `● a choice, coloured by level (red: anti-pattern) · orange: your budget spent · pink dashed: ${ghost.level}'s, same seed`
      : '● a choice, coloured by the level it showed (red: anti-pattern)  ·  orange line: share of the window\'s error budget spent';
    scene.add.text(x + 4, y + h + 2, legend, text(SIZE.small, 'dim'));
  }
}
