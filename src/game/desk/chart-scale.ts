/**
 * Axis arithmetic for the dashboard charts: nice linear maxima, log ranges for error
 * ratios, and the window of points to draw. Pure, so it is tested without a canvas.
 */

/** Rounds a maximum up to 1, 2, 2.5 or 5 × a power of ten, so gridlines land on round values. */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const exp = Math.floor(Math.log10(value));
  const base = Math.pow(10, exp);
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * base * (1 + 1e-9)) return step * base;
  return 10 * base;
}

/** A reference line on a chart (an SLO, an alert's threshold, a limit), named where it is drawn. */
export interface ChartLine {
  value: number;
  label: string;
  colour: string;
  /** Characters at the label's end never cut for room (an alert's threshold after its name). */
  keepEnd?: number;
}

/**
 * The top of a linear axis: room above the highest value and line, on a round number. A
 * hard ceiling (100%) tops the axis when nothing goes past it, rather than doubling it to
 * leave room above a limit line drawn at the ceiling.
 */
export function linearTop(max: number, lines: readonly number[], ceiling?: number): number {
  if (ceiling !== undefined && max <= ceiling && lines.every((v) => v <= ceiling)) return ceiling;
  return niceMax(Math.max(max * 1.1, ...lines.map((v) => v * 1.15), ceiling ?? 0));
}

/**
 * A reference line's name cut to `room` (as `measure` reads widths), with an ellipsis; the
 * last `keepEnd` characters (an alert's threshold) are never cut.
 */
export function fitLabel(text: string, keepEnd: number, room: number, measure: (t: string) => number): string {
  const kept = text.slice(text.length - keepEnd);
  let head = text.slice(0, text.length - keepEnd);
  let out = text;
  while (head.length > 1 && measure(out) > room) {
    head = head.slice(0, -1);
    out = `${head.trimEnd()}…${kept}`;
  }
  return out;
}

/** A log axis covering the values and reference lines: whole decades, at least three. */
export function logRange(values: ArrayLike<number>, lines: readonly number[]): { min: number; max: number } {
  let lo = Infinity;
  let hi = 0;
  const take = (v: number) => {
    if (v > 0 && Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  for (let i = 0; i < values.length; i++) take(values[i] as number);
  for (const l of lines) take(l);
  if (hi === 0) return { min: 1e-4, max: 1 };
  let min = Math.pow(10, Math.floor(Math.log10(lo)));
  let max = Math.min(1, Math.pow(10, Math.ceil(Math.log10(hi * 1.0001))));
  if (max <= min) max = min * 10;
  while (Math.log10(max / min) < 3) min /= 10;
  return { min: Math.max(min, 1e-7), max };
}

/** Index of the first point inside the time window ending at `now`. */
export function windowStart(time: ArrayLike<number>, now: number, windowSeconds: number): number {
  const from = now - windowSeconds;
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((time[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}
