/**
 * Scores a finished run and builds the debrief the player reads: the overall level,
 * each dimension with its evidence, the timeline of their choices and what each showed,
 * the error budget, key times, the ending, and what the next level up would have done.
 */
import type { Dimension, Level, Scenario } from '../scenario/schema/index.ts';
import type { Transcript } from '../sim/runner.ts';
import { nextLevelAdvice } from './advice.ts';
import { assess, type Assessment } from './assess.ts';
import { DEBRIEF_FORMAT, DEBRIEF_VERSION, type Debrief } from './debrief-schema.ts';
import { collectChoiceEvidence, type Observed, type Step } from './evidence.ts';
import { keyTimes } from './key-times.ts';
import { DIMENSION_INFO, LADDER, LEVEL_INFO } from './ladder.ts';
import { RunIndex } from './occurrences.ts';
import { outcomeBound, type OutcomeBound } from './outcome.ts';
import { evaluateRules } from './rules.ts';
import { runEvidence } from './run-evidence.ts';

/** Everything the scorer read from one run. */
export interface ScoredRun {
  /** Choice evidence first (in time order), then rule evidence (in rule order). */
  evidence: Observed[];
  steps: Step[];
  assessment: Assessment;
  index: RunIndex;
  outcome: OutcomeBound;
}

/** "ran 14 checks and 3 other actions the situation did not call for", or null when there were fewer than three. */
function notCalledForNote(scenario: Scenario, steps: readonly Step[]): string | null {
  const ids = [...new Set(steps.map((s) => s.id))];
  if (ids.length < 3) return null;
  const kindOf = new Map(scenario.actions.map((a) => [a.id, a.kind]));
  const checks = ids.filter((id) => kindOf.get(id) === 'investigate').length;
  const others = ids.length - checks;
  const what = [checks > 0 ? `${checks} check${checks === 1 ? '' : 's'}` : '', others > 0 ? `${others} ${checks > 0 ? 'other ' : ''}action${others === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' and ');
  return `It ran ${what} the situation did not call for; they showed nothing and diluted its judgment.`;
}

const showableCache = new WeakMap<Scenario, Set<Dimension>>();

/** Dimensions some action, answer or rule of the scenario can show, or that the run's own rules show (status updates). */
function showable(scenario: Scenario): Set<Dimension> {
  let set = showableCache.get(scenario);
  if (!set) {
    set = new Set<Dimension>();
    for (const a of scenario.actions) for (const e of a.evidence) set.add(e.dimension);
    for (const p of scenario.prompts) for (const o of p.options) for (const e of o.evidence) set.add(e.dimension);
    for (const r of scenario.scoring.rules) for (const e of r.kind === 'timing' ? [...r.met, ...r.missed] : r.evidence) set.add(e.dimension);
    if (scenario.actions.some((a) => a.statusUpdate)) set.add('communication');
    showableCache.set(scenario, set);
  }
  return set;
}

/** Collects the evidence of a run and assesses it. Pure and deterministic. */
export function scoreRun(scenario: Scenario, transcript: Transcript): ScoredRun {
  const index = new RunIndex(scenario, transcript);
  const { items, steps, notCalledFor } = collectChoiceEvidence(scenario, index);
  const outcome = outcomeBound(scenario, index);
  const fromRules = evaluateRules(scenario, index);
  const fromRun = runEvidence(scenario, index, notCalledFor, keyTimes(index));
  // A rule that fired on a choice (an ack in time, a rollback after a diagnosis) is
  // shown on that choice's line of the timeline too.
  const stepAt = new Map(steps.map((s) => [s.seq, s]));
  for (const item of [...fromRules, ...fromRun]) if (item.seq !== undefined) stepAt.get(item.seq)?.shown.push(item);
  const evidence = [...items, ...fromRules, ...fromRun];
  const note = notCalledForNote(scenario, notCalledFor);
  const assessment = assess(evidence, { outcome, notes: note ? [note] : [], showable: showable(scenario) });
  return { evidence, steps, assessment, index, outcome };
}

/** The overall level a run is assessed at (null: nothing observed). The fast path for search and calibration. */
export function assessRun(scenario: Scenario, transcript: Transcript): Level | null {
  return scoreRun(scenario, transcript).assessment.overall.level;
}

/** Builds the debrief of a finished run. */
export function buildDebrief(scenario: Scenario, transcript: Transcript): Debrief {
  const { evidence, steps, assessment, index } = scoreRun(scenario, transcript);
  const { overall } = assessment;
  const next = nextLevelAdvice(scenario, assessment, new Set(evidence.map((e) => e.key)));
  return {
    format: DEBRIEF_FORMAT,
    version: DEBRIEF_VERSION,
    scenario: { id: scenario.id, title: scenario.title },
    seed: transcript.seed,
    choices: transcript.choices.map((c) => ({ ...c })),
    overall: {
      level: overall.level,
      title: overall.level ? LEVEL_INFO[overall.level].title : 'Not observed',
      supported: overall.supported,
      cap: overall.cap,
      cappedBy: overall.cappedBy.map(copy),
      limits: overall.limits.map((l) => ({ ...l })),
      confidence: overall.confidence,
      explanation: overall.explanation,
    },
    dimensions: assessment.dimensions.map((d) => ({
      dimension: d.dimension,
      title: DIMENSION_INFO[d.dimension].title,
      group: DIMENSION_INFO[d.dimension].group,
      level: d.level,
      supported: d.supported,
      cap: d.cap,
      confidence: d.confidence,
      description: describeDimension(d),
      evidence: d.evidence.map(copy),
    })),
    timeline: steps.map(({ seq: _seq, ...s }) => ({ ...s, shown: s.shown.map(copy) })),
    budget: {
      atStart: transcript.budgetSpentAtStart,
      spentDuringRun: Math.max(0, transcript.budgetSpent - transcript.budgetSpentAtStart),
      total: transcript.budgetSpent,
    },
    times: keyTimes(index),
    ending: transcript.ending ? { ...transcript.ending } : null,
    nextLevel: next,
  };
}

/**
 * The words under a dimension's level, true of this run: the anti-pattern that capped it,
 * or the item that carried it there; the ladder's line only names what the level means.
 */
function describeDimension(d: Assessment['dimensions'][number]): string {
  if (d.level === null) return '';
  const ladder = `${d.level} means: ${LADDER[d.dimension][d.level]}`;
  if (d.cap !== null && d.level === d.cap && (d.supported === null || d.supported !== d.cap)) {
    const harm = d.evidence.find((i) => i.harmful && i.level === d.cap);
    if (harm) return `Held here by: ${harm.why} ${ladder}`;
  }
  const carried = d.evidence.filter((i) => !i.harmful && i.level === d.level);
  const best = carried[0] ?? d.evidence.find((i) => !i.harmful);
  return best ? `This run: ${best.why} ${ladder}` : ladder;
}

// The debrief is plain data: copies keep it independent of the transcript it came from.
const copy = ({ seq: _seq, ...o }: Observed): Omit<Observed, 'seq'> => ({ ...o, source: { ...o.source } });
