/**
 * The budget burn a run is at, read from its recorded budget series the way the debrief
 * reads it (budget spent over the trailing minute × the SLO window ÷ that minute), so the
 * engine's judgements — is a status update's impact true, is it safe to close — agree
 * with the key times the debrief shows.
 */
import type { Run } from './engine.ts';

/** Seconds the burn is averaged over. */
export const BURN_SMOOTHING = 60;

/** Burn at recorded point i of a budget series, averaged over the trailing BURN_SMOOTHING seconds. */
export function burnAtPoint(time: ArrayLike<number>, spent: ArrayLike<number>, windowSeconds: number, tick: number, i: number): number {
  if (i <= 0) return spent.length > 1 ? burnAtPoint(time, spent, windowSeconds, tick, 1) : 0;
  const back = Math.max(0, i - Math.max(1, Math.round(BURN_SMOOTHING / tick)));
  const seconds = (time[i] as number) - (time[back] as number);
  return seconds > 0 ? (((spent[i] as number) - (spent[back] as number)) * windowSeconds) / seconds : 0;
}

function primaryWindow(run: Run): number {
  return run.scenario.service.slos.find((s) => s.id === run.primarySlo)?.window ?? 1;
}

/** The run's burn at its latest recorded point. */
export function burnNow(run: Run): number {
  const spent = run.recorder.view('budget.spent');
  return burnAtPoint(run.recorder.timeView(), spent, primaryWindow(run), run.tick, spent.length - 1);
}

/** Share of its baseline traffic a customer cohort may lose before customers count as affected. */
export const TRAFFIC_LOSS = 0.3;
/** Error ratio above which a customer cohort counts as affected (or five times the baseline, if higher). */
export const ERROR_FLOOR = 0.005;

/**
 * The burn that counts as customers affected: 1×, or twice the service's everyday burn when
 * its baseline error ratio alone spends the budget that fast (a service that always runs
 * at 1× is not always in an incident).
 */
function affectedBurn(run: Run): number {
  const slo = run.scenario.service.slos.find((s) => s.id === run.primarySlo);
  const allowed = slo && slo.kind === 'availability' ? 1 - slo.objective / 100 : 0;
  const baseline = allowed > 0 ? run.scenario.telemetry.errorRatio / allowed : 0;
  return Math.max(1, 2 * baseline);
}

/**
 * Whether customers were affected at recorded point i: the budget burned at 1× or more
 * (affectedBurn), or
 * some customer cohort (one that counts for the SLO) lost a good share of its traffic or
 * failed well above its baseline, averaged over the trailing minute. Traffic that never
 * arrives spends no budget, so the budget alone can miss an outage.
 */
export function affectedAtPoint(run: Run, i: number): boolean {
  const time = run.recorder.timeView();
  const spent = run.recorder.view('budget.spent');
  if (i < 0 || i >= time.length) return false;
  const tel = run.scenario.telemetry;
  if (burnAtPoint(time, spent, primaryWindow(run), run.tick, i) >= affectedBurn(run)) return true;
  const back = Math.max(0, i - Math.max(0, Math.round(BURN_SMOOTHING / run.tick) - 1));
  const errLimit = Math.max(ERROR_FLOOR, tel.errorRatio * 5);
  for (const c of tel.cohorts) {
    if (!c.countsForSlo || c.share <= 0) continue;
    const rps = run.recorder.view(`${c.id}.rps`);
    const err = run.recorder.view(`${c.id}.errorRatio`);
    let r = 0;
    let e = 0;
    for (let k = back; k <= i; k++) {
      r += rps[k] as number;
      e += err[k] as number;
    }
    const n = i - back + 1;
    if (r / n < tel.rps * c.share * (1 - TRAFFIC_LOSS) || e / n > errLimit) return true;
  }
  return false;
}

/** Whether customers are affected now (see affectedAtPoint). */
export function affectedNow(run: Run): boolean {
  return affectedAtPoint(run, run.recorder.timeView().length - 1);
}

/** Whether customers were affected at any earlier recorded point. */
export function wasAffected(run: Run): boolean {
  const n = run.recorder.timeView().length;
  for (let i = 0; i < n - 1; i++) if (affectedAtPoint(run, i)) return true;
  return false;
}
