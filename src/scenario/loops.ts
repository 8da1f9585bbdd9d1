/**
 * Phase loops: phases that move into each other with no time passing. An `onEnter: goto`
 * is taken the moment its phase starts, and a transition whose `when` already holds is
 * taken at once, so a cycle of them spins the engine within one tick. The engine refuses
 * to loop at run time; this check names the cycle before anyone plays it.
 */
import type { Condition, Phase } from './schema/index.ts';
import type { PathSegment } from './positions.ts';
import type { Reporter } from './report.ts';

/** A move out of a phase that can happen the instant the phase starts. */
interface ImmediateEdge {
  to: string;
  /** Where the move is written. */
  path: PathSegment[];
  /** Taken every time: an `onEnter: goto`, or a transition that always holds and comes first. */
  certain: boolean;
  /** What makes the move, in words, for the message. */
  via: string;
  when?: Condition;
}

const isEmpty = (c: Condition): boolean => Object.keys(c).length === 0;

/**
 * True when a transition cannot be taken the instant its phase starts: it waits for time
 * in the phase, and entering the phase sets that clock to zero.
 */
const waitsInPhase = (c: Condition): boolean =>
  (c.inPhaseFor ?? 0) > 0 || (c.anyOf !== undefined && c.anyOf.every((a) => (a.inPhaseFor ?? 0) > 0));

/** Two conditions that can never hold at once, by a pair of fields that contradict. */
function contradict(a: Condition, b: Condition): boolean {
  const clash = (yes: readonly string[] | undefined, no: readonly string[] | undefined) => !!yes && !!no && yes.some((x) => no.includes(x));
  return (
    clash(a.done, b.notDone) ||
    clash(b.done, a.notDone) ||
    clash(a.known, b.unknown) ||
    clash(b.known, a.unknown) ||
    (a.acked !== undefined && b.acked !== undefined && a.acked !== b.acked) ||
    (a.declared !== undefined && b.declared !== undefined && a.declared !== b.declared) ||
    (a.at !== undefined && b.before !== undefined && a.at >= b.before) ||
    (b.at !== undefined && a.before !== undefined && b.at >= a.before) ||
    (a.budgetSpentAbove !== undefined && b.budgetSpentBelow !== undefined && a.budgetSpentAbove >= b.budgetSpentBelow) ||
    (b.budgetSpentAbove !== undefined && a.budgetSpentBelow !== undefined && b.budgetSpentAbove >= a.budgetSpentBelow)
  );
}

function immediateEdges(phase: Phase, index: number): ImmediateEdge[] {
  const goto = phase.onEnter.goto;
  // With an entry goto the phase is left before any transition is looked at.
  if (goto !== undefined) return [{ to: goto, path: ['phases', index, 'onEnter', 'goto'], certain: true, via: `\`onEnter: goto: ${goto}\`` }];
  const out: ImmediateEdge[] = [];
  for (const [j, tr] of phase.transitions.entries()) {
    if (waitsInPhase(tr.when)) continue;
    const certain = j === 0 && isEmpty(tr.when);
    out.push({ to: tr.to, path: ['phases', index, 'transitions', j, 'to'], certain, via: certain ? 'a transition with an empty `when`' : 'a transition', when: tr.when });
    // A transition that always holds is taken first: the ones after it never are.
    if (isEmpty(tr.when)) break;
  }
  return out;
}

/** A cycle as the phase ids it passes through and the edges that make it. */
interface Cycle {
  phases: string[];
  edges: ImmediateEdge[];
}

/** Every elementary cycle is too many to list; one per strongly connected group is enough to fix. */
function findCycles(phases: readonly Phase[], edgesOf: ReadonlyMap<string, ImmediateEdge[]>, certainOnly: boolean): Cycle[] {
  const cycles: Cycle[] = [];
  const done = new Set<string>();
  for (const start of phases) {
    if (done.has(start.id)) continue;
    // Depth-first walk with an explicit stack, so a long chain of phases cannot overflow it.
    const onPath = new Map<string, number>();
    const path: string[] = [];
    const via: ImmediateEdge[] = [];
    const stack: Array<{ id: string; next: number }> = [{ id: start.id, next: 0 }];
    onPath.set(start.id, 0);
    path.push(start.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const edges = (edgesOf.get(top.id) ?? []).filter((e) => !certainOnly || e.certain);
      const edge = edges[top.next++];
      if (!edge) {
        stack.pop();
        onPath.delete(top.id);
        path.pop();
        via.pop();
        done.add(top.id);
        continue;
      }
      if (!edgesOf.has(edge.to) || done.has(edge.to)) continue;
      const back = onPath.get(edge.to);
      if (back !== undefined) {
        const cycleEdges = [...via.slice(back), edge];
        if (certainOnly || !cycleEdges.some((a, i) => cycleEdges.slice(i + 1).some((b) => a.when && b.when && contradict(a.when, b.when)))) {
          cycles.push({ phases: [...path.slice(back), edge.to], edges: cycleEdges });
        }
        continue;
      }
      onPath.set(edge.to, path.length);
      path.push(edge.to);
      via.push(edge);
      stack.push({ id: edge.to, next: 0 });
    }
  }
  return cycles;
}

/**
 * Reports cycles of phases that move into each other with no time passing (BR055): an
 * error when every move in the cycle is certain (entry gotos, transitions that always
 * hold), a warning when the cycle loops only if its transitions' conditions hold together.
 */
export function checkLoops(phases: readonly Phase[], report: Reporter): void {
  const edgesOf = new Map(phases.map((p, i) => [p.id, immediateEdges(p, i)] as const));
  const reported = new Set<string>();
  const describe = (c: Cycle) => c.phases.map((id) => `\`${id}\``).join(' → ');
  for (const cycle of findCycles(phases, edgesOf, true)) {
    cycle.phases.forEach((id) => reported.add(id));
    const first = cycle.edges[0] as ImmediateEdge;
    report.atPath('BR055', first.path, `phases ${describe(cycle)} move into each other endlessly: each is left the moment it starts`, {
      hint: `${cycle.edges.map((e, i) => `\`${cycle.phases[i]}\` leaves by ${e.via}`).join('; ')}. ${
        cycle.edges.some((e) => e.when === undefined)
          ? 'Make one of these moves wait: a transition with `when: { inPhaseFor: 1m }` instead of the goto'
          : 'Make one of these transitions wait, e.g. `when: { inPhaseFor: 1m }`'
      }`,
    });
  }
  for (const cycle of findCycles(phases, edgesOf, false)) {
    if (cycle.phases.some((id) => reported.has(id))) continue;
    cycle.phases.forEach((id) => reported.add(id));
    const first = cycle.edges[0] as ImmediateEdge;
    report.atPath('BR055', first.path, `phases ${describe(cycle)} can move into each other endlessly: whenever their transitions' conditions hold together, each is left the moment it starts`, {
      severity: 'warning',
      hint: 'give one of the transitions a condition the others rule out, or `inPhaseFor` so the phase lasts a while; the game stops a run that loops with an error ending',
    });
  }
}
