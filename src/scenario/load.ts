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
import { MAX_EXPANDED_NODES, parseYaml, toPlainData } from './yaml-source.ts';
import { RegionLocator } from './region-positions.ts';
import { isMap, isScalar, isSeq } from 'yaml';
import { CORE_SCHEMA, load as quickParse } from 'js-yaml';
import { MAX_NESTING } from './prescan.ts';

export interface LoadOptions {
  /** The name diagnostics carry, usually the path as the user typed it. */
  file: string;
  /** Reads a file relative to the scenario's folder; undefined if it does not exist. */
  readFile?: (relativePath: string) => string | undefined;
  /** Refuse files longer than this many characters (default 2 MiB). */
  maxSize?: number;
  /** Try the quick parser first (default true); false always takes the positional path. */
  quick?: boolean;
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
  if (options.quick !== false && typeof text === 'string') {
    const quick = quickLoad(text, options);
    if (quick) return quick;
  }
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

/**
 * The positional YAML parser reads only about 1–2 MB/s (50 ms for a large scenario), so
 * a plain file is first read with a much faster parser that keeps no positions, and
 * checked as the positional path would check it. A problem it finds is located by
 * parsing only the part of the file that holds it (see `region-positions.ts`). Anything
 * else — a syntax error, a file the quick parser reads differently, a position that
 * cannot be found for certain — returns undefined and the file is loaded again on the
 * positional path. `test/load-agreement.test.ts` and `test/located-agreement.test.ts`
 * hold the two paths to the same answers.
 */
export function quickLoad(text: string, options: LoadOptions): LoadResult | undefined {
  if (text.length > (options.maxSize ?? DEFAULT_MAX_SIZE) || !plainEnough(text)) return undefined;
  let data: unknown;
  try {
    data = quickParse(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  // Aliases share one value, so a handful can stand for billions of nodes: leave those
  // files to the positional path, which reports the bomb.
  if (expandedSize(data, new Map()) > MAX_EXPANDED_NODES || hasNumberLikeText(data, new Set())) return undefined;
  const report = new Reporter(options.file, text);
  if (checkCharacters(text, report) !== text) return undefined;
  const locator = new RegionLocator(text, data);
  report.locator = (path, located) => locator.locate(path, located);
  const result: LoadResult = { runbooks: {}, diagnostics: [] };
  try {
    checkData(data, options, report, result);
    result.diagnostics = report.finish();
    // A file with problems must also be one the positional path would read as it is.
    if (result.diagnostics.length > 0) locator.prepare();
  } catch {
    // Unsure of a position, or a check that failed: the positional path decides.
    return undefined;
  }
  if (report.errorCount > 0) delete result.scenario;
  return result;
}

/**
 * The two parsers read ordinary YAML the same way, but the quick one forgives some
 * things the positional one (and editors) reject: tags and directives, flow collections
 * (`{…}`, `[…]`) whose continuation lines are not indented, keys in brackets (`[a]: b`),
 * a comment glued to a closing quote or bracket (`"a"#c`) and a lone carriage return
 * (a line break to js-yaml only); and some plain values it reads differently. Files with
 * any of those, or a `__proto__` key, take the positional path.
 */
function plainEnough(text: string): boolean {
  if (text.includes('__proto__') || /(^|[\s[{,])!\S/.test(text) || /^%/m.test(text)) return false;
  if (/[\]}][ \t]*:(?=[ \r\n]|$)/m.test(text) || /\r(?!\n)/.test(text) || !numbersReadAlike(text)) return false;
  return !flowSpansLines(text);
}

/**
 * Plain numbers the two parsers read differently: js-yaml reads 0b101, -0x1f and -0o7 as
 * numbers, -0 as 0 and a hex number too long for a double as text; yaml reads -.5 as a
 * number. Looked for anywhere a value can start, quoted or not: a false alarm only costs
 * the positional path.
 */
const NUMBERS_READ_APART = /[-+]?0b|[-+](?:0[xo]|\.\d|0(?![\d.xoe]))|0[xo][\da-fA-F]{60}/g;

function numbersReadAlike(text: string): boolean {
  NUMBERS_READ_APART.lastIndex = 0;
  for (let match = NUMBERS_READ_APART.exec(text); match; match = NUMBERS_READ_APART.exec(text)) {
    if (match[0].length > 60) return false;
    const before = text[match.index - 1];
    if (before === undefined || ' \t\r\n:,[{'.includes(before)) return false;
  }
  return true;
}

/**
 * True if a `{…}`/`[…]` flow collection or a quoted value runs past the end of its line,
 * or a comment is glued to a value or to a closing quote or bracket. Block scalars (`|`,
 * `>`) are skipped: their lines are text, whatever they contain.
 */
function flowSpansLines(text: string): boolean {
  let blockParent = -1; // indentation of the line that opened a block scalar, or -1
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (blockParent >= 0) {
      if (line.trim() === '' || indent > blockParent) continue;
      blockParent = -1;
    }
    let depth = 0;
    let quote: string | null = null;
    let tokenStart = true;
    for (let i = 0; i < line.length; i++) {
      const c = line[i] as string;
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else {
            quote = null;
            if (line[i + 1] === '#') return true;
          }
        }
        continue;
      }
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
        // A comment glued to the text before it (`in #incidents`) may cut a value short: BR047.
        if (i > indent && line[i + 1] !== undefined && !/[\s#]/.test(line[i + 1] as string)) return true;
        break;
      }
      if ((c === '"' || c === "'") && tokenStart) quote = c;
      else if ((c === '{' || c === '[') && tokenStart) depth++;
      else if ((c === '}' || c === ']') && depth > 0) {
        depth--;
        if (line[i + 1] === '#') return true;
      }
      // A quote or bracket opens something only where a token can start.
      tokenStart = c === ' ' || c === '\t' || c === '[' || c === '{' || c === ',';
    }
    if (depth > 0 || quote) return true;
    if (/(^|[:\s-])\s*[|>][-+0-9]*\s*(#.*)?$/.test(line.trimEnd()) && /(:|^\s*-)\s+[|>]/.test(line)) blockParent = indent;
  }
  return false;
}

/** True if any text value would read as a number in YAML 1.2 when unquoted (e.g. "1e999"). */
function hasNumberLikeText(value: unknown, seen: Set<object>): boolean {
  if (typeof value === 'string') return /^[-+]?(\.\d+|\d+(\.\d*)?)([eE][-+]?\d+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(value) && !Number.isFinite(Number(value.replace(/^\+/, '')));
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => hasNumberLikeText(v, seen));
}

/** Nodes a value would have with every shared (aliased) value copied out; linear time. */
function expandedSize(value: unknown, memo: Map<object, number>): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, Infinity); // a value that contains itself never finishes expanding
  let size = 1;
  for (const child of Object.values(value)) {
    size += expandedSize(child, memo);
    if (size > MAX_EXPANDED_NODES) break;
  }
  memo.set(value, size);
  return size;
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
      loadRunbooks(parts, options.readFile, report);
    });
    return;
  }
  const scenario = parsed.data;
  checkReferences(scenario, collectIds(data), report);
  checkValues(scenario, report);
  result.runbooks = loadRunbooks(scenario, options.readFile, report);
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
