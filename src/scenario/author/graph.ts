/**
 * A scenario as a Mermaid `stateDiagram-v2`: phases, endings, and what moves the incident
 * between them. Mermaid renders on GitHub, GitLab and in most editors' markdown preview,
 * so an author can see the shape of their incident without running anything. What can
 * happen comes from the loader's own analysis (`analyseScenario`), so the diagram and the
 * unreachable-phase warnings always agree.
 */
import { analyseScenario, type Edge } from '../graph.ts';
import type { Condition, Scenario } from '../schema/index.ts';
import { formatSeconds } from '../values.ts';

/**
 * Mermaid's state-diagram lexer ends a label at ":" or ";" and treats "#" as a comment,
 * quotes end a state's description, and "<" or ">" may be taken for HTML. Labels lose
 * those characters rather than break the diagram.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/:/g, ' -')
    .replace(/;/g, ',')
    .replace(/#/g, '')
    .replace(/"/g, "'")
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .trim();
}

const shortList = (ids: readonly string[]) => ids.join(', ');
const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

/** A condition in a few words: "at 2m and fact cause known". Empty conditions read "always". */
export function describeCondition(c: Condition): string {
  const parts: string[] = [];
  if (c.at !== undefined) parts.push(`at ${formatSeconds(c.at)}`);
  if (c.before !== undefined) parts.push(`before ${formatSeconds(c.before)}`);
  if (c.phase) parts.push(`in ${shortList(c.phase)}`);
  if (c.notPhase) parts.push(`not in ${shortList(c.notPhase)}`);
  if (c.inPhaseFor !== undefined) parts.push(`after ${formatSeconds(c.inPhaseFor)} in phase`);
  if (c.known) parts.push(`knows ${shortList(c.known)}`);
  if (c.unknown) parts.push(`does not know ${shortList(c.unknown)}`);
  if (c.done) parts.push(`${shortList(c.done)} done`);
  if (c.notDone) parts.push(`${shortList(c.notDone)} not started`);
  if (c.chosen) parts.push(`chose ${shortList(c.chosen)}`);
  if (c.acked !== undefined) parts.push(c.acked ? 'page acknowledged' : 'page not acknowledged');
  if (c.declared !== undefined) parts.push(c.declared ? 'incident declared' : 'no incident declared');
  if (c.alertFiring) parts.push(`${shortList(c.alertFiring)} firing`);
  if (c.budgetSpentAbove !== undefined) parts.push(`budget spent above ${percent(c.budgetSpentAbove)}`);
  if (c.budgetSpentBelow !== undefined) parts.push(`budget spent below ${percent(c.budgetSpentBelow)}`);
  if (c.noUpdateFor !== undefined) parts.push(`no update for ${formatSeconds(c.noUpdateFor)}`);
  return parts.length > 0 ? parts.join(' and ') : 'always';
}

/** Styles per ending outcome and for what no run can reach; the words in the boxes carry the meaning too. */
const CLASS_DEFS = [
  'classDef resolved fill:#e6f4ea,stroke:#1e8e3e,color:#0d652d',
  'classDef exhausted fill:#fce8e6,stroke:#d93025,color:#a50e0e',
  'classDef timeout fill:#fef7e0,stroke:#b06000,color:#7a4f00',
  'classDef worse fill:#fce8e6,stroke:#a50e0e,stroke-width:3px,color:#a50e0e',
  'classDef unreachable fill:#f1f3f4,stroke:#9aa0a6,color:#5f6368,stroke-dasharray:5 5',
  'classDef anyPhase fill:none,stroke:#5f6368,stroke-dasharray:2 2',
];

/** Mermaid ids hold only word characters and must not clash with keywords, so they get a prefix. */
function idMaker(): (prefix: string, id: string) => string {
  const used = new Map<string, string>();
  const taken = new Set<string>();
  return (prefix, id) => {
    const key = `${prefix}:${id}`;
    const known = used.get(key);
    if (known) return known;
    const base = `${prefix}_${id.replace(/\W/g, '_')}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
    used.set(key, candidate);
    taken.add(candidate);
    return candidate;
  };
}

/** Edges the analysis leaves out because their phase is unreachable: shown greyed, so the author sees what was meant. */
export function declaredEdgesOf(s: Scenario, phaseId: string): Edge[] {
  const phase = s.phases.find((p) => p.id === phaseId);
  if (!phase) return [];
  const edges: Edge[] = [];
  if (phase.onEnter.goto) edges.push({ from: phaseId, to: phase.onEnter.goto, kind: 'enter', via: phaseId });
  phase.transitions.forEach((t, i) => edges.push({ from: phaseId, to: t.to, kind: 'transition', via: String(i) }));
  for (const a of s.actions) {
    if (a.effects.goto && a.available.phase?.includes(phaseId)) edges.push({ from: phaseId, to: a.effects.goto, kind: 'action', via: a.id });
  }
  return edges;
}

/** An edge in words: "do restart", "choose p.o", a condition, or the time limit. */
export function edgeLabel(s: Scenario, edge: Edge): string {
  switch (edge.kind) {
    case 'enter':
      return 'on entry';
    case 'transition': {
      const t = s.phases.find((p) => p.id === edge.from)?.transitions[Number(edge.via)];
      return t ? describeCondition(t.when) : 'transition';
    }
    case 'action':
      return `do ${edge.via}`;
    case 'option':
      return `choose ${edge.via}`;
    case 'ending': {
      const when = s.endings.find((e) => e.id === edge.via)?.when;
      return when ? describeCondition(when) : 'ending';
    }
    case 'time-limit':
      return `time limit ${formatSeconds(s.timeLimit)}`;
  }
}

/** The scenario as Mermaid `stateDiagram-v2` source (no code fence). */
export function scenarioToMermaid(s: Scenario): string {
  const analysis = analyseScenario(s);
  const id = idMaker();
  const nodeId = (target: string) => (s.endings.some((e) => e.id === target) ? id('e', target) : id('p', target));
  const reachablePhases = s.phases.filter((p) => analysis.reachable.has(p.id)).map((p) => p.id);

  const lines: string[] = ['---', `title: ${mermaidText(s.title)}`, '---', 'stateDiagram-v2', '  direction LR'];
  for (const def of CLASS_DEFS) lines.push(`  ${def}`);
  for (const phase of s.phases) lines.push(`  state "${mermaidText(phase.title)}" as ${id('p', phase.id)}`);
  for (const ending of s.endings) lines.push(`  state "${mermaidText(ending.title)} (${ending.outcome})" as ${id('e', ending.id)}`);

  // Edges that leave every reachable phase (the time limit, endings such as "budget spent",
  // an action offered throughout) are drawn once, from an "any phase" box, not once per phase.
  const fromEverywhere = (edge: Edge) =>
    edge.kind !== 'transition' &&
    edge.kind !== 'enter' &&
    reachablePhases.length > 1 &&
    reachablePhases.every((p) => analysis.edges.some((e) => e.from === p && e.to === edge.to && e.kind === edge.kind && e.via === edge.via));
  const global: Edge[] = [];
  const seen = new Set<string>();
  const body: string[] = [];
  const emit = (from: string, edge: Edge) => {
    const line = `  ${from} --> ${nodeId(edge.to)}: ${mermaidText(edgeLabel(s, edge))}`;
    if (seen.has(line)) return;
    seen.add(line);
    body.push(line);
  };
  const first = s.phases[0];
  if (first) body.push(`  [*] --> ${id('p', first.id)}`);
  for (const edge of analysis.edges) {
    if (fromEverywhere(edge)) {
      if (!global.some((g) => g.to === edge.to && g.kind === edge.kind && g.via === edge.via)) global.push(edge);
    } else {
      emit(id('p', edge.from), edge);
    }
  }
  for (const phase of s.phases) {
    if (!analysis.reachable.has(phase.id)) for (const edge of declaredEdgesOf(s, phase.id)) emit(id('p', phase.id), edge);
  }
  if (global.length > 0) {
    lines.push('  state "any phase" as any_phase');
    for (const edge of global) emit('any_phase', edge);
  }
  lines.push(...body);

  for (const ending of s.endings) {
    lines.push(`  class ${id('e', ending.id)} ${analysis.reachable.has(ending.id) ? ending.outcome : 'unreachable'}`);
  }
  for (const phase of s.phases) if (!analysis.reachable.has(phase.id)) lines.push(`  class ${id('p', phase.id)} unreachable`);
  if (global.length > 0) lines.push('  class any_phase anyPhase');
  return `${lines.join('\n')}\n`;
}
