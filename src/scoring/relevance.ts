/**
 * Whether the situation called for an action when the player took it. An author marks it
 * with the action's `relevant` condition, checked against the state of the run at that
 * moment. Without one, the scenario's reference playthroughs decide: an action is called
 * for in the phases that a reference at L2 or above took it in. A scenario with no such
 * reference calls for everything. Anti-patterns are exempt (their own evidence already
 * judges them), and so are status updates (their content is judged instead).
 */
import type { Action, Scenario } from '../scenario/schema/index.ts';
import { holds, type RunView } from '../sim/conditions.ts';
import { rank } from './ladder.ts';
import { referenceRuns } from './reference-runs.ts';

/** True if taking `action` at the moment `view` describes was called for. */
export function calledFor(scenario: Scenario, action: Action, view: () => RunView, phase: string): boolean {
  if (action.statusUpdate || action.evidence.some((e) => e.harmful)) return true;
  if (action.relevant) return holds(action.relevant, view());
  if (!scenario.scoring.references.some((r) => rank(r.expect) >= 2)) return true;
  return referenceRuns(scenario).calledFor.has(`${action.id} ${phase}`);
}
