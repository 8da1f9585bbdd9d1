/**
 * How the desk writes numbers: sim time, durations, percentages, rates. Pure, so every
 * screen says the same thing the same way and the unit tests pin it.
 */

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Sim clock as the top bar shows it: "T+00:12:30" (hours always shown, so it never jumps width). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `T+${pad2(h)}:${pad2(m)}:${pad2(s % 60)}`;
}

/** A sim-time duration in words a pager would use: "45s", "2m", "2m 30s", "1h 5m", "3d 4h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${m}m ${rest}s` : `${m}m`;
  }
  if (s < 86400) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return m ? `${h}h ${m}m` : `${h}h`;
  }
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  return h ? `${d}d ${h}h` : `${d}d`;
}

/**
 * A fraction as a percentage with enough digits to be honest at SLO scales:
 * 0.25 → "25%", 0.123 → "12.3%", 0.0005 → "0.05%", 0.9999 → "99.99%".
 */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const p = fraction * 100;
  const abs = Math.abs(p);
  let digits: number;
  if (abs === 0 || abs >= 10) digits = abs >= 99.5 && abs < 100 ? 2 : 1;
  else if (abs >= 1) digits = 1;
  else if (abs >= 0.1) digits = 2;
  else if (abs >= 0.001) digits = 3;
  else digits = Math.min(8, 1 - Math.floor(Math.log10(abs)));
  // Trailing zeros say nothing ("12.0%"): drop them, but keep precision near 100%.
  const text = p.toFixed(digits).replace(/\.?0+$/, '');
  return `${text}%`;
}

/** A burn rate: "0.4×", "14.4×", "1,000×". */
export function formatBurn(rate: number): string {
  if (!Number.isFinite(rate) || rate < 0) return '—';
  if (rate >= 100) return `${Math.round(rate).toLocaleString('en-US')}×`;
  if (rate >= 10) return `${rate.toFixed(1).replace(/\.0$/, '')}×`;
  return `${rate.toFixed(1)}×`;
}

/** Remaining budget as minutes (the unit on-call people use for a 30-day budget): "3.2 min", "43.2 min", "2h 10m". */
export function formatBudgetTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const s = Math.max(0, seconds);
  if (s >= 3 * 3600) return formatDuration(s);
  if (s >= 600) return `${(s / 60).toFixed(0)} min`;
  return `${(s / 60).toFixed(1)} min`;
}

/** A request rate: "950/s", "1.2k/s", "12k/s". */
export function formatRps(rps: number): string {
  if (!Number.isFinite(rps)) return '—';
  if (rps >= 10_000) return `${Math.round(rps / 1000)}k/s`;
  if (rps >= 1000) return `${(rps / 1000).toFixed(1)}k/s`;
  if (rps >= 10) return `${Math.round(rps)}/s`;
  return `${rps.toFixed(1)}/s`;
}

/** A latency: "8 ms", "120 ms", "1.4 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** A value of a saturation signal with its unit: "62%", "48 conns". */
export function formatSignal(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const v = Math.abs(value) >= 100 ? Math.round(value).toString() : Math.abs(value) >= 10 ? value.toFixed(0) : value.toFixed(1);
  if (!unit) return v;
  return unit === '%' ? `${v}%` : `${v} ${unit}`;
}
