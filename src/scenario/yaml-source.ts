/**
 * YAML text → document with positions → plain data, reporting every syntax problem.
 * We convert nodes to data ourselves rather than with `doc.toJS()`: its duplicate-key
 * check is quadratic in the number of keys, its alias check throws at the first
 * excess, and it cannot tell us where a duplicate key or a bad alias is.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type ErrorCode, type YAMLError } from 'yaml';
import { keyText } from './positions.ts';
import type { Reporter } from './report.ts';
import { MAX_NESTING } from './prescan.ts';

/**
 * Aliases may not expand the data past this many nodes. A large scenario has a few
 * thousand; a "billion laughs" file has billions. Counting expanded size (rather than
 * aliases, as `maxAliasCount` does) lets honest reuse of anchors through.
 */
export const MAX_EXPANDED_NODES = 100_000;

const SYNTAX_HINTS: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'line this up with the other entries at the same level (spaces only, usually two per level)',
  TAB_AS_INDENT: 'indent with spaces: YAML does not allow tabs for indentation',
  MISSING_CHAR: 'add what is missing here: often a closing quote or bracket, or the `: ` after a key',
  BLOCK_AS_IMPLICIT_KEY: 'put each `key: value` on its own line, or quote a value that contains ": "',
  MULTILINE_IMPLICIT_KEY: 'is the `:` after a key missing, or the space after it? If a value runs on from the line above, indent it further or put it in quotes',
  UNEXPECTED_TOKEN: 'look for a stray character here, or put the value in quotes',
  BAD_DQ_ESCAPE: 'inside double quotes write a backslash as \\\\, or use single quotes',
  BAD_SCALAR_START: 'a value starting with @ or ` must be quoted',
  BAD_DIRECTIVE: 'scenarios need no % directives; remove the line',
  KEY_OVER_1024_CHARS: 'keys are short names such as `title`; is a colon missing after the key?',
  BLOCK_IN_FLOW: 'inside brackets write items as `[a, b]` or `{ a: 1, b: 2 }` (is a comma missing?), or drop the brackets and use indented lines',
  TAG_RESOLVE_FAILED: 'remove the `!tag`: scenarios use plain YAML values',
  BAD_ALIAS: 'an alias is written *name and must refer to an &name anchor above it',
};

/** yaml's wording where it speaks YAML-spec rather than plain words. */
const PLAIN_MESSAGES: Partial<Record<ErrorCode, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a second `key:` starts on the same line as the first',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line',
  BLOCK_IN_FLOW: 'a `- ` list item or an indented block is not allowed inside [ ] or { }',
};

/** The parser's names for the tokens it trips over, as an author would say them. */
const TOKEN_WORDS: Record<string, string> = {
  'block-seq-ind': 'a `- ` list item',
  'map-value-ind': 'a `:`',
  'explicit-key-ind': 'a `?`',
  'flow-seq-start': 'a `[`',
  'flow-seq-end': 'a `]`',
  'flow-map-start': 'a `{`',
  'flow-map-end': 'a `}`',
  'flow-error-end': 'a closing bracket',
  comma: 'a `,`',
  'doc-start': 'a `---` line',
  'doc-end': 'a `...` line',
  anchor: 'an `&anchor`',
  tag: 'a `!tag`',
  alias: 'an `*alias`',
  scalar: 'a value',
  'block-scalar': 'a `|` or `>` text block',
  'block-map': 'a mapping',
  'block-seq': 'a list',
  'flow-collection': 'a bracketed list or mapping',
};

const tokenWords = (name: string) => TOKEN_WORDS[name] ?? `\`${name}\``;

/**
 * Messages of yaml's that name parser tokens or restate the rule, rewritten in plain
 * words, each with a hint that says what to do. The first match wins.
 */
const REWRITES: ReadonlyArray<{ match: RegExp; message: (m: RegExpExecArray) => string; hint?: string }> = [
  {
    match: /^Unexpected block-seq-ind on same line with key/,
    message: () => 'a list cannot start on the same line as its key',
    hint: 'put each `- ` item on a line of its own below the key, indented two spaces more than the key',
  },
  {
    match: /^Unexpected ([\w-]+) token in YAML stream: "(.*)"$/,
    message: (m) => `\`${m[2]}\` is out of place: the value before it has already ended`,
    hint: 'remove it, or check the brackets and the indentation of the lines above',
  },
  {
    match: /^Unexpected ([\w-]+) at node end$/,
    message: (m) => `${tokenWords(m[1] as string)} follows a value that has already ended`,
    hint: 'put the whole value in quotes, or move what follows to a line of its own',
  },
  {
    match: /^Unexpected ([\w-]+) token$/,
    message: (m) => `${tokenWords(m[1] as string)} is out of place here`,
  },
  {
    match: /^Missing closing (["'])quote/,
    message: (m) => `a value opened with ${m[1]} is never closed`,
    hint: 'add the closing quote where the value ends',
  },
  {
    match: /^Implicit map keys need to be followed by map values/,
    message: () => 'this line has a key without a `:` after it',
    hint: 'write `key: value` (a space after the colon), or remove the line if it is left over',
  },
  {
    match: /^Missing ,(?: or :)? between (flow \w+) items/,
    message: (m) => `a \`,\` is missing between the items of a ${m[1] === 'flow map' ? '{ } mapping' : '[ ] list'}`,
    hint: 'separate the items with commas, as in `[a, b]` or `{ a: 1, b: 2 }`',
  },
  {
    match: /^(flow \w+) in block collection must be sufficiently indented and end with a ([\]}])/i,
    message: (m) => `a ${m[1]?.toLowerCase() === 'flow map' ? '{ } mapping' : '[ ] list'} is not closed with \`${m[2]}\` before the next entry`,
    hint: 'add the closing bracket where it ends; if it runs over several lines, indent them more than its key',
  },
  {
    match: /^Unexpected , in flow/,
    message: () => 'a `,` here has no item before it',
    hint: 'remove the extra comma',
  },
  {
    match: /^Missing space after : in/,
    message: () => 'a `:` inside { } has no space after it',
    hint: 'put a space after the colon, as in `{ a: 1 }`',
  },
  {
    match: /^Sequence item without - indicator/,
    message: () => 'a list item has no `- ` in front of it',
    hint: 'start every item of the list with `- `, lined up with the others',
  },
  {
    match: /^Block collection cannot start on same line with directives-end marker/,
    message: () => 'a list or mapping starts on the `---` line',
    hint: 'start it on the line after `---`',
  },
  {
    match: /^Comments must be separated from other tokens by white space/,
    message: () => 'a `#` comment is glued to the text before it',
    hint: 'put a space before the #, or quote the value if the # belongs to it',
  },
];

/**
 * A syntax error in plain words, with a hint that says what to do: a rewrite above if
 * one matches, else yaml's own words with parser token names spelt out and the hint for
 * its error code.
 */
function plainMessage(error: YAMLError): { message: string; hint: string | undefined } {
  // yaml's messages sometimes carry a source excerpt after a colon-newline.
  const first = error.message.split('\n')[0]?.trim() ?? error.message;
  for (const rewrite of REWRITES) {
    const match = rewrite.match.exec(first);
    if (match) return { message: rewrite.message(match), hint: rewrite.hint ?? SYNTAX_HINTS[error.code] };
  }
  const plain = (PLAIN_MESSAGES[error.code] ?? first.charAt(0).toLowerCase() + first.slice(1))
    .replace(/\b([a-z]+(?:-[a-z]+)+)(?= token\b)/g, (name) => tokenWords(name))
    .replace(/\bflow sequence\b/g, '[ ] list')
    .replace(/\bflow map\b/g, '{ } mapping')
    .replace(/\bflow collections?\b/g, '[ ] or { }');
  return { message: plain, hint: SYNTAX_HINTS[error.code] };
}

/**
 * A second document: yaml places it where the second document starts, which is the
 * `---` line, or the first line after a `...` that ended the scenario.
 */
function reportSecondDocument(start: number, report: Reporter): void {
  const text = report.text;
  if (text.startsWith('---', start)) {
    report.atOffset('BR001', start, start + 3, 'a `---` line starts a second YAML document', {
      hint: 'a scenario file holds one document, and `---` starts another: remove the line, or move what follows it to a file of its own',
    });
    return;
  }
  const ends = [...text.slice(0, start).matchAll(/^\.\.\.(?=[ \t\r\n]|$)/gm)];
  const marker = ends.at(-1)?.index ?? start;
  report.atOffset('BR001', marker, marker + (ends.length ? 3 : 0), 'more text follows the `...` line that ends the YAML document', {
    hint: 'a scenario file holds one document, and `...` ends it: remove the `...` line, or move what follows it to a file of its own',
  });
}

function reportYamlError(error: YAMLError, report: Reporter, asWarning: boolean): void {
  const [start, end] = error.pos;
  if (/call stack/i.test(error.message)) {
    report.atOffset('BR008', start, end, 'lists and mappings are nested too deeply to read', {
      hint: 'a scenario nests about ten levels; look for unbalanced brackets or runaway indentation',
    });
    return;
  }
  if (error.code === 'MULTIPLE_DOCS') {
    reportSecondDocument(start, report);
    return;
  }
  const { message, hint } = plainMessage(error);
  report.atOffset(asWarning ? 'BR009' : 'BR001', start, end, message, { hint });
}

/** Errors yaml adds after another one on the same line, as a consequence of it. */
const KNOCK_ON: ReadonlySet<ErrorCode> = new Set(['MULTILINE_IMPLICIT_KEY']);

/**
 * yaml often reports several errors for one mistake. One per line is kept: the first,
 * unless it is a knock-on effect and the line has a better one.
 */
function onePerLine(errors: readonly YAMLError[], report: Reporter): YAMLError[] {
  const byLine = new Map<number, YAMLError>();
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const line = report.lines.position(error.pos[0]).line;
    const kept = byLine.get(line);
    if (!kept || (KNOCK_ON.has(kept.code) && !KNOCK_ON.has(error.code))) byLine.set(line, error);
  }
  return [...byLine.values()];
}

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
  let doc: Document;
  try {
    doc = parseDocument(text, PARSE_OPTIONS);
  } catch (error) {
    report.atOffset('BR001', 0, 0, `the YAML parser gave up: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  report.doc = doc;
  for (const error of onePerLine(doc.errors, report)) reportYamlError(error, report, false);
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
    active.add(node);
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
    active.delete(node);
    values.set(node as object, value);
    sizes.set(node as object, nodes - before);
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
      // defineProperty so that a key named __proto__ is data, not a prototype change.
      Object.defineProperty(out, key, { value: walk(pair.value, depth + 1), enumerable: true, writable: true, configurable: true });
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
