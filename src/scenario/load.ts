/**
 * Loading a scenario: text in, a validated scenario (or located diagnostics) out.
 * Pure: the caller supplies the text and a way to read runbook files, so the same
 * code runs in the CLI, in tests and in the browser.
 */
import type { Diagnostic } from './diagnostics.ts';
import { checkDuplicateIds, collectIds } from './ids.ts';
import { checkCharacters, checkNesting, DEFAULT_MAX_SIZE, tooLargeMessage } from './prescan.ts';
import { salvageParts } from './parts.ts';
import { checkReferences } from './references.ts';
import { Reporter } from './report.ts';
import { reportSchemaIssues } from './schema-issues.ts';
import { Scenario } from './schema/index.ts';
import { checkStatic } from './static-checks.ts';
import { cleanTextValues } from './text-hygiene.ts';
import { checkValues, loadRunbooks } from './values.ts';
import { parseYaml, toPlainData } from './yaml-source.ts';
import { isMap, isScalar, isSeq } from 'yaml';

export interface LoadOptions {
  /** The name diagnostics carry, usually the path as the user typed it. */
  file: string;
  /** Reads a file relative to the scenario's folder; undefined if it does not exist. */
  readFile?: (relativePath: string) => string | undefined;
  /** Refuse files longer than this many characters (default 2 MiB). */
  maxSize?: number;
  /** Refuse runbooks longer than this many characters (default 64 KiB). */
  maxRunbookSize?: number;
}

export interface LoadResult {
  /** Set only when there are no errors. */
  scenario?: Scenario;
  /** Runbook markdown by runbook id. */
  runbooks: Record<string, string>;
  /** Errors, warnings and notes, in file order. */
  diagnostics: Diagnostic[];
}

/**
 * Parses, validates and checks a scenario. Never throws and reports every problem it
 * can find in one pass: YAML syntax, schema, references, values (the last two on what
 * parsed, even when the schema found faults elsewhere) and, when all of those are
 * clean, the static graph checks.
 */
export function loadScenario(text: string, options: LoadOptions): LoadResult {
  const report = new Reporter(options.file, typeof text === 'string' ? text : '');
  const result: LoadResult = { runbooks: {}, diagnostics: [] };
  try {
    runStages(typeof text === 'string' ? text : String(text), options, report, result);
  } catch (error) {
    // A bug in a check must not hide the file's real problems, nor crash the editor.
    const detail = error instanceof Error ? error.message : String(error);
    report.atOffset('BR000', 0, 0, `the checker failed on this file: ${detail}`, {
      hint: 'this is a bug in Burn Rate, not in your scenario; please report it with the file',
    });
    delete result.scenario;
  }
  result.diagnostics = report.finish();
  if (report.errorCount > 0) delete result.scenario;
  return result;
}

function runStages(text: string, options: LoadOptions, report: Reporter, result: LoadResult): void {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (text.length > maxSize) {
    const { message, hint } = tooLargeMessage(text.length, maxSize);
    report.atOffset('BR002', 0, 0, message, { hint });
    return;
  }
  const clean = checkCharacters(text, report);
  if (clean === undefined || !checkNesting(clean, report)) return;

  const doc = parseYaml(clean, report);
  if (!doc) return;
  const contents = doc.contents;
  // A lone `---` gives an empty scalar with no source text: as empty as no document at all.
  const blank = isScalar(contents) && contents.value === null && contents.range?.[0] === contents.range?.[1];
  if (contents === null || contents === undefined || blank) {
    const comments = /(^|\s)#/.test(clean);
    report.atOffset('BR004', 0, 0, comments ? 'the file holds only comments, no scenario' : 'the file is empty', {
      hint: 'copy an existing scenario from the scenarios folder and change it step by step',
    });
    return;
  }
  if (!isMap(contents)) {
    const range = contents.range ?? [0, 0, 0];
    const what = isSeq(contents) ? 'a list' : 'a single value';
    report.atOffset('BR005', range[0], range[1], `the file holds ${what}, but a scenario is a mapping of \`key: value\` fields`, {
      hint: 'a scenario starts with fields such as `format: 1`, `id: …`, `title: …` at the left margin',
    });
    return;
  }

  const { data, usable } = toPlainData(doc, report);
  if (!usable) return;
  checkData(data, options, report, result);
}

/** Schema, ids, references, values, runbooks and, when all of those are clean, the graph checks, on the plain data of a file. */
function checkData(data: unknown, options: LoadOptions, report: Reporter, result: LoadResult): void {
  cleanTextValues(data, report);
  const parsed = Scenario.safeParse(data);
  checkDuplicateIds(data, report);
  if (!parsed.success) {
    reportSchemaIssues(parsed.error.issues, Scenario, data, report);
    // The meaning checks still run on what parsed, so one broken value hides nothing else.
    const { parts, filePath } = salvageParts(data);
    report.withPaths(filePath, () => {
      checkReferences(parts, collectIds(data), report);
      checkValues(parts, report);
      loadRunbooks(parts, options.readFile, report, options.maxRunbookSize);
    });
    return;
  }
  const scenario = parsed.data;
  checkReferences(scenario, collectIds(data), report);
  checkValues(scenario, report);
  result.runbooks = loadRunbooks(scenario, options.readFile, report, options.maxRunbookSize);
  // The graph checks assume every reference resolves; with errors they would only add noise.
  if (report.errorCount > 0) return;
  checkStatic(scenario, report);
  result.scenario = scenario;
}

/**
 * A `readFile` for files bundled as a map from path to contents (as a bundler's glob
 * import gives them): paths are resolved against the scenario file's folder.
 */
export function readerFromFiles(files: Readonly<Record<string, string>>, scenarioPath: string): (relativePath: string) => string | undefined {
  const slash = scenarioPath.lastIndexOf('/');
  const folder = slash === -1 ? '' : scenarioPath.slice(0, slash + 1);
  return (relativePath) => {
    const normalised = relativePath.replace(/^\.\//, '');
    const hit = files[folder + normalised];
    return typeof hit === 'string' ? hit : undefined;
  };
}

/**
 * Loads every `…/scenario.yaml` among bundled files (path → text, e.g. from a glob
 * import of the scenarios folder), each reading its runbooks from its own folder.
 * Results are keyed by path, in path order.
 */
export function loadBundledScenarios(files: Readonly<Record<string, string>>): Map<string, LoadResult> {
  const results = new Map<string, LoadResult>();
  for (const path of Object.keys(files).sort()) {
    if (path !== 'scenario.yaml' && !path.endsWith('/scenario.yaml')) continue;
    results.set(path, loadScenario(files[path] as string, { file: path, readFile: readerFromFiles(files, path) }));
  }
  return results;
}
