/**
 * Fills in the content of status updates in a choice log with what was true when each was
 * sent, as a player who reads the desk correctly would write them. Used by tests, the
 * generated play styles and the reference authoring: the content of an update never
 * changes the run, so one replay finds the truth of every update in the log.
 */
import type { Choice, Scenario, StatusUpdateContent } from '../scenario/schema/index.ts';
import { runPlaythrough, type TimedChoice } from './runner.ts';
import type { UpdateTruth } from './status-update.ts';

/** The content that states exactly the truth; `next` promises 30 minutes, or none once service is restored. */
export function honestContent(truth: UpdateTruth): StatusUpdateContent {
  return { impact: truth.impact, known: truth.known, doing: truth.doing, next: truth.impact === 'restored' ? 'none' : '30m' };
}

/** The log with every status update without content given honest content. Other choices are kept as they are. */
export function withHonestUpdates(scenario: Scenario, seed: number, choices: readonly (TimedChoice | Choice)[]): TimedChoice[] {
  const updates = new Set(scenario.actions.filter((a) => a.statusUpdate).map((a) => a.id));
  const out: TimedChoice[] = choices.map((c) => ({ ...c }) as TimedChoice);
  if (!out.some((c) => c.do && updates.has(c.do) && !c.update)) return out;
  const transcript = runPlaythrough(scenario, { seed, choices: out });
  // Updates are sent in the order their actions start: the queue keeps the log's order.
  const truths = transcript.events.flatMap((e) => (e.type === 'update' ? [e.verdict.truth] : []));
  const order = out
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.do && updates.has(c.do))
    .sort((a, b) => a.c.at - b.c.at || a.i - b.i);
  order.forEach(({ c }, k) => {
    const truth = truths[k];
    if (!c.update && truth) c.update = honestContent(truth);
  });
  return out;
}
