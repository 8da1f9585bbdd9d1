/**
 * The incident's key times, read from a transcript.
 *
 * - Time to acknowledge: first successful ack − first page.
 * - Burn: the rate the error budget is being spent, from the budget ledger itself
 *   (change in budget spent per tick × SLO window ÷ tick), averaged over the trailing
 *   minute so one noisy sample cannot start or end an incident. 1× spends the budget
 *   exactly over the window.
 * - The incident began at the first tick the burn reached 1× (0 if it already had).
 * - Mitigated: the first tick after that from which the burn stayed below 1× to the end
 *   of the run. Read from the burn rather than from phase names because authors name
 *   phases freely; it marks when the bleeding stopped, which trails the fix by the time
 *   the fix takes to land (a decaying error ratio, pods going ready). The 5-minute burn
 *   series was the other candidate, but it lags a fix by up to five minutes, longer than
 *   many scenarios run after their fix. Null if the burn never stayed below 1×.
 * - Resolved: the time of a "resolved" ending.
 * Time to acknowledge counts from the first page; time to mitigate and to resolve count
 * from the start of the incident (the start of the run if the burn never reached 1×).
 */
import type { RunIndex } from './occurrences.ts';

/** Key times in sim seconds; null when the thing never happened. */
export interface KeyTimes {
  firstPageAt: number | null;
  firstAckAt: number | null;
  timeToAcknowledge: number | null;
  incidentStartAt: number | null;
  mitigatedAt: number | null;
  timeToMitigate: number | null;
  resolvedAt: number | null;
  timeToResolve: number | null;
}

/** Seconds the burn is averaged over. */
export const BURN_SMOOTHING = 60;

/** The budget burn rate at each recorded tick, averaged over the trailing BURN_SMOOTHING seconds. */
export function burnPerTick(index: RunIndex): Float64Array {
  const { scenario, transcript } = index;
  const spent = transcript.series['budget.spent'];
  const slo = scenario.service.slos.find((s) => s.kind === 'availability') ?? scenario.service.slos[0];
  const out = new Float64Array(spent?.length ?? 0);
  if (!spent || !slo || spent.length === 0) return out;
  const span = Math.max(1, Math.round(BURN_SMOOTHING / transcript.tick));
  for (let i = 1; i < spent.length; i++) {
    const back = Math.max(0, i - span);
    const seconds = (transcript.time[i] as number) - (transcript.time[back] as number);
    out[i] = seconds > 0 ? (((spent[i] as number) - (spent[back] as number)) * slo.window) / seconds : 0;
  }
  out[0] = spent.length > 1 ? (out[1] as number) : 0;
  return out;
}

/** Reads the key times of a run. */
export function keyTimes(index: RunIndex): KeyTimes {
  const { transcript } = index;
  const firstPageAt = index.firstPage;
  const firstAckAt = transcript.events.find((e) => e.type === 'ack')?.t ?? null;
  const burn = burnPerTick(index);
  const time = transcript.time;
  let start = -1;
  for (let i = 0; i < burn.length; i++) {
    if ((burn[i] as number) >= 1) {
      start = i;
      break;
    }
  }
  let mitigated = -1;
  if (start >= 0) {
    // Walk back from the end: the last stretch below 1× that lasts to the end.
    let i = burn.length - 1;
    while (i > start && (burn[i] as number) < 1) i--;
    if (i < burn.length - 1) mitigated = i + 1;
  }
  const incidentStartAt = start >= 0 ? (time[start] as number) : null;
  const mitigatedAt = mitigated >= 0 ? (time[mitigated] as number) : null;
  const resolvedAt = transcript.ending?.outcome === 'resolved' ? transcript.ending.at : null;
  return {
    firstPageAt,
    firstAckAt,
    timeToAcknowledge: firstPageAt !== null && firstAckAt !== null ? firstAckAt - firstPageAt : null,
    incidentStartAt,
    mitigatedAt,
    timeToMitigate: incidentStartAt !== null && mitigatedAt !== null ? mitigatedAt - incidentStartAt : null,
    resolvedAt,
    timeToResolve: resolvedAt !== null ? resolvedAt - (incidentStartAt ?? 0) : null,
  };
}
