/**
 * Where conditions and effects live in a scenario, with their value paths, so that
 * every check visits all of them the same way and points at the right line.
 */
import type { ScenarioParts } from './parts.ts';
import type { PathSegment } from './positions.ts';
import type { Condition, Effects, Evidence } from './schema/index.ts';

export type Path = readonly PathSegment[];

export interface ConditionSite {
  condition: Condition;
  path: Path;
  /** The phases where this condition is checked at all (transitions only run in their phase). */
  inPhase?: string;
}

export interface EffectsSite {
  effects: Effects;
  path: Path;
}

function evidenceConditions(list: readonly Evidence[], path: Path, out: ConditionSite[]): void {
  list.forEach((e, k) => {
    if (e.when) out.push({ condition: e.when, path: [...path, k, 'when'] });
  });
}

/** Every condition in the scenario: transitions, endings, availability, prompts, messages, evidence. */
export function conditionSites(s: ScenarioParts): ConditionSite[] {
  const out: ConditionSite[] = [];
  s.phases.forEach((phase, i) =>
    phase.transitions.forEach((t, j) => out.push({ condition: t.when, path: ['phases', i, 'transitions', j, 'when'], inPhase: phase.id })),
  );
  s.endings.forEach((ending, i) => {
    if (ending.when) out.push({ condition: ending.when, path: ['endings', i, 'when'] });
  });
  s.actions.forEach((action, i) => {
    out.push({ condition: action.available, path: ['actions', i, 'available'] });
    evidenceConditions(action.evidence, ['actions', i, 'evidence'], out);
  });
  s.prompts.forEach((prompt, i) => {
    out.push({ condition: prompt.when, path: ['prompts', i, 'when'] });
    prompt.options.forEach((option, j) => {
      if (option.when) out.push({ condition: option.when, path: ['prompts', i, 'options', j, 'when'] });
      evidenceConditions(option.evidence, ['prompts', i, 'options', j, 'evidence'], out);
    });
  });
  s.messages.forEach((message, i) => out.push({ condition: message.when, path: ['messages', i, 'when'] }));
  for (const { effects, path } of effectsSites(s)) {
    if (!Array.isArray(effects.result)) continue;
    effects.result.forEach((v, k) => {
      if (v.when) out.push({ condition: v.when, path: [...path, 'result', k, 'when'] });
    });
  }
  s.scoring.rules.forEach((rule, i) => {
    for (const list of ['met', 'missed', 'evidence'] as const) {
      const evidence = (rule as Partial<Record<typeof list, Evidence[]>>)[list];
      if (evidence) evidenceConditions(evidence, ['scoring', 'rules', i, list], out);
    }
  });
  return out;
}

/** Every effects block: phase entry, actions, prompt options. */
export function effectsSites(s: ScenarioParts): EffectsSite[] {
  const out: EffectsSite[] = [];
  s.phases.forEach((phase, i) => out.push({ effects: phase.onEnter, path: ['phases', i, 'onEnter'] }));
  s.actions.forEach((action, i) => out.push({ effects: action.effects, path: ['actions', i, 'effects'] }));
  s.prompts.forEach((prompt, i) =>
    prompt.options.forEach((option, j) => out.push({ effects: option.effects, path: ['prompts', i, 'options', j, 'effects'] })),
  );
  s.injects?.forEach((inject, i) => out.push({ effects: inject.effects, path: ['injects', i, 'effects'] }));
  return out;
}
