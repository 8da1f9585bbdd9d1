/** The ids a scenario declares, per collection, and the duplicate-id check. */
import type { Reporter } from './report.ts';
import { METRICS, type Scenario } from './schema/index.ts';
import type { Path } from './walk.ts';

/** Ids by collection, in file order (first occurrence wins for lookups). */
export interface ScenarioIds {
  phases: string[];
  endings: string[];
  actions: string[];
  prompts: string[];
  /** Option ids per prompt id. */
  options: Map<string, string[]>;
  facts: string[];
  stakeholders: string[];
  alerts: string[];
  runbooks: string[];
  slos: string[];
  cohorts: string[];
  signals: string[];
  messages: string[];
}

/** Collects the ids a scenario declares. */
export function collectIds(s: Scenario): ScenarioIds {
  const options = new Map<string, string[]>();
  for (const prompt of s.prompts) {
    if (!options.has(prompt.id)) options.set(prompt.id, prompt.options.map((o) => o.id));
  }
  return {
    phases: s.phases.map((p) => p.id),
    endings: s.endings.map((e) => e.id),
    actions: s.actions.map((a) => a.id),
    prompts: s.prompts.map((p) => p.id),
    options,
    facts: s.facts.map((f) => f.id),
    stakeholders: s.stakeholders.map((x) => x.id),
    alerts: s.alerts.map((a) => a.id),
    runbooks: s.runbooks.map((r) => r.id),
    slos: s.service.slos.map((x) => x.id),
    cohorts: s.telemetry.cohorts.map((c) => c.id),
    signals: s.telemetry.signals.map((x) => x.id),
    messages: s.messages.map((m) => m.id),
  };
}

function checkUnique(items: readonly { id: string }[], base: Path, noun: string, report: Reporter): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) {
      first.set(item.id, i);
      return;
    }
    const line = report.lineOf([...base, earlier, 'id']);
    report.atPath('BR020', [...base, i, 'id'], `two ${noun}s have the id \`${item.id}\``, {
      hint: `the other is on line ${line}; ids must be unique so that references are unambiguous`,
    });
  });
}

/**
 * Reports duplicate ids within each collection, phases and endings sharing an id
 * (a `goto` could not tell them apart), and signals named like a built-in metric.
 */
export function checkDuplicateIds(s: Scenario, report: Reporter): void {
  checkUnique(s.service.slos, ['service', 'slos'], 'SLO', report);
  checkUnique(s.telemetry.cohorts, ['telemetry', 'cohorts'], 'cohort', report);
  checkUnique(s.telemetry.signals, ['telemetry', 'signals'], 'signal', report);
  checkUnique(s.alerts, ['alerts'], 'alert', report);
  checkUnique(s.runbooks, ['runbooks'], 'runbook', report);
  checkUnique(s.facts, ['facts'], 'fact', report);
  checkUnique(s.stakeholders, ['stakeholders'], 'stakeholder', report);
  checkUnique(s.messages, ['messages'], 'message', report);
  checkUnique(s.phases, ['phases'], 'phase', report);
  checkUnique(s.endings, ['endings'], 'ending', report);
  checkUnique(s.actions, ['actions'], 'action', report);
  checkUnique(s.prompts, ['prompts'], 'prompt', report);
  s.prompts.forEach((prompt, i) => checkUnique(prompt.options, ['prompts', i, 'options'], 'option of this prompt', report));
  checkUnique(s.scoring.rules, ['scoring', 'rules'], 'scoring rule', report);
  checkUnique(s.scoring.references, ['scoring', 'references'], 'reference playthrough', report);

  const phaseLines = new Map(s.phases.map((p, i) => [p.id, i]));
  s.endings.forEach((ending, i) => {
    const phase = phaseLines.get(ending.id);
    if (phase === undefined) return;
    report.atPath('BR020', ['endings', i, 'id'], `\`${ending.id}\` is the id of both a phase and an ending`, {
      hint: `the phase is on line ${report.lineOf(['phases', phase, 'id'])}; rename one so that \`goto\` and \`to\` are unambiguous`,
    });
  });
  const builtIn = new Set<string>(METRICS);
  s.telemetry.signals.forEach((signal, i) => {
    if (!builtIn.has(signal.id)) return;
    report.atPath('BR020', ['telemetry', 'signals', i, 'id'], `the signal id \`${signal.id}\` is already the name of a built-in metric`, {
      hint: `rename the signal; \`${signal.id}\` in a telemetry effect or alert always means the built-in metric`,
    });
  });
}
