/**
 * Scoring checks for scenario authors: choices that show nothing, dimensions and levels
 * the scenario can never show, levels no playthrough reaches, scoring that cannot tell
 * players apart, and reference playthroughs the scorer disagrees with.
 *
 * Diagnostics carry a value path into the scenario (e.g. ['actions', 3, 'id']) instead of
 * a line: the scoring layer never sees the YAML text. The CLI turns paths into lines and
 * columns with the loader's `locatePath`.
 */
import type { Severity } from '../scenario/diagnostics.ts';
import type { PathSegment } from '../scenario/positions.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import { offers } from './advice.ts';
import { calibrate, type ReferenceResult } from './calibrate.ts';
import { assessRun } from './debrief.ts';
import { DEFAULT_MAX_TICKS, describeLevels, exploreLevels, type ExploreOptions, type ExploreReport } from './explore.ts';
import { checkPersonas, type PersonaResult, type RandomResult } from './personas.ts';
import { DIMENSION_INFO, DIMENSIONS, LEVELS, levelLabel, rank } from './ladder.ts';
import { mmss } from './time.ts';
import { weakAdvice } from './weak-advice.ts';

/**
 * Scoring diagnostic codes, in the 06x decade left free by the loader's table. Documented
 * with examples in docs/scoring.md.
 */
export const SCORING_CODES = {
  BR060: { name: 'action-shows-nothing', severity: 'warning', summary: 'An action with no evidence: taking it shows no level.' },
  BR061: { name: 'answer-shows-nothing', severity: 'warning', summary: 'A prompt answer with no evidence: picking it shows no level.' },
  BR062: { name: 'dimension-never-shown', severity: 'warning', summary: 'No action, answer or rule gives evidence on this dimension.' },
  BR063: { name: 'level-never-shown', severity: 'warning', summary: 'No evidence anywhere in the scenario is at this level.' },
  BR064: { name: 'level-unreachable', severity: 'warning', summary: 'No explored playthrough is assessed at this overall level.' },
  BR065: { name: 'scoring-flat', severity: 'warning', summary: 'Every explored playthrough is assessed at the same overall level.' },
  BR066: { name: 'reference-mismatch', severity: 'error', summary: 'A reference playthrough is assessed at a level other than its `expect`.' },
  BR067: { name: 'evidence-never-seen', severity: 'info', summary: 'An evidence item that no explored playthrough showed (its `when` may never hold).' },
  BR068: { name: 'scoring-gamed', severity: 'warning', summary: 'A generated play style that should score low is assessed above its bound.' },
  BR069: { name: 'advice-weak-move', severity: 'warning', summary: 'The debrief advises a choice as a step towards a level that its evidence never shows.' },
} as const satisfies Record<string, { name: string; severity: Severity; summary: string }>;

export type ScoringCode = keyof typeof SCORING_CODES;

/** A scoring problem located by value path; the CLI adds file, line and column. */
export interface ScoringDiagnostic {
  path: PathSegment[];
  severity: Severity;
  code: ScoringCode;
  message: string;
  hint?: string;
}

/** What `scoringDiagnostics` found, with the material behind it. */
export interface ScoringCheck {
  diagnostics: ScoringDiagnostic[];
  references: ReferenceResult[];
  /** Null when exploration was switched off. */
  explored: ExploreReport | null;
  /** The generated play styles and random play (null when switched off). */
  personas: { personas: PersonaResult[]; random: RandomResult } | null;
}

/** Options for `scoringDiagnostics`. */
export interface ScoringCheckOptions {
  explore?: ExploreOptions | false;
  /** Seeded random plays for BR068 (default 200), or false to skip the play styles. They keep to the exploration's tick budget. */
  personas?: { randomRuns?: number } | false;
}

function diag(code: ScoringCode, path: PathSegment[], message: string, hint?: string): ScoringDiagnostic {
  const d: ScoringDiagnostic = { path, severity: SCORING_CODES[code].severity, code, message };
  if (hint) d.hint = hint;
  return d;
}

/**
 * Why evidence may never show, blaming what most likely stops it: a `when` on a choice
 * that can be made only once holds only if it holds at that one moment; a choice that is
 * never available shows nothing, whatever its evidence says.
 */
function neverSeenHint(scenario: Scenario, path: readonly PathSegment[]): string {
  const action = path[0] === 'actions' && typeof path[1] === 'number' ? scenario.actions[path[1]] : undefined;
  const item = action && typeof path[3] === 'number' ? action.evidence[path[3]] : undefined;
  if (action && item?.when && !action.repeatable) {
    return `\`${action.id}\` can be taken only once (it is not \`repeatable\`), so this shows only if its \`when\` holds at that moment: change the \`when\`, or add \`repeatable: true\``;
  }
  if (item && !item.when) return `no explored playthrough took \`${action?.id}\` while it was available: check its \`available\` condition`;
  return 'check its `when` condition, when the choice is available, and whether the situation calls for it (a reference at L2 or above takes it in that phase, or its `relevant` condition holds)';
}

/** Where each evidence key lives in the file, for BR067. */
function evidencePaths(scenario: Scenario): Map<string, PathSegment[]> {
  const paths = new Map<string, PathSegment[]>();
  scenario.actions.forEach((a, i) => a.evidence.forEach((_, j) => paths.set(`action:${a.id}#${j}`, ['actions', i, 'evidence', j])));
  scenario.prompts.forEach((p, i) =>
    p.options.forEach((o, k) => o.evidence.forEach((_, j) => paths.set(`option:${p.id}.${o.id}#${j}`, ['prompts', i, 'options', k, 'evidence', j]))),
  );
  return paths;
}

/** BR068: each play style assessed above its bound, and random play reaching L4 too often. */
function gamed(scenario: Scenario, played: NonNullable<ScoringCheck['personas']>): ScoringDiagnostic[] {
  const out: ScoringDiagnostic[] = [];
  const refs = scenario.scoring.references;
  // The reference the late and silent styles were made from: the highest expected level.
  const top = refs.reduce<number | undefined>((best, r, i) => (best === undefined || rank(r.expect) > rank((refs[best] as (typeof refs)[number]).expect) ? i : best), undefined);
  for (const r of played.personas) {
    if (r.ok) continue;
    const { persona } = r;
    const fromReference = persona.id === 'late-principal' || persona.id === 'silent-principal';
    const path: PathSegment[] = fromReference && top !== undefined ? ['scoring', 'references', top, 'id'] : ['actions'];
    out.push(
      diag(
        'BR068',
        path,
        `the play style "${persona.id}" (${persona.title}) is assessed at ${r.assessed}, above its bound of ${persona.bound}: the scoring can be gamed`,
        `replay it with \`npm run scenario -- play <file> --persona ${persona.id}\`; ${HINTS[persona.id]}`,
      ),
    );
  }
  const { random } = played;
  if (!random.ok) {
    out.push(
      diag(
        'BR068',
        ['scoring'],
        `${(random.highShare * 100).toFixed(1)}% of ${random.runs} random playthroughs are assessed at L4 or above (allowed: under 1%)`,
        'random choices should not read as a lead: give low-level or conditional evidence to choices that only help at the right moment, or mark when they are called for with `relevant`',
      ),
    );
  }
  return out;
}

const HINTS: Record<PersonaResult['persona']['id'], string> = {
  checklist: 'mark when actions are called for (`relevant`) so that taking everything dilutes judgment, and condition high evidence on the situation (`when`)',
  'senior-answers': 'condition senior answers and follow-ups on the situation (`when`), so that they show their level only when they fit',
  idle: 'add timing and omission rules for what the incident needed, or harmful evidence on answers that stand for doing nothing',
  'late-principal': 'condition the high evidence on timing (`when: { before }` or `budgetSpentBelow`) or check the reference outcomes',
  'silent-principal': 'make the L5 reference rely on communication: a status update and answers to the stakeholders',
};

/** Static checks: read the scenario's evidence without playing it. */
function staticChecks(scenario: Scenario): ScoringDiagnostic[] {
  const out: ScoringDiagnostic[] = [];
  scenario.actions.forEach((a, i) => {
    if (a.evidence.length === 0) {
      out.push(diag('BR060', ['actions', i, 'id'], `taking "${a.label}" (${a.id}) shows nothing about the player`, 'add an `evidence:` item saying which dimension and level this choice shows, and why'));
    }
  });
  scenario.prompts.forEach((p, i) =>
    p.options.forEach((o, k) => {
      if (o.evidence.length === 0 && !o.default) {
        out.push(diag('BR061', ['prompts', i, 'options', k, 'id'], `answering "${o.label}" to ${p.id} shows nothing about the player`, 'add an `evidence:` item, or make it the `default` if it stands for not deciding'));
      }
    }),
  );
  const all = [
    ...scenario.actions.flatMap((a) => a.evidence),
    ...scenario.prompts.flatMap((p) => p.options.flatMap((o) => o.evidence)),
    ...scenario.scoring.rules.flatMap((r) => (r.kind === 'timing' ? [...r.met, ...r.missed] : r.evidence)),
  ];
  for (const d of DIMENSIONS) {
    if (!all.some((e) => e.dimension === d)) {
      out.push(diag('BR062', ['scoring'], `no choice or rule shows ${DIMENSION_INFO[d].title.toLowerCase()}: every player's debrief will say "not observed" for it`, `${DIMENSION_INFO[d].title} asks: ${DIMENSION_INFO[d].question}`));
    }
  }
  for (const level of LEVELS) {
    if (!all.some((e) => e.level === level && !e.harmful)) {
      out.push(diag('BR063', ['scoring'], `no evidence in the scenario is at ${levelLabel(level)}, so no player can be assessed there`, 'give the choices a player at that level would make evidence at that level'));
    }
  }
  return out;
}

/**
 * Scoring diagnostics for a scenario: static checks on its evidence, replay of its
 * reference playthroughs, and (unless `explore` is false) a bounded exploration of its
 * reachable levels. Deterministic for a given scenario and options.
 */
export function scoringDiagnostics(scenario: Scenario, options: ScoringCheckOptions = {}): ScoringCheck {
  const diagnostics = staticChecks(scenario);
  const references = calibrate(scenario);
  for (const r of references) {
    if (r.ok) continue;
    const refused = r.refused.length > 0 ? ` The engine refused ${r.refused.length} of its choices, first ${r.refused[0]?.what} at ${mmss(r.refused[0]?.t ?? 0)} (${r.refused[0]?.reason}).` : '';
    diagnostics.push(
      diag(
        'BR066',
        ['scoring', 'references', r.index, 'expect'],
        `reference "${r.id}" expects ${r.expect} but is assessed at ${r.assessed ?? 'not observed'}.${refused}`,
        `replay it with \`npm run scenario -- play <file> --persona ${r.level}\` to see the evidence behind the level`,
      ),
    );
  }
  for (const w of weakAdvice(scenario, references)) diagnostics.push(diag('BR069', w.path, w.message, w.hint));
  let explored: ExploreReport | null = null;
  if (options.explore !== false) {
    explored = exploreLevels(scenario, options.explore ?? {});
    // A search cut short proves nothing missing: what it did not reach goes unreported (the summary says so).
    const missing = explored.cutShort ? [] : LEVELS.filter((l) => !explored?.reachable.includes(l));
    for (const level of missing) {
      diagnostics.push(
        diag('BR064', ['scoring'], `no explored playthrough (${explored.playthroughs} tried) is assessed at ${levelLabel(level)}`, `reachable: ${describeLevels(explored.reachable)}. Add choices with ${level} evidence on several dimensions, or a reference playthrough that reaches it`),
      );
    }
    if (explored.reachable.length === 1 && !explored.cutShort) {
      diagnostics.push(diag('BR065', ['scoring'], `every explored playthrough is assessed at ${explored.reachable[0]}: the scoring cannot tell players apart`, 'vary the levels of the evidence on competing choices'));
    }
    const shown = new Set(explored.shownKeys);
    const paths = evidencePaths(scenario);
    const offered = new Set(offers(scenario).map((o) => o.key));
    for (const [key, path] of paths) {
      if (!explored.cutShort && !shown.has(key) && offered.has(key)) {
        diagnostics.push(diag('BR067', path, `no explored playthrough showed this evidence`, neverSeenHint(scenario, path)));
      }
    }
  }
  let played: ScoringCheck['personas'] = null;
  if (options.personas !== false) {
    const maxTicks = (options.explore === false ? undefined : options.explore?.maxTicks) ?? DEFAULT_MAX_TICKS;
    played = checkPersonas(scenario, (t) => assessRun(scenario, t), { ...options.personas, maxTicks });
    diagnostics.push(...gamed(scenario, played));
  }
  return { diagnostics, references, explored, personas: played };
}
