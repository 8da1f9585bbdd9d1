/** Test helpers: a generated draft loaded and checked the way `scenario check` does, without touching the disk. */
import type { Diagnostic } from '../../src/scenario/diagnostics.ts';
import { renderDraft, type Draft } from '../../src/scenario/author/draft.ts';
import { loadScenario, type LoadResult } from '../../src/scenario/load.ts';
import { scoringDiagnostics } from '../../src/scoring/diagnostics.ts';

/** The same exploration bounds as the checker uses. */
const EXPLORE = { playthroughs: 600, repairBudget: 150, seed: 1 };

/** Loads a draft's scenario.yaml with its runbooks as files beside it. */
export function loadDraft(draft: Draft): LoadResult & { text: string } {
  const files = renderDraft(draft);
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  const text = byPath.get('scenario.yaml') as string;
  return { ...loadScenario(text, { file: 'scenario.yaml', readFile: (p) => byPath.get(p) }), text };
}

/** Every error and warning `scenario check` would print for the draft (notes left out). */
export function checkDraft(draft: Draft): { loaded: LoadResult; problems: Array<Pick<Diagnostic, 'code' | 'severity' | 'message'>> } {
  const loaded = loadDraft(draft);
  const problems: Array<Pick<Diagnostic, 'code' | 'severity' | 'message'>> = loaded.diagnostics.filter((d) => d.severity !== 'info');
  if (loaded.scenario) {
    for (const d of scoringDiagnostics(loaded.scenario, { explore: EXPLORE }).diagnostics) {
      if (d.severity !== 'info') problems.push({ code: d.code as Diagnostic['code'], severity: d.severity, message: d.message });
    }
  }
  return { loaded, problems };
}
