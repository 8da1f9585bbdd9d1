/**
 * The scoring part of `scenario check`: for a scenario that loaded, replays its reference
 * playthroughs, explores which overall levels play can reach, and turns the scoring
 * layer's path-located diagnostics into file, line and column with the loader's
 * `locatePath`. Adds a one-line summary per file.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../scenario/diagnostics.ts';
import type { LoadResult } from '../scenario/load.ts';
import { LineIndex, locatePath } from '../scenario/positions.ts';
import { scoringDiagnostics, type ScoringDiagnostic } from '../scoring/diagnostics.ts';
import { describeLevels, type ExploreOptions } from '../scoring/explore.ts';

/** Exploration bounds for the checker: enough to find every level in the library, about a second per scenario. */
export const CHECK_EXPLORE = { playthroughs: 400, repairBudget: 100, seed: 1 };

/** Generated play styles for the checker: each style once, and 100 seeded random plays (none may reach L4). */
export const CHECK_PERSONAS = { randomRuns: 100 };

/** Turns path-located scoring diagnostics into located ones for `file`, given its text. */
export function locateScoring(found: readonly ScoringDiagnostic[], file: string, text: string): Diagnostic[] {
  const doc = parseDocument(text, { uniqueKeys: false });
  const lines = new LineIndex(text);
  return found.map((d) => {
    const where = locatePath(doc, d.path);
    // The scoring codes (BR060–BR069) live in src/scoring/diagnostics.ts until the loader's table takes them in.
    const located: Diagnostic = { file, ...lines.span(where.start, where.end), severity: d.severity, code: d.code as unknown as DiagnosticCode, message: d.message };
    if (d.hint) located.hint = d.hint;
    return located;
  });
}

/**
 * The load result's diagnostics plus the scoring diagnostics of the scenario (when it
 * loaded); pushes a summary line such as "scenarios/x.yaml: references 5/5 as expected;
 * 630 explored playthroughs reach L1–L5" onto `summaries`.
 */
export function scoringCheck(
  result: LoadResult,
  path: string,
  file: string,
  summaries: string[],
  onProgress?: (done: number, planned: number) => void,
  bounds: ExploreOptions = {},
): Diagnostic[] {
  if (!result.scenario) return result.diagnostics;
  const check = scoringDiagnostics(result.scenario, { explore: { ...CHECK_EXPLORE, ...bounds, ...(onProgress ? { onProgress } : {}) }, personas: CHECK_PERSONAS });
  const refs = check.references;
  const matched = refs.filter((r) => r.ok).length;
  const explored = check.explored;
  const cut = explored?.cutShort
    ? ` (cut short at its budget of ${explored.ticks.toLocaleString('en-US')} simulated ticks, so levels it did not reach and evidence it did not see are not reported)`
    : '';
  const reach = explored ? `; ${explored.playthroughs} explored playthroughs reach ${describeLevels(explored.reachable)}${cut}` : '';
  const played = check.personas;
  const styles = played
    ? `; play styles ${played.personas.filter((p) => p.ok).length}/${played.personas.length} within their bounds, ${played.random.counts.L4 + played.random.counts.L5} of ${played.random.runs} random runs at L4+${played.random.cutShort ? ` (cut short: ${played.random.runs} of ${CHECK_PERSONAS.randomRuns} fit the same budget)` : ''}`
    : '';
  summaries.push(`${file}: scoring references ${matched}/${refs.length} at their expected level${reach}${styles}`);
  return [...result.diagnostics, ...locateScoring(check.diagnostics, file, readFileSync(path, 'utf8'))];
}
