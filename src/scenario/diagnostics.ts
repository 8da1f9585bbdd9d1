/**
 * The one shape every problem report takes, wherever it comes from: YAML syntax, the
 * schema, reference checks or the static graph checks. The CLI prints it, the editor
 * and the in-game error screen show it, tests assert on it.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A located problem in a scenario file. Lines and columns are 1-based; the end is exclusive. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  code: DiagnosticCode | ScoringDiagnosticCode;
  message: string;
  hint?: string;
}

/**
 * The 06x decade belongs to the scoring checks (src/scoring/diagnostics.ts, documented
 * in docs/scoring.md); they reach the user in this same shape.
 */
export type ScoringDiagnosticCode = `BR06${number}`;

export interface DiagnosticCodeInfo {
  /** Short kebab-case name shown beside the code, e.g. `unknown-phase`. */
  name: string;
  /** The severity a diagnostic with this code gets unless a check says otherwise. */
  severity: Severity;
  /** One line for docs and `--help`. */
  summary: string;
}

/**
 * Every diagnostic code the loader can produce. Codes never change meaning once
 * released: trainers search for them and docs/diagnostics.md documents each one.
 * Grouped by decade: 00x file and YAML (and BR010, a file that cannot be read), 01x
 * schema, 02x–03x ids and references, 04x values, 05x static checks, 09x meta. 06x is the scoring layer's (see
 * {@link ScoringDiagnosticCode}).
 */
export const DIAGNOSTIC_CODES = {
  BR000: { name: 'internal-error', severity: 'error', summary: 'The checker itself failed; please report it with the file.' },
  BR001: { name: 'yaml-syntax', severity: 'error', summary: 'The file is not valid YAML.' },
  BR002: { name: 'file-too-large', severity: 'error', summary: 'The file is larger than a scenario can sensibly be, so it was not read.' },
  BR003: { name: 'not-text', severity: 'error', summary: 'The file holds binary data or control characters.' },
  BR004: { name: 'empty-file', severity: 'error', summary: 'The file holds nothing but whitespace and comments.' },
  BR005: { name: 'not-a-mapping', severity: 'error', summary: 'The top level of the file is a list or a single value instead of `key: value` fields.' },
  BR006: { name: 'duplicate-key', severity: 'error', summary: 'The same key appears twice in one mapping.' },
  BR007: { name: 'alias-limit', severity: 'error', summary: 'Anchors and aliases expand to far more data than a scenario holds.' },
  BR008: { name: 'nesting-too-deep', severity: 'error', summary: 'Lists and mappings are nested far deeper than a scenario needs.' },
  BR009: { name: 'yaml-warning', severity: 'warning', summary: 'YAML that parses but probably does not mean what was intended.' },
  BR010: { name: 'unreadable-file', severity: 'error', summary: 'The path names no file, a folder, or a file that cannot be read.' },
  BR011: { name: 'missing-field', severity: 'error', summary: 'A required field is not there.' },
  BR012: { name: 'unknown-key', severity: 'error', summary: 'A key the schema does not know (often a typo).' },
  BR013: { name: 'wrong-type', severity: 'error', summary: 'A value of the wrong kind: text where a number belongs, a list where a mapping belongs…' },
  BR014: { name: 'invalid-value', severity: 'error', summary: 'A value that is not one of the allowed choices.' },
  BR015: { name: 'out-of-range', severity: 'error', summary: 'A number, text or list that is too small or too large.' },
  BR016: { name: 'invalid-format', severity: 'error', summary: 'Text in the wrong format: an id, a duration, a file path…' },
  BR017: { name: 'schema-rule', severity: 'error', summary: 'A value breaks another rule of the schema.' },
  BR020: { name: 'duplicate-id', severity: 'error', summary: 'Two items of the same collection share an id (or a phase and an ending do).' },
  BR021: { name: 'unknown-phase', severity: 'error', summary: 'A reference to a phase or ending that does not exist.' },
  BR022: { name: 'unknown-runbook', severity: 'error', summary: 'A reference to a runbook that does not exist.' },
  BR023: { name: 'unknown-action', severity: 'error', summary: 'A reference to an action that does not exist.' },
  BR024: { name: 'unknown-fact', severity: 'error', summary: 'A reference to a fact that does not exist.' },
  BR025: { name: 'unknown-stakeholder', severity: 'error', summary: 'A message or prompt from a stakeholder who does not exist.' },
  BR026: { name: 'unknown-alert', severity: 'error', summary: 'A reference to an alert that does not exist.' },
  BR027: { name: 'unknown-slo', severity: 'error', summary: 'A burn-rate alert that watches an SLO that does not exist.' },
  BR028: { name: 'unknown-cohort', severity: 'error', summary: 'A reference to a traffic cohort that does not exist.' },
  BR029: { name: 'unknown-metric', severity: 'error', summary: 'A metric that is neither built in (rps, errorRatio, p50, p95, p99) nor a signal.' },
  BR030: { name: 'unknown-prompt-option', severity: 'error', summary: 'A "prompt.option" reference to a prompt or option that does not exist.' },
  BR031: { name: 'unknown-event', severity: 'error', summary: 'A scoring event or anchor that is not an action, a prompt option or a built-in @event.' },
  BR040: { name: 'effect-target', severity: 'error', summary: 'A telemetry effect that does not give exactly one of to, factor or reset.' },
  BR041: { name: 'cohort-shares', severity: 'warning', summary: 'Cohort shares do not add up to 1.' },
  BR042: { name: 'latency-threshold', severity: 'error', summary: 'A latency SLO without thresholdMs.' },
  BR043: { name: 'latency-order', severity: 'error', summary: 'Baseline latency percentiles out of order (p50 ≤ p95 ≤ p99).' },
  BR044: { name: 'runbook-missing', severity: 'error', summary: 'A runbook file that cannot be found next to the scenario.' },
  BR045: { name: 'choice-shape', severity: 'error', summary: 'A reference playthrough choice that does not give exactly one of do, choose or ack.' },
  BR046: { name: 'choice-timing', severity: 'warning', summary: 'Reference playthrough choices out of time order or after the time limit.' },
  BR047: { name: 'text-cut-by-comment', severity: 'warning', summary: 'An unquoted value is cut short where ` #` starts a comment.' },
  BR048: { name: 'runbook-too-large', severity: 'error', summary: 'A runbook file longer than a runbook may be (64 KiB).' },
  BR049: { name: 'control-character-in-text', severity: 'warning', summary: 'A text value holds an invisible control or bidirectional-override character (from an escape or a paste); it is removed.' },
  BR050: { name: 'unreachable-phase', severity: 'warning', summary: 'A phase that no path from the first phase can reach.' },
  BR051: { name: 'unreachable-ending', severity: 'warning', summary: 'An ending that no run can reach.' },
  BR052: { name: 'dead-end', severity: 'warning', summary: 'A phase with no way out but the time limit or the budget running out.' },
  BR053: { name: 'action-never-available', severity: 'warning', summary: 'An action whose `available` condition can never hold.' },
  BR054: { name: 'prompt-never-opens', severity: 'warning', summary: 'A prompt whose `when` condition can never hold.' },
  BR055: { name: 'phase-loop', severity: 'error', summary: 'Phases that move into each other endlessly, with no time passing.' },
  BR057: { name: 'claim-before-time', severity: 'warning', summary: 'An answer, result or fact that names a moment of the run it can be read before.' },
  BR058: { name: 'answer-never-offered', severity: 'warning', summary: 'A prompt answer whose `when` condition can never hold.' },
  BR090: { name: 'too-many-problems', severity: 'info', summary: 'The checker stopped listing problems after a few hundred.' },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Every code, in order, for docs and tests to enumerate. */
export const ALL_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** "BR021 unknown-phase": the code with its readable name. */
export function codeLabel(code: DiagnosticCode): string {
  return `${code} ${DIAGNOSTIC_CODES[code].name}`;
}

/**
 * One diagnostic as the CLI prints it: `file:line:col severity CODE message`, then the
 * hint (if any) on an indented line below.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
  if (!d.hint) return head;
  // Multi-line hints keep their indentation so they stay visually under the diagnostic.
  return `${head}\n  hint: ${d.hint.replace(/\n/g, '\n        ')}`;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts diagnostics by severity. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** True if any diagnostic is an error (a scenario with errors is not loaded). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then position, so output reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** "2 errors, 1 warning": a count phrase for summaries. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export { didYouMean, editDistance } from './suggest.ts';
