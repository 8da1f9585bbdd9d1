/**
 * The parts of a scenario that the meaning checks (references, values, runbooks) read.
 * For a valid scenario that is the scenario itself. For one the schema rejects, it is
 * what still parses: each item of each collection on its own, so that one broken field
 * hides no unknown id elsewhere. A broken item is left out, with the checks of the
 * references inside it; a broken part a check needs (the cohorts, the latency, the time
 * limit) is left undefined and that check skipped.
 */
import { z } from 'zod';
import type { PathSegment } from './positions.ts';
import {
  Action,
  Alert,
  Cohort,
  Ending,
  Id,
  Inject,
  LatencyBaseline,
  Message,
  Phase,
  Prompt,
  ReferencePlaythrough,
  Runbook,
  Scenario,
  ScoringRule,
  Signal,
  Slo,
  Fact,
  Stakeholder,
} from './schema/index.ts';
import { schemaAt } from './schema-info.ts';

type Path = readonly PathSegment[];

/** What the meaning checks read. A whole `Scenario` is one; so is what parsed of a broken file. */
export interface ScenarioParts {
  timeLimit?: number | undefined;
  timeoutEnding?: string | undefined;
  service: { slos: Scenario['service']['slos'] };
  telemetry: {
    /** Undefined when any cohort is broken: their shares cannot be added up. */
    cohorts?: Scenario['telemetry']['cohorts'] | undefined;
    signals: Scenario['telemetry']['signals'];
    latency?: Scenario['telemetry']['latency'] | undefined;
  };
  alerts: Scenario['alerts'];
  runbooks: Scenario['runbooks'];
  facts: Scenario['facts'];
  stakeholders: Scenario['stakeholders'];
  messages: Scenario['messages'];
  phases: Scenario['phases'];
  endings: Scenario['endings'];
  actions: Scenario['actions'];
  prompts: Scenario['prompts'];
  /** A team drill's injects; their effects are checked like any other. */
  injects?: Scenario['injects'];
  scoring: Scenario['scoring'];
}

/** An own field of a mapping in raw data; undefined for anything else. */
export function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

/**
 * The raw list at `path` (e.g. `['telemetry', 'cohorts']`), with what the schema fills
 * in where a part is left out (no `alerts` is no alerts; no `cohorts` is one cohort
 * "all"). Undefined when the list cannot be read: a part on the way is not a mapping,
 * the list is not a list, or a required part is missing.
 */
export function rawList(data: unknown, path: readonly string[]): unknown[] | undefined {
  let value = data;
  for (let i = 0; i < path.length; i++) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    let next = field(value, path[i] as string);
    if (next === undefined) {
      const schema = schemaAt(Scenario, path.slice(0, i + 1), data);
      const filled = schema ? z.safeParse(schema, undefined) : undefined;
      if (!filled?.success) return undefined;
      next = filled.data;
    }
    value = next;
  }
  return Array.isArray(value) ? value : undefined;
}

/** The id of a raw item, if it has one the schema accepts. */
export function rawId(item: unknown): string | undefined {
  const id = field(item, 'id');
  return typeof id === 'string' && Id.safeParse(id).success ? id : undefined;
}

interface Kept<T> {
  items: T[];
  /** The index in the file of each kept item. */
  indices: number[];
  /** True if every item parsed. */
  whole: boolean;
}

function keep<T>(data: unknown, path: readonly string[], item: z.ZodType<T>): Kept<T> {
  const list = rawList(data, path);
  if (!list) return { items: [], indices: [], whole: false };
  const kept: Kept<T> = { items: [], indices: [], whole: true };
  list.forEach((raw, i) => {
    const parsed = item.safeParse(raw);
    if (parsed.success) {
      kept.items.push(parsed.data);
      kept.indices.push(i);
    } else {
      kept.whole = false;
    }
  });
  return kept;
}

function part<T>(data: unknown, key: string, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(field(data, key));
  return parsed.success ? parsed.data : undefined;
}

export interface SalvagedParts {
  parts: ScenarioParts;
  /** Turns a path into `parts` (where broken items are left out) into the path in the file. */
  filePath: (path: Path) => Path;
}

/** What parsed of a scenario the schema rejected; never throws. */
export function salvageParts(data: unknown): SalvagedParts {
  const lists = new Map<string, number[]>();
  const take = <T>(path: readonly string[], item: z.ZodType<T>): Kept<T> => {
    const kept = keep(data, path, item);
    lists.set(path.join('.'), kept.indices);
    return kept;
  };
  const cohorts = take(['telemetry', 'cohorts'], Cohort);
  const telemetry = field(data, 'telemetry');
  const parts: ScenarioParts = {
    timeLimit: part(data, 'timeLimit', Scenario.shape.timeLimit),
    timeoutEnding: part(data, 'timeoutEnding', Id),
    service: { slos: take(['service', 'slos'], Slo).items },
    telemetry: {
      cohorts: cohorts.whole ? cohorts.items : undefined,
      signals: take(['telemetry', 'signals'], Signal).items,
      latency: part(telemetry, 'latency', LatencyBaseline),
    },
    alerts: take(['alerts'], Alert).items,
    runbooks: take(['runbooks'], Runbook).items,
    facts: take(['facts'], Fact).items,
    stakeholders: take(['stakeholders'], Stakeholder).items,
    messages: take(['messages'], Message).items,
    phases: take(['phases'], Phase).items,
    endings: take(['endings'], Ending).items,
    actions: take(['actions'], Action).items,
    prompts: take(['prompts'], Prompt).items,
    injects: take(['injects'], Inject).items,
    scoring: { rules: take(['scoring', 'rules'], ScoringRule).items, references: take(['scoring', 'references'], ReferencePlaythrough).items },
  };
  const filePath = (path: Path): Path => {
    for (const depth of [1, 2]) {
      const index = path[depth];
      if (typeof index !== 'number') continue;
      const indices = lists.get(path.slice(0, depth).join('.'));
      if (indices) return [...path.slice(0, depth), indices[index] ?? index, ...path.slice(depth + 1)];
    }
    return path;
  };
  return { parts, filePath };
}
