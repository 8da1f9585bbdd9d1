/**
 * yaml's syntax errors as an author reads them: in plain words, each with a hint that
 * says what to do, one per line, a second document told apart from other mistakes.
 */
import type { ErrorCode, YAMLError } from 'yaml';
import type { Reporter } from './report.ts';

/** What the reporting needs of a yaml error: its code, its words and where it is. */
export type SyntaxProblem = Pick<YAMLError, 'code' | 'message' | 'pos'>;

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
function plainMessage(error: SyntaxProblem): { message: string; hint: string | undefined } {
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

/** Reports one yaml error (or, as BR009, a warning) in plain words. */
export function reportYamlError(error: SyntaxProblem, report: Reporter, asWarning: boolean): void {
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
  const colon = colonInValue(error, report.text);
  if (colon) {
    report.atOffset('BR001', colon.at, colon.at + 1, colon.message, { hint: colon.hint });
    return;
  }
  const { message, hint } = plainMessage(error);
  report.atOffset(asWarning ? 'BR009' : 'BR001', start, end, message, { hint });
}

/** The value in quotes, as an author would write it: double quotes unless it holds some. */
function quoted(value: string): string {
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * `label: Check the DB: replicas` reads as a mapping inside a value: yaml says so at the
 * value's start ("nested mappings", or "block collection" inside { }). The mistake is the
 * `: ` inside the value, so that is where it is reported, with the value quoted as the fix.
 */
function colonInValue(error: SyntaxProblem, text: string): { at: number; message: string; hint: string } | undefined {
  const flow = error.code === 'BLOCK_IN_FLOW';
  if (!flow && !(error.code === 'BLOCK_AS_IMPLICIT_KEY' && /^Nested mappings/.test(error.message))) return undefined;
  const start = error.pos[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', start);
  const lineEnd = newline === -1 ? text.length : newline;
  // In { } the value ends where yaml says; in a block it runs to the end of the line or a ` #` comment.
  const end = flow ? Math.min(error.pos[1], lineEnd) : lineEnd;
  const value = text.slice(start, end).replace(/\s+#.*$/, '').trimEnd();
  const skip = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(value)?.[0].length ?? 0;
  const colon = /:(?=\s|$)/.exec(value.slice(skip));
  if (!colon) return undefined;
  const at = start + skip + colon.index;
  const key = /([^\s{,[-][^:{,]*?)\s*:\s*$/.exec(text.slice(lineStart, start))?.[1];
  return {
    at,
    message: `this \`: \` is inside a value without quotes, so the value reads as another \`key: value\``,
    hint: `put the whole value in quotes: ${key ? `${key}: ` : ''}${quoted(value)}`,
  };
}

/** Errors yaml adds after another one on the same line, as a consequence of it. */
const KNOCK_ON: ReadonlySet<ErrorCode> = new Set(['MULTILINE_IMPLICIT_KEY']);

/**
 * yaml often reports several errors for one mistake. One per line is kept: the first,
 * unless it is a knock-on effect and the line has a better one.
 */
export function onePerLine(errors: readonly SyntaxProblem[], report: Reporter): SyntaxProblem[] {
  const byLine = new Map<number, SyntaxProblem>();
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const line = report.lines.position(error.pos[0]).line;
    const kept = byLine.get(line);
    if (!kept || (KNOCK_ON.has(kept.code) && !KNOCK_ON.has(error.code))) byLine.set(line, error);
  }
  return [...byLine.values()];
}
