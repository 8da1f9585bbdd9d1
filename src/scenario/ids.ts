/**
 * The ids a scenario declares, per collection, and the duplicate-id check. Both read the
 * raw data rather than the parsed scenario, so that an item with a broken field still
 * declares its id: a reference to it is not "unknown" because of an unrelated typo.
 */
import { field, rawId, rawList } from './parts.ts';
import type { Reporter } from './report.ts';
import { METRICS } from './schema/index.ts';
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
  /**
   * The lists above that may lack ids: the collection is not a list, or an item has no
   * id the schema accepts. A name missing from one of them may be declared in the broken
   * part, so it is not reported as unknown.
   */
  partial: ReadonlySet<readonly string[]>;
}

/** Each item's id by position (undefined where it has none), or undefined if the list cannot be read. */
function idsAt(data: unknown, path: readonly string[]): (string | undefined)[] | undefined {
  return rawList(data, path)?.map(rawId);
}

/** Collects the ids a scenario's raw data declares. */
export function collectIds(data: unknown): ScenarioIds {
  const partial = new Set<readonly string[]>();
  const list = (path: readonly string[]): string[] => {
    const ids = idsAt(data, path);
    const known = (ids ?? []).filter((id): id is string => id !== undefined);
    if (!ids || known.length < ids.length) partial.add(known);
    return known;
  };
  const options = new Map<string, string[]>();
  for (const prompt of rawList(data, ['prompts']) ?? []) {
    const id = rawId(prompt);
    if (id === undefined || options.has(id)) continue;
    const raw = field(prompt, 'options');
    const known = Array.isArray(raw) ? raw.map(rawId).filter((o): o is string => o !== undefined) : [];
    if (!Array.isArray(raw) || known.length < raw.length) partial.add(known);
    options.set(id, known);
  }
  return {
    phases: list(['phases']),
    endings: list(['endings']),
    actions: list(['actions']),
    prompts: list(['prompts']),
    options,
    facts: list(['facts']),
    stakeholders: list(['stakeholders']),
    alerts: list(['alerts']),
    runbooks: list(['runbooks']),
    slos: list(['service', 'slos']),
    cohorts: list(['telemetry', 'cohorts']),
    signals: list(['telemetry', 'signals']),
    messages: list(['messages']),
    partial,
  };
}

function checkUnique(ids: readonly (string | undefined)[] | undefined, base: Path, noun: string, report: Reporter): void {
  const first = new Map<string, number>();
  ids?.forEach((id, i) => {
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, i);
      return;
    }
    const line = report.lineOf([...base, earlier, 'id']);
    report.atPath('BR020', [...base, i, 'id'], `two ${noun}s have the id \`${id}\``, {
      hint: `the other is on line ${line}; ids must be unique so that references are unambiguous`,
    });
  });
}

/**
 * Reports duplicate ids within each collection, phases and endings sharing an id
 * (a `goto` could not tell them apart), and signals named like a built-in metric.
 */
export function checkDuplicateIds(data: unknown, report: Reporter): void {
  const unique = (path: readonly string[], noun: string) => checkUnique(idsAt(data, path), path, noun, report);
  unique(['service', 'slos'], 'SLO');
  unique(['telemetry', 'cohorts'], 'cohort');
  unique(['telemetry', 'signals'], 'signal');
  unique(['alerts'], 'alert');
  unique(['runbooks'], 'runbook');
  unique(['facts'], 'fact');
  unique(['stakeholders'], 'stakeholder');
  unique(['messages'], 'message');
  unique(['phases'], 'phase');
  unique(['endings'], 'ending');
  unique(['actions'], 'action');
  unique(['prompts'], 'prompt');
  rawList(data, ['prompts'])?.forEach((prompt, i) => {
    const options = field(prompt, 'options');
    if (Array.isArray(options)) checkUnique(options.map(rawId), ['prompts', i, 'options'], 'option of this prompt', report);
  });
  unique(['scoring', 'rules'], 'scoring rule');
  unique(['scoring', 'references'], 'reference playthrough');

  const phases = idsAt(data, ['phases']) ?? [];
  idsAt(data, ['endings'])?.forEach((id, i) => {
    const phase = id === undefined ? -1 : phases.indexOf(id);
    if (phase === -1) return;
    report.atPath('BR020', ['endings', i, 'id'], `\`${id}\` is the id of both a phase and an ending`, {
      hint: `the phase is on line ${report.lineOf(['phases', phase, 'id'])}; rename one so that \`goto\` and \`to\` are unambiguous`,
    });
  });
  const builtIn = new Set<string>(METRICS);
  idsAt(data, ['telemetry', 'signals'])?.forEach((id, i) => {
    if (id === undefined || !builtIn.has(id)) return;
    report.atPath('BR020', ['telemetry', 'signals', i, 'id'], `the signal id \`${id}\` is already the name of a built-in metric`, {
      hint: `rename the signal; \`${id}\` in a telemetry effect or alert always means the built-in metric`,
    });
  });
}
