/**
 * Scores a finished run and builds the debrief the player reads: the overall level,
 * each dimension with its evidence, the timeline of their choices and what each showed,
 * the error budget, key times, the ending, and what the next level up would have done.
 */
import type { Level, Scenario } from '../scenario/schema/index.ts';
import type { Transcript } from '../sim/runner.ts';
import { nextLevelAdvice } from './advice.ts';
import { assess, type Assessment } from './assess.ts';
import { DEBRIEF_FORMAT, DEBRIEF_VERSION, type Debrief } from './debrief-schema.ts';
import { collectChoiceEvidence, type Observed, type Step } from './evidence.ts';
import { keyTimes } from './key-times.ts';
import { DIMENSION_INFO, LADDER, LEVEL_INFO } from './ladder.ts';
import { RunIndex } from './occurrences.ts';
import { evaluateRules } from './rules.ts';

/** Everything the scorer read from one run. */
export interface ScoredRun {
  /** Choice evidence first (in time order), then rule evidence (in rule order). */
  evidence: Observed[];
  steps: Step[];
  assessment: Assessment;
  index: RunIndex;
}

/** Collects the evidence of a run and assesses it. Pure and deterministic. */
export function scoreRun(scenario: Scenario, transcript: Transcript): ScoredRun {
  const index = new RunIndex(scenario, transcript);
  const { items, steps } = collectChoiceEvidence(scenario, index);
  const fromRules = evaluateRules(scenario, index);
  // A rule that fired on a choice (an ack in time, a rollback after a diagnosis) is
  // shown on that choice's line of the timeline too.
  const stepAt = new Map(steps.map((s) => [s.seq, s]));
  for (const item of fromRules) if (item.seq !== undefined) stepAt.get(item.seq)?.shown.push(item);
  const evidence = [...items, ...fromRules];
  return { evidence, steps, assessment: assess(evidence), index };
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
      description: d.level ? LADDER[d.dimension][d.level] : '',
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

// The debrief is plain data: copies keep it independent of the transcript it came from.
const copy = ({ seq: _seq, ...o }: Observed): Omit<Observed, 'seq'> => ({ ...o, source: { ...o.source } });
