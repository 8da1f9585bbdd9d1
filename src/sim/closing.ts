/**
 * Closing an incident that still hurts customers does not close it. When the story reaches
 * a "resolved" ending while customers are still affected (burn.ts), the engine keeps the run
 * in the phase it was in, records a reopen, sends the pages that are still firing again
 * and tells the player why. The scorer and the debrief read the reopen; a run cannot be
 * won by closing early.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import { affectedNow, burnNow } from './burn.ts';
import type { Run } from './engine.ts';

/** Per run, how many choices had been made at the last reopen: the next one needs a new attempt. */
const lastReopen = new WeakMap<Run, number>();

/**
 * True if the ending must not take: it is a resolution and customers are still affected. The
 * first refusal after each new choice records the reopen and repeats the firing pages.
 */
export function holdPrematureClose(run: Run, ending: Scenario['endings'][number]): boolean {
  if (ending.outcome !== 'resolved') return false;
  if (!affectedNow(run)) return false;
  const burn = burnNow(run);
  if (lastReopen.get(run) === run.choices.length) return true;
  lastReopen.set(run, run.choices.length);
  run.events.push({ t: run.t, type: 'reopen', burn, ending: ending.id });
  run.events.push({
    t: run.t,
    type: 'message',
    from: 'pager',
    text: `Not closed: customers are still affected (the error budget burns at ${burn.toFixed(1)}× the sustainable rate). The page fires again.`,
    message: null,
  });
  for (const id of run.alerts.repage()) run.events.push({ t: run.t, type: 'page', alert: id });
  run.acked = false;
  return true;
}
