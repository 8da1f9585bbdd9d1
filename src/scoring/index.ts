/**
 * The scoring layer's public API: score a finished run, build and export its debrief,
 * and check a scenario's scoring. Pure: no I/O, no wall clock, no unseeded randomness.
 */
export { assess, AGGREGATION, type Assessment, type Confidence, type DimensionAssessment, type OverallAssessment } from './assess.ts';
export { calibrate, type ReferenceResult } from './calibrate.ts';
export { assessRun, buildDebrief, scoreRun, type ScoredRun } from './debrief.ts';
export { Debrief, DEBRIEF_FORMAT, DEBRIEF_VERSION, type Advice, type DebriefEvidence } from './debrief-schema.ts';
export { scoringDiagnostics, SCORING_CODES, type ScoringCheck, type ScoringCode, type ScoringDiagnostic } from './diagnostics.ts';
export type { EvidenceSource, Observed, Step } from './evidence.ts';
export { describeLevels, exploreLevels, type ExploreOptions, type ExploreReport, type Witness } from './explore.ts';
export { debriefToJson, debriefToMarkdown, parseDebrief, type DebriefImport } from './export.ts';
export { headline } from './markdown.ts';
export { keyTimes, type KeyTimes } from './key-times.ts';
export { DIMENSION_INFO, GROUPS, LADDER, LEVEL_INFO, levelLabel, type DimensionGroup } from './ladder.ts';
export { mmss } from './time.ts';
