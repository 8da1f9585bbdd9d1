/**
 * SLO and error-budget arithmetic, exact to the SRE workbook's figures.
 * Ratios are fractions (0.999), windows and times are seconds.
 */

/** Error budget as time: (1 − SLO) × window. 99.9% over 30 days → 2592 s (43.2 min). */
export function budgetSeconds(slo: number, windowSeconds: number): number {
  return (1 - slo) * windowSeconds;
}

/** Bad requests a request-based SLI allows: 99.9% of 1,000,000 → 1,000. */
export function allowedBadRequests(slo: number, totalRequests: number): number {
  return Math.round((1 - slo) * totalRequests * 1e9) / 1e9;
}

/** Burn rate: observed error ratio ÷ (1 − SLO). 1 spends exactly the budget over the window. */
export function burnRate(errorRatio: number, slo: number): number {
  return errorRatio / (1 - slo);
}

/** Time until the whole budget is gone at a constant burn rate: window ÷ burn rate. */
export function timeToExhaustion(windowSeconds: number, rate: number, fractionLeft = 1): number {
  return rate <= 0 ? Infinity : (fractionLeft * windowSeconds) / rate;
}

/** Burn-rate threshold that means "fraction f of the budget spent within alert window w": f × window ÷ w. */
export function burnRateThreshold(fraction: number, windowSeconds: number, alertWindowSeconds: number): number {
  return (fraction * windowSeconds) / alertWindowSeconds;
}

/**
 * How long a burn-rate alert over window W with threshold B takes to fire once the error
 * ratio jumps to e (history clean): t = W · B · (1 − SLO) / e. Infinity if it never fires.
 */
export function detectionSeconds(alertWindowSeconds: number, rate: number, slo: number, errorRatio: number): number {
  const t = (alertWindowSeconds * rate * (1 - slo)) / errorRatio;
  return t > alertWindowSeconds * (1 + 1e-9) ? Infinity : t;
}

/** Fraction of the window budget a constant error ratio spends in a given time. */
export function budgetFractionSpent(errorRatio: number, slo: number, seconds: number, windowSeconds: number): number {
  return (errorRatio * seconds) / budgetSeconds(slo, windowSeconds);
}

/**
 * Share of requests slower than a threshold, estimated from p50/p95/p99 by interpolating
 * in log-latency between the known quantiles (and extrapolating one decade past p99).
 * Latency SLIs count these as bad requests.
 */
export function shareSlowerThan(thresholdMs: number, p50: number, p95: number, p99: number): number {
  if (!(thresholdMs > 0)) return 1;
  const p999 = p99 * Math.max(1.05, p99 / Math.max(p95, 1e-9));
  // The known points of the survival curve, (latency, share slower): p50 / 4 → 1, p50 → 0.5,
  // p95 → 0.05, p99 → 0.01, p99.9 → 0.001. Unrolled: the engine calls this every tick while
  // latency moves, and it must not allocate.
  if (thresholdMs <= p50 / 4) return 1;
  if (thresholdMs <= p50) return between(thresholdMs, p50 / 4, p50, 0);
  if (thresholdMs <= p95) return between(thresholdMs, p50, p95, 1);
  if (thresholdMs <= p99) return between(thresholdMs, p95, p99, 2);
  if (thresholdMs <= p999) return between(thresholdMs, p99, p999, 3);
  // Past p99.9: one more decade of tail per step of the p99→p99.9 log distance.
  const span = Math.log(p999) - Math.log(p99);
  const decades = (Math.log(thresholdMs) - Math.log(p999)) / Math.max(span, 1e-9);
  return 0.001 * Math.pow(10, -decades);
}

/** The shares slower than the known points (p50 / 4, p50, p95, p99, p99.9), and their logs taken once. */
const SHARE = [1, 0.5, 0.05, 0.01, 0.001];
const LOG_SHARE = SHARE.map(Math.log);

/** Log-log interpolation of the share slower than x between known points i and i + 1, at x0 < x ≤ x1. */
function between(x: number, x0: number, x1: number, i: number): number {
  if (x1 <= x0) return SHARE[i + 1] as number;
  const logS0 = LOG_SHARE[i] as number;
  const logS1 = LOG_SHARE[i + 1] as number;
  const f = (Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0));
  return Math.exp(logS0 + f * (logS1 - logS0));
}
