/**
 * The error budget a draft starts with, derived from the failure rate the postmortem
 * states: a player as quick as the real responders must get through, and one who does
 * nothing must run out. The note says the arithmetic (burn rate = error ratio ÷ (1 − SLO),
 * budget = (1 − SLO) × window) so the author can check it, and warns when the stated rate
 * would have spent the whole budget before the real fix.
 */
import { budgetForLosingPath } from './template-story.ts';

const WINDOW = 30 * 86400;

/** "1h 5m", "54m", "40s": a length of time for a comment. */
export function spoken(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return h > 0 ? `${h}h${m ? ` ${m}m` : ''}` : `${m}m`;
}

const percent = (x: number) => `${Number((x * 100).toPrecision(3))}%`;

export interface StartingBudget {
  /** budgetSpentAtStart, 0–0.9. */
  spent: number;
  /** Seconds from the trigger until the budget runs out if nobody acts. */
  lasts: number;
  /** The arithmetic, for a comment. */
  note: string;
  /** Set when a player as fast as the real team would still run out. */
  problem?: string;
}

/**
 * @param objective the SLO in percent (99.9)
 * @param failing the share of requests failing during the impact (0.8)
 * @param fixAfter seconds from the trigger to the real fix
 */
export function startingBudget(objective: number, failing: number, fixAfter: number): StartingBudget {
  const losingAfter = Math.max(30 * 60, 1.5 * fixAfter);
  const spent = budgetForLosingPath(objective, WINDOW, failing, losingAfter);
  const allowed = (1 - objective / 100) * WINDOW;
  const burn = failing / (1 - objective / 100);
  const lasts = ((1 - spent) * WINDOW) / burn;
  const note =
    `${objective}% over 30 days allows ${spoken(allowed)} of full outage; ${percent(failing)} failing burns it ${Number(burn.toPrecision(3))}× as fast as the SLO allows, ` +
    `so the ${percent(1 - spent)} left lasts ${spoken(lasts)} after the trigger (the real fix came ${spoken(fixAfter)} in)`;
  if (lasts >= fixAfter) return { spent, lasts, note };
  return {
    spent,
    lasts,
    note,
    problem: `at this rate even a full budget runs out ${spoken(lasts)} after the trigger, before the real fix at ${spoken(fixAfter)}: a player as quick as the real team loses. Lower the objective, shorten the impact, or drop the budget-exhausted ending.`,
  };
}
