/** `scenario check [--json] [files…]`: validate scenario files and print located diagnostics. */
import { countDiagnostics, formatDiagnostic, plural, sortDiagnostics, type Diagnostic } from '../scenario/diagnostics.ts';
import type { CliIO, Command } from './io.ts';
import { findScenarioFiles, loadScenarioFile, scenarioFile } from './scenario-files.ts';
import { scoringCheck } from './scoring-check.ts';
import { formatTimeline, idleTimeline } from './timeline.ts';

const USAGE = `usage: npm run scenario -- check [--json] [--timeline] [files…]

Checks scenario files (or scenario folders, for the scenario.yaml in each): YAML syntax,
the schema, references, values and the phase graph.
With no files, checks every scenarios/*/scenario.yaml.

  --json       print the diagnostics as a JSON array instead of text
  --timeline   also print, for each file without errors, what happens if nobody acts
               at its default seed: phase starts, the first page, the budget half and
               wholly spent, the ending

Exit code: 0 if there are no errors (warnings are fine), 1 if there are, 2 on bad usage.`;

async function run(args: string[], io: CliIO): Promise<number> {
  const json = args.includes('--json');
  const timeline = args.includes('--timeline');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json' && a !== '--timeline');
  if (unknown.length > 0) {
    io.stderr(`unknown option ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const given = args.filter((a) => !a.startsWith('-'));
  const files = given.length > 0 ? given : findScenarioFiles(io.cwd);
  if (files.length === 0) {
    io.stderr('no scenario files found (looked for scenarios/*/scenario.yaml)');
    if (json) io.stdout('[]');
    return 0;
  }

  const diagnostics: Diagnostic[] = [];
  const summaries: string[] = [];
  for (const file of files) {
    const { path, display } = scenarioFile(file, io.cwd);
    const progress = progressReporter(io, display);
    // A path that is not a readable file is reported like any other problem (BR010).
    const loaded = loadScenarioFile(path, display);
    diagnostics.push(...scoringCheck(loaded, path, display, summaries, progress));
    if (timeline && loaded.scenario) summaries.push('', ...formatTimeline(display, loaded.scenario.seed, idleTimeline(loaded.scenario)));
  }

  const sorted = sortDiagnostics(diagnostics);
  const counts = countDiagnostics(sorted);
  if (json) {
    io.stdout(JSON.stringify(sorted, null, 2));
  } else {
    for (const d of sorted) io.stdout(formatDiagnostic(d));
    for (const line of summaries) io.stdout(line);
    const checked = plural(files.length, 'file');
    const found = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
    if (counts.infos > 0) found.push(plural(counts.infos, 'note'));
    const problems = counts.errors + counts.warnings + counts.infos === 0 ? 'no problems' : found.join(', ');
    io.stdout(`${sorted.length > 0 ? '\n' : ''}checked ${checked}: ${problems}`);
  }
  return counts.errors > 0 ? 1 : 0;
}

/** Seconds of quiet before a long check says how far it has got, and between such lines. */
const PROGRESS_EVERY_MS = 2000;

/**
 * Progress for one file's scoring exploration, to `io.progress` (stderr on a terminal;
 * stdout stays the report, and JSON with --json): nothing for a check that ends quickly,
 * then a line every two seconds. Undefined when there is nowhere to show it.
 */
export function progressReporter(io: CliIO, display: string, now: () => number = Date.now): ((done: number, planned: number) => void) | undefined {
  const show = io.progress;
  if (!show) return undefined;
  let next = now() + PROGRESS_EVERY_MS;
  return (done, planned) => {
    const t = now();
    if (t < next) return;
    next = t + PROGRESS_EVERY_MS;
    show(`${display}: exploring play, ${done} of up to ${planned} playthroughs…`);
  };
}

/** The `check` sub-command. */
export const checkCommand: Command = { summary: 'check scenario files and report problems with line and column', usage: USAGE, run };
