/**
 * YAML text → document with positions → plain data, reporting every syntax problem.
 * We convert nodes to data ourselves rather than with `doc.toJS()`: its duplicate-key
 * check is quadratic in the number of keys, its alias check throws at the first
 * excess, and it cannot tell us where a duplicate key or a bad alias is.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { keyText } from './positions.ts';
import type { Reporter } from './report.ts';
import { MAX_NESTING } from './prescan.ts';
import { onePerLine, reportYamlError } from './yaml-errors.ts';
import { findIndentMistakes } from './yaml-indent.ts';

/**
 * Aliases may not expand the data past this many nodes. A large scenario has a few
 * thousand; a "billion laughs" file has billions. Counting expanded size (rather than
 * aliases, as `maxAliasCount` does) lets honest reuse of anchors through.
 */
export const MAX_EXPANDED_NODES = 100_000;

/** How scenario text is parsed. */
const PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: false, // checked in toPlainData in linear time, with the first key's line in the hint
  strict: true,
  // Not 'silent': that also drops the MULTIPLE_DOCS error, and a second document would go unread.
  logLevel: 'error',
  version: '1.2',
} as const;

/** The parsed document, or undefined if the YAML was too broken to validate further. */
export function parseYaml(text: string, report: Reporter): Document | undefined {
  // yaml makes each syntax problem an Error, and a broken file can have thousands; their
  // stack traces (never read: the problems are reported by position) were a sixth of the
  // time spent on a broken file.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseAndExplain(text, report);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function parseAndExplain(text: string, report: Reporter): Document | undefined {
  let doc: Document;
  try {
    doc = parseDocument(text, PARSE_OPTIONS);
  } catch (error) {
    report.atOffset('BR001', 0, 0, `the YAML parser gave up: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  report.doc = doc;
  const { mistakes, remaining } = doc.errors.length > 0 ? findIndentMistakes(text, doc.errors, (t) => parseDocument(t, PARSE_OPTIONS)) : { mistakes: [], remaining: [] };
  for (const m of mistakes) report.atOffset('BR001', m.start, m.end, m.message, { hint: m.hint });
  for (const error of onePerLine(remaining, report)) reportYamlError(error, report, false);
  for (const warning of doc.warnings) reportYamlError(warning, report, true);
  return doc.errors.length > 0 ? undefined : doc;
}

/**
 * `label: Post in #incidents` reads as "Post in" plus a comment: YAML starts a comment at
 * any " #". A comment glued to its text ("#incidents") is almost always such an accident.
 */
function warnIfCutByComment(node: { type?: string; comment?: string | null; range?: readonly number[] | null; value: unknown }, report: Reporter): void {
  if (node.type !== 'PLAIN' || typeof node.comment !== 'string' || !/^[^\s#]/.test(node.comment) || typeof node.value !== 'string') return;
  const end = node.range?.[1] ?? 0;
  const hash = report.text.indexOf('#', end);
  if (hash < 0) return;
  report.atOffset('BR047', hash, hash + 1 + node.comment.length, `this text stops at "${node.value}": the rest, "#${node.comment}", is read as a comment`, {
    hint: 'put the whole value in quotes, e.g. "… #incidents …", to keep the # and what follows',
  });
}

/**
 * Converts a parsed document to plain data (objects, arrays, scalars), reporting
 * duplicate keys, bad aliases, alias bombs, non-text keys and excessive nesting.
 * `usable` is false when the data has holes (a dropped alias or key) that would
 * only cause confusing follow-on schema errors; duplicate keys keep the last value.
 */
export function toPlainData(doc: Document, report: Reporter): { data: unknown; usable: boolean } {
  const anchors = new Map<string, unknown>();
  const values = new WeakMap<object, unknown>();
  const sizes = new WeakMap<object, number>();
  const active = new Set<unknown>();
  let nodes = 0;
  let exhausted = false;
  let tooDeep = false;
  let holes = 0;

  const walk = (node: unknown, depth: number): unknown => {
    if (node === null || node === undefined) return null;
    if (depth > MAX_NESTING) {
      const range = (node as { range?: [number, number] }).range ?? [0, 0];
      holes++;
      if (!tooDeep) {
        report.atOffset('BR008', range[0], range[1], `lists and mappings are nested more than ${MAX_NESTING} levels deep here`, {
          hint: 'a scenario nests about ten levels; look for runaway indentation, each line indented further than the one above',
        });
      }
      tooDeep = true;
      return null;
    }
    if (isAlias(node)) return expandAlias(node);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    const before = nodes++;
    // Only an anchored node can be an alias's target: only those are tracked (most nodes have no anchor).
    if (anchor) active.add(node);
    let value: unknown;
    if (isScalar(node)) {
      value = node.value;
      warnIfCutByComment(node, report);
    } else if (isSeq(node)) {
      value = node.items.map((item) => walk(item, depth + 1));
    } else if (isMap(node)) {
      value = walkMap(node, depth);
    } else {
      value = null;
    }
    if (anchor) {
      active.delete(node);
      values.set(node as object, value);
      sizes.set(node as object, nodes - before);
    }
    return value;
  };

  const walkMap = (node: { items: { key: unknown; value: unknown }[] }, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, unknown>();
    for (const pair of node.items) {
      const keyNode = isAlias(pair.key) ? resolve(pair.key) : pair.key;
      const key = keyText(keyNode);
      const keyRange = (pair.key as { range?: [number, number] } | null)?.range;
      if (key === undefined) {
        const [start, end] = keyRange ?? [0, 0];
        holes++;
        report.atOffset('BR001', start, end, 'a key must be plain text, not a list or a mapping', {
          hint: 'scenario keys are names such as `title` or `phases`',
        });
        continue;
      }
      const first = seen.get(key);
      if (first !== undefined && keyRange) {
        const firstRange = (first as { range?: [number, number] }).range;
        const firstLine = firstRange ? report.lines.position(firstRange[0]).line : undefined;
        report.atOffset('BR006', keyRange[0], keyRange[1], `the key \`${key}\` appears twice in the same mapping`, {
          hint: `${firstLine ? `it is first set on line ${firstLine}; ` : ''}keep one of them (YAML does not merge them)`,
        });
      }
      seen.set(key, pair.key);
      const value = walk(pair.value, depth + 1);
      // Only `__proto__` is special to plain assignment: defineProperty makes it data, not a prototype change.
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  };

  const resolve = (alias: { source: string }): unknown => anchors.get(alias.source);

  const expandAlias = (alias: { source: string; range?: readonly number[] | null }): unknown => {
    const [start = 0, end = start] = alias.range ?? [];
    const target = resolve(alias);
    if (target === undefined || active.has(target) || nodes + (sizes.get(target as object) ?? 1) > MAX_EXPANDED_NODES) holes++;
    if (target === undefined) {
      report.atOffset('BR001', start, end, `the alias \`*${alias.source}\` refers to no anchor above it`, {
        hint: `define \`&${alias.source}\` on a value before this line`,
      });
      return null;
    }
    if (active.has(target)) {
      report.atOffset('BR001', start, end, `the alias \`*${alias.source}\` is inside the value it refers to`, {
        hint: 'a value cannot contain itself; copy the parts you need instead',
      });
      return null;
    }
    nodes += sizes.get(target as object) ?? 1;
    if (nodes > MAX_EXPANDED_NODES) {
      if (!exhausted) {
        exhausted = true;
        report.atOffset('BR007', start, end, `aliases expand the file to more than ${MAX_EXPANDED_NODES.toLocaleString('en')} values`, {
          hint: 'this looks like an alias bomb; a scenario needs few aliases, if any',
        });
      }
      return null;
    }
    // Sharing the converted value keeps expansion linear; nothing downstream mutates it.
    return values.get(target as object) ?? null;
  };

  const data = walk(doc.contents, 0);
  return { data, usable: holes === 0 };
}
