/**
 * Calibration: replays each of a scenario's reference playthroughs and compares the level
 * the scorer assesses with the level the author expects. A mismatch means either the
 * scenario's evidence or the reference's choices do not say what the author meant.
 */
import type { Level, Scenario } from '../scenario/schema/index.ts';
import { runPlaythrough } from '../sim/runner.ts';
import { nextLevelAdvice } from './advice.ts';
import type { Advice } from './debrief-schema.ts';
import { scoreRun } from './debrief.ts';

/** One reference playthrough, replayed. */
export interface ReferenceResult {
  /** Position in `scoring.references`. */
  index: number;
  id: string;
  /** The level the playthrough is written to show. */
  level: Level;
  expect: Level;
  assessed: Level | null;
  ok: boolean;
  seed: number;
  /** Choices the engine refused (not available, question not open…): usually a timing slip in the log. */
  refused: Array<{ t: number; what: string; reason: string }>;
  ending: { id: string; outcome: string; at: number } | null;
  /** The level the debrief's advice leads towards (null at L5 or with nothing observed), and the advice. */
  target: Level | null;
  advice: Advice[];
}

/** Replays every reference playthrough of a scenario. */
export function calibrate(scenario: Scenario): ReferenceResult[] {
  return scenario.scoring.references.map((ref, index) => {
    const seed = ref.seed ?? scenario.seed;
    const transcript = runPlaythrough(scenario, { seed, choices: ref.choices });
    const { assessment, evidence } = scoreRun(scenario, transcript);
    const assessed = assessment.overall.level;
    const { target, advice } = nextLevelAdvice(scenario, assessment, new Set(evidence.map((e) => e.key)));
    const refused = transcript.events.flatMap((e) => (e.type === 'rejected' ? [{ t: e.t, what: e.what, reason: e.reason }] : []));
    const ending = transcript.ending ? { id: transcript.ending.id, outcome: transcript.ending.outcome, at: transcript.ending.at } : null;
    return { index, id: ref.id, level: ref.level, expect: ref.expect, assessed, ok: assessed === ref.expect, seed, refused, ending, target, advice };
  });
}
