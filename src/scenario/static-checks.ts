/**
 * Warnings from the phase graph: phases and endings no run can reach, phases with no
 * way out, and actions and prompts that can never come up. These are the mistakes
 * that only show in play, usually when a trainer is in front of a room.
 */
import { checkClaims } from './claim-checks.ts';
import { analyseScenario, conditionBlockers, type ScenarioGraph } from './graph.ts';
import type { Reporter } from './report.ts';
import type { Condition, Scenario } from './schema/index.ts';
import type { Path } from './walk.ts';

/** Endings that a run falls into rather than gets to: they are not a way out of a phase. */
const FALLBACK_OUTCOMES = new Set(['exhausted', 'timeout']);

function reportNever(s: Scenario, graph: ScenarioGraph, condition: Condition, at: Path, report: Reporter, code: 'BR053' | 'BR054', what: string): void {
  const blockers = conditionBlockers(s, condition, graph);
  const first = blockers[0];
  const path = first ? [...at, first.field, ...(first.index === undefined ? [] : [first.index])] : at;
  const reasons = blockers.map((b) => b.reason);
  report.atPath(code, path, `${what}: ${reasons[0] ?? 'its condition can never hold'}`, {
    hint: reasons.length > 1 ? `also: ${reasons.slice(1).join('; ')}` : 'change the condition, or remove it if it is no longer used',
  });
}

/** Reports unreachable phases and endings, dead ends, and actions and prompts that never come up. Returns the analysis. */
export function checkStatic(s: Scenario, report: Reporter): ScenarioGraph {
  const graph = analyseScenario(s);

  s.phases.forEach((phase, i) => {
    if (graph.reachable.has(phase.id)) return;
    report.atPath('BR050', ['phases', i, 'id'], `phase \`${phase.id}\` can never be reached`, {
      hint: 'nothing that can happen leads here: add a transition with `to`, or a `goto` on an action or prompt option that can be taken',
    });
  });
  s.endings.forEach((ending, i) => {
    if (graph.reachable.has(ending.id)) return;
    report.atPath('BR051', ['endings', i, 'id'], `ending \`${ending.id}\` can never be reached`, {
      hint: ending.when
        ? 'its `when` can never hold, and nothing goes to it'
        : 'nothing goes to it: add a transition or `goto` to it, or give it a `when`',
    });
  });

  const outcomes = new Map(s.endings.map((e) => [e.id, e.outcome]));
  s.phases.forEach((phase, i) => {
    if (!graph.reachable.has(phase.id)) return;
    const exits = graph.edges.filter(
      (e) =>
        e.from === phase.id &&
        e.to !== phase.id &&
        e.kind !== 'time-limit' &&
        !(e.kind === 'ending' && FALLBACK_OUTCOMES.has(outcomes.get(e.to) ?? '')),
    );
    if (exits.length > 0) return;
    report.atPath('BR052', ['phases', i, 'id'], `phase \`${phase.id}\` has no way out but the time limit`, {
      hint: 'add a transition, an action or prompt option with `goto`, or an ending whose `when` can hold in this phase',
    });
  });

  s.actions.forEach((action, i) => {
    if (!graph.possibleActions.has(action.id)) {
      reportNever(s, graph, action.available, ['actions', i, 'available'], report, 'BR053', `action \`${action.id}\` is never available`);
    }
  });
  s.prompts.forEach((prompt, i) => {
    if (!graph.openablePrompts.has(prompt.id)) {
      reportNever(s, graph, prompt.when, ['prompts', i, 'when'], report, 'BR054', `prompt \`${prompt.id}\` never opens`);
    }
  });
  checkClaims(s, graph, report);
  return graph;
}
