/**
 * Reference checks: every id a scenario mentions must name something it declares.
 * Each miss is located at the mention and suggests the closest declared id.
 */
import type { DiagnosticCode } from './diagnostics.ts';
import type { ScenarioIds } from './ids.ts';
import type { ScenarioParts } from './parts.ts';
import type { Reporter } from './report.ts';
import { METRICS, type Condition } from './schema/index.ts';
import { suggestionHint } from './suggest.ts';
import { conditionSites, effectsSites, type Path } from './walk.ts';

/** Built-in scoring events (see EventRef in the schema). */
export const BUILT_IN_EVENTS = ['@ack', '@declare', '@update', '@investigate', '@mitigate', '@communicate', '@escalate'] as const;
/** Anchors a timing or silence rule's `from` may name besides an event. */
export const BUILT_IN_ANCHORS = ['start', 'page'] as const;

class RefChecker {
  /** Phases and endings: what `goto` and `to` may name. */
  readonly targets: readonly string[];
  /** Built-in metrics and signals. */
  readonly metrics: readonly string[];
  /** Lists that may lack ids (see {@link ScenarioIds.partial}): a name not in one is not reported. */
  private readonly partial: Set<readonly string[]>;

  constructor(
    private readonly ids: ScenarioIds,
    private readonly report: Reporter,
  ) {
    this.targets = [...ids.phases, ...ids.endings];
    this.metrics = [...METRICS, ...ids.signals];
    this.partial = new Set(ids.partial);
    if (ids.partial.has(ids.phases) || ids.partial.has(ids.endings)) this.partial.add(this.targets);
    if (ids.partial.has(ids.signals)) this.partial.add(this.metrics);
  }

  /** Reports `id` at `path` unless it is one of `known` (or `known` may be incomplete). Returns true if it was found. */
  expect(id: string, known: readonly string[], code: DiagnosticCode, noun: string, path: Path, plural = `${noun}s`): boolean {
    if (known.includes(id)) return true;
    if (this.partial.has(known)) return false;
    this.report.atPath(code, path, `there is no ${noun} \`${id}\``, { hint: suggestionHint(id, known, plural) });
    return false;
  }

  list(ids: readonly string[] | undefined, known: readonly string[], code: DiagnosticCode, noun: string, path: Path): void {
    ids?.forEach((id, k) => this.expect(id, known, code, noun, [...path, k]));
  }

  /** A phase or ending named by `goto`/`to`. */
  target(id: string, path: Path): void {
    this.expect(id, this.targets, 'BR021', 'phase or ending', path, 'phases and endings');
  }

  /** "promptId.optionId", as in `chosen`, Choice `choose` and scoring events. */
  promptOption(ref: string, path: Path): boolean {
    const dot = ref.indexOf('.');
    const promptId = dot === -1 ? ref : ref.slice(0, dot);
    const optionId = dot === -1 ? '' : ref.slice(dot + 1);
    if (dot === -1 || optionId === '') {
      this.report.atPath('BR030', path, `\`${ref}\` should name a prompt option as "prompt.option"`, {
        hint: this.ids.prompts.length ? `for example \`${this.ids.prompts[0]}.${this.ids.options.get(this.ids.prompts[0] as string)?.[0] ?? 'option'}\`` : undefined,
      });
      return false;
    }
    const options = this.ids.options.get(promptId);
    if (!options) {
      if (this.ids.partial.has(this.ids.prompts)) return false;
      this.report.atPath('BR030', path, `there is no prompt \`${promptId}\``, { hint: suggestionHint(promptId, this.ids.prompts, 'prompts') });
      return false;
    }
    if (!options.includes(optionId)) {
      if (this.ids.partial.has(options)) return false;
      this.report.atPath('BR030', path, `prompt \`${promptId}\` has no option \`${optionId}\``, {
        hint: suggestionHint(optionId, options, `options of \`${promptId}\``),
      });
      return false;
    }
    return true;
  }

  /** A scoring EventRef: an action, a prompt option or a built-in @event. */
  event(ref: string, path: Path, anchors: readonly string[] = []): void {
    if (anchors.includes(ref)) return;
    if (ref.startsWith('@')) {
      if ((BUILT_IN_EVENTS as readonly string[]).includes(ref)) return;
      this.report.atPath('BR031', path, `\`${ref}\` is not a built-in event`, {
        hint: suggestionHint(ref, [...BUILT_IN_EVENTS], 'built-in events'),
      });
      return;
    }
    if (ref.includes('.')) {
      this.promptOption(ref, path);
      return;
    }
    if (this.ids.actions.includes(ref) || this.ids.partial.has(this.ids.actions)) return;
    const candidates = [...this.ids.actions, ...BUILT_IN_EVENTS, ...anchors];
    this.report.atPath('BR031', path, `\`${ref}\` is not an action, a prompt option ("prompt.option") or a built-in event`, {
      hint: suggestionHint(ref, candidates, 'actions and events'),
    });
  }

  condition(c: Condition, path: Path): void {
    const { ids } = this;
    this.list(c.phase, ids.phases, 'BR021', 'phase', [...path, 'phase']);
    this.list(c.notPhase, ids.phases, 'BR021', 'phase', [...path, 'notPhase']);
    this.list(c.known, ids.facts, 'BR024', 'fact', [...path, 'known']);
    this.list(c.unknown, ids.facts, 'BR024', 'fact', [...path, 'unknown']);
    this.list(c.done, ids.actions, 'BR023', 'action', [...path, 'done']);
    this.list(c.notDone, ids.actions, 'BR023', 'action', [...path, 'notDone']);
    this.list(c.alertFiring, ids.alerts, 'BR026', 'alert', [...path, 'alertFiring']);
    c.chosen?.forEach((ref, k) => this.promptOption(ref, [...path, 'chosen', k]));
    c.anyOf?.forEach((alternative, k) => this.condition(alternative, [...path, 'anyOf', k]));
  }
}

/** Reports every reference to an undeclared phase, ending, action, fact, alert, runbook, SLO, cohort, metric, stakeholder or prompt option. */
export function checkReferences(s: ScenarioParts, ids: ScenarioIds, report: Reporter): void {
  const refs = new RefChecker(ids, report);
  const { metrics } = refs;

  if (s.timeoutEnding !== undefined) refs.expect(s.timeoutEnding, ids.endings, 'BR021', 'ending', ['timeoutEnding']);
  s.phases.forEach((phase, i) => phase.transitions.forEach((t, j) => refs.target(t.to, ['phases', i, 'transitions', j, 'to'])));

  for (const { effects, path } of effectsSites(s)) {
    if (effects.goto !== undefined) refs.target(effects.goto, [...path, 'goto']);
    refs.list(effects.reveal, ids.facts, 'BR024', 'fact', [...path, 'reveal']);
    refs.list(effects.silence, ids.alerts, 'BR026', 'alert', [...path, 'silence']);
    effects.messages.forEach((m, k) => refs.expect(m.from, ids.stakeholders, 'BR025', 'stakeholder', [...path, 'messages', k, 'from']));
    effects.telemetry.forEach((t, k) => {
      refs.expect(t.metric, metrics, 'BR029', 'metric', [...path, 'telemetry', k, 'metric']);
      if (t.cohort !== undefined) refs.expect(t.cohort, ids.cohorts, 'BR028', 'cohort', [...path, 'telemetry', k, 'cohort']);
    });
  }
  for (const { condition, path } of conditionSites(s)) refs.condition(condition, path);

  s.alerts.forEach((alert, i) => {
    if (alert.runbook !== undefined) refs.expect(alert.runbook, ids.runbooks, 'BR022', 'runbook', ['alerts', i, 'runbook']);
    const rule = alert.rule;
    if (rule.kind === 'burnRate') {
      refs.expect(rule.slo, ids.slos, 'BR027', 'SLO', ['alerts', i, 'rule', 'slo']);
    } else {
      refs.expect(rule.metric, metrics, 'BR029', 'metric', ['alerts', i, 'rule', 'metric']);
      if (rule.cohort !== undefined) refs.expect(rule.cohort, ids.cohorts, 'BR028', 'cohort', ['alerts', i, 'rule', 'cohort']);
    }
  });
  s.actions.forEach((action, i) => {
    if (action.runbook !== undefined) refs.expect(action.runbook, ids.runbooks, 'BR022', 'runbook', ['actions', i, 'runbook']);
  });
  s.messages.forEach((m, i) => refs.expect(m.from, ids.stakeholders, 'BR025', 'stakeholder', ['messages', i, 'from']));
  s.prompts.forEach((p, i) => {
    if (p.from !== undefined) refs.expect(p.from, ids.stakeholders, 'BR025', 'stakeholder', ['prompts', i, 'from']);
  });

  s.scoring.rules.forEach((rule, i) => {
    const at = ['scoring', 'rules', i];
    if (rule.kind === 'sequence') {
      refs.event(rule.first, [...at, 'first']);
      refs.event(rule.then, [...at, 'then']);
      return;
    }
    refs.event(rule.event, [...at, 'event']);
    if (rule.kind === 'timing' || rule.kind === 'silence') refs.event(rule.from, [...at, 'from'], BUILT_IN_ANCHORS);
  });
  s.scoring.references.forEach((ref, i) =>
    ref.choices.forEach((choice, j) => {
      const at = ['scoring', 'references', i, 'choices', j];
      if (choice.do !== undefined) refs.expect(choice.do, ids.actions, 'BR023', 'action', [...at, 'do']);
      if (choice.choose !== undefined) refs.promptOption(choice.choose, [...at, 'choose']);
    }),
  );
}
