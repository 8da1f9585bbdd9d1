/**
 * Indentation mistakes told as what happened, once, on the line where they happened.
 *
 * yaml cannot know which line an author mis-indented: a key indented too far reads as the
 * tail of the value above it ("a multi-line key" on the line above), and a list item
 * moved left ends its list, so every line after it is out of place. We find the line by
 * trying what an author would do: set one line's indentation to that of its neighbours
 * and parse again. A change that makes the error go away, with the line still starting
 * a key or a list item, names the mistake; the errors it removes were its consequences.
 */
import { isNode, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { SyntaxProblem } from './yaml-errors.ts';

/** How one indentation mistake is reported. */
export interface IndentMistake {
  /** Offsets in the original text: the start of the line's content and the end of its key or `- `. */
  start: number;
  end: number;
  message: string;
  hint: string;
}

type Parse = (text: string) => Document;

/**
 * Trial parses per file, the characters they may parse in all (the regions tried and the
 * whole file once per trial that passes: about twice the file, plus room for small files),
 * and mistakes explained; past these yaml's own errors are reported.
 */
const MAX_TRIALS = 48;
const TRIAL_TEXT = (length: number) => 2 * length + 10_000;
const MAX_MISTAKES = 3;
/** How far from an error a mis-indented line is looked for, and its neighbours' indentation. */
const LINES_AFTER = 6;
const LINES_BEFORE = 6;
const NEIGHBOURS = 10;
const TARGETS_PER_LINE = 3;

interface Line {
  start: number;
  end: number;
  indent: number;
  kind: 'blank' | 'key' | 'item' | 'text';
  /** Where the content after `- ` starts (items only). */
  content: number;
  /** Indentation of the key this line starts, if any: the line's own, or the column after `- `. */
  keyLevel: number | undefined;
  /** The key's name, for the hint. */
  key: string | undefined;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},&*!|>%@`:-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(start, end).replace(/\r$/, '');
    const indent = raw.length - raw.replace(/^ +/, '').length;
    const rest = raw.slice(indent);
    const line: Line = { start, end, indent, kind: 'text', content: indent, keyLevel: undefined, key: undefined };
    if (rest === '' || rest.startsWith('#')) line.kind = 'blank';
    else {
      const dash = /^-(?: +|$)/.exec(rest);
      if (dash) {
        line.kind = 'item';
        line.content = indent + dash[0].length;
      }
      const key = KEY.exec(raw.slice(line.content));
      if (key) {
        line.keyLevel = line.content;
        line.key = key[1];
        if (!dash) line.kind = 'key';
      }
    }
    lines.push(line);
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** The line holding an offset (binary search over line starts). */
function lineAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as Line).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A level a line could be moved to, and the neighbour that has it. */
interface Target {
  indent: number;
  from: number;
}

/** The indentation of the same role (keys for a key line, `- ` for a list item) among a line's neighbours, nearest neighbour first. */
function targets(lines: readonly Line[], at: number): Target[] {
  const line = lines[at] as Line;
  const found = new Map<number, Target & { distance: number }>();
  // A neighbour beyond a less indented line is in another block: the last resort for naming a level.
  const consider = (j: number, distance: number, shallowest: number) => {
    const other = lines[j] as Line;
    const level = line.kind === 'item' ? (other.kind === 'item' ? other.indent : undefined) : other.keyLevel;
    if (level === undefined || level === line.indent) return;
    const cost = distance + (shallowest < level ? 1000 : 0);
    const known = found.get(level);
    if (!known || cost < known.distance) found.set(level, { indent: level, from: j, distance: cost });
  };
  let seen = 0;
  let shallowest = Infinity;
  for (let j = at - 1; j >= 0 && seen < NEIGHBOURS; j--) {
    const other = lines[j] as Line;
    if (other.kind === 'blank') continue;
    consider(j, seen++, shallowest);
    if (other.kind !== 'text') shallowest = Math.min(shallowest, other.indent);
  }
  seen = 0;
  shallowest = Infinity;
  for (let j = at + 1; j < lines.length && seen < NEIGHBOURS; j++) {
    const other = lines[j] as Line;
    if (other.kind === 'blank') continue;
    consider(j, seen++ + 3, shallowest);
    if (other.kind !== 'text') shallowest = Math.min(shallowest, other.indent);
  }
  // Nearest first: a line most likely belongs with the line just above it, whatever the distance in spaces.
  return [...found.values()].sort((a, b) => a.distance - b.distance).slice(0, TARGETS_PER_LINE);
}

/** The lines that may hold the mistake behind an error starting on line `first` and running to `last`. */
function suspects(lines: readonly Line[], first: number, last: number): number[] {
  const out: number[] = [];
  const structural = (j: number) => (lines[j] as Line).kind === 'key' || (lines[j] as Line).kind === 'item';
  // A key indented too far is the end of the multi-line "key" yaml reports: look from the end back.
  for (let j = Math.min(last, first + LINES_AFTER); j >= first; j--) if (structural(j)) out.push(j);
  // A line above the error causes it only by ending a block early: by being less indented than the error's line.
  let seen = 0;
  const errorIndent = (lines[first] as Line).indent;
  for (let j = first - 1; j >= 0 && seen < LINES_BEFORE; j--) {
    if ((lines[j] as Line).kind === 'blank') continue;
    seen++;
    if (structural(j) && (lines[j] as Line).indent < errorIndent) out.push(j);
  }
  for (let j = last + 1, n = 0; j < lines.length && n < 2; j++) {
    if ((lines[j] as Line).kind === 'blank') continue;
    n++;
    if (structural(j)) out.push(j);
  }
  return out;
}

/** Offsets in the start of every node's source, to tell whether a line still starts a key or an item. */
function nodeStarts(doc: Document): Set<number> {
  const starts = new Set<number>();
  visit(doc, (_key, node) => {
    if (isNode(node) && node.range) starts.add(node.range[0]);
  });
  return starts;
}

interface Fix {
  line: number;
  target: Target;
}

/**
 * Parses only the moved line's neighbourhood, so a trial costs a few lines, not the file:
 * its parent (the nearest line above less indented than where it now is), the sibling just
 * before it, the moved line with what it holds, and the sibling just after it. Siblings
 * further away cannot make the move right or wrong; the whole file is parsed once a trial
 * passes. Passes if that text parses cleanly and the moved line still starts a key or a
 * list item there.
 */
function trial(text: string, lines: readonly Line[], fix: Fix, parse: Parse, budget: { chars: number }): boolean {
  const moved = lines[fix.line] as Line;
  const level = fix.target.indent;
  const structural = (l: Line) => l.kind === 'key' || l.kind === 'item';
  // A line moved to the left margin has no parent: the top-level line above it stands in.
  let parent = -1;
  let base = -1;
  for (let j = fix.line - 1; j >= 0; j--) {
    const l = lines[j] as Line;
    if (structural(l) && (l.indent < level || l.indent === 0)) {
      parent = j;
      base = l.indent;
      break;
    }
  }
  // The sibling before: the nearest line between the parent and the moved line that starts at the same level.
  let previous = parent + 1;
  for (let j = fix.line - 1; j > parent; j--) {
    const l = lines[j] as Line;
    if (structural(l) && (l.indent === level || l.keyLevel === level)) {
      previous = j;
      break;
    }
  }
  // The end of what the moved line holds, and of the sibling after it.
  let last = lines.length - 1;
  let siblings = 0;
  for (let j = fix.line + 1; j < lines.length; j++) {
    const l = lines[j] as Line;
    if (!structural(l) || l.indent > level) continue;
    if (l.indent <= base || (l.indent < level && l.keyLevel !== level) || ++siblings > 1) {
      last = j - 1;
      break;
    }
  }
  const head = parent >= 0 && previous > parent + 1 ? `${text.slice((lines[parent] as Line).start, (lines[parent] as Line).end)}\n` : '';
  const from = parent >= 0 && previous > parent + 1 ? (lines[previous] as Line).start : (lines[Math.max(0, parent)] as Line).start;
  const to = (lines[last] as Line).end;
  const before = head + text.slice(from, moved.start);
  const region = `${before}${' '.repeat(level)}${text.slice(moved.start + moved.indent, to)}`;
  budget.chars -= region.length;
  if (budget.chars < 0) return false;
  const doc = parse(region);
  if (doc.errors.length > 0) return false;
  return nodeStarts(doc).has(before.length + level + (moved.content - moved.indent));
}

function describe(lines: readonly Line[], fix: Fix): Omit<IndentMistake, 'start' | 'end'> {
  const line = lines[fix.line] as Line;
  const ref = lines[fix.target.from] as Line;
  const { indent } = fix.target;
  const by = Math.abs(indent - line.indent);
  const way = `${by} space${by === 1 ? '' : 's'} ${indent < line.indent ? 'left' : 'right'}`;
  const where = fix.target.from < fix.line ? 'above' : 'below';
  if (line.kind === 'item') {
    return {
      message: `this list item starts at column ${line.indent + 1}, but the list ${where} it is indented ${indent} (its \`- \` at column ${indent + 1})`,
      hint: `move the \`- \` ${way}, in line with the \`- \` on line ${fix.target.from + 1}`,
    };
  }
  return {
    message: `line ${fix.line + 1} is indented ${line.indent} space${line.indent === 1 ? '' : 's'}; the keys around it are indented ${indent}`,
    hint: `move \`${line.key}:\` ${way}, in line with \`${ref.key}:\` on line ${fix.target.from + 1}`,
  };
}

/** Errors whose range is a "key" that ran on over the lines below: the mis-indented line may be any of them. */
const SPANS_LINES = new Set(['MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY']);

/** The lines errors start on, in order, each with the furthest offset a multi-line key starting there reaches. */
function byLine(lines: readonly Line[], errors: readonly SyntaxProblem[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of errors) {
    const line = lineAt(lines, e.pos[0]);
    const end = SPANS_LINES.has(e.code) ? e.pos[1] - 1 : e.pos[0];
    out.set(line, Math.max(out.get(line) ?? 0, e.pos[0], end));
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/**
 * Explains the indentation mistakes behind yaml's errors. Returns the mistakes found and
 * the errors that remain once they are corrected (positions in the original text), which
 * are other mistakes and are reported as yaml words them.
 */
export function findIndentMistakes(text: string, errors: readonly YAMLError[], parse: Parse): { mistakes: IndentMistake[]; remaining: SyntaxProblem[] } {
  let current = text;
  let lines = readLines(current);
  let pending: SyntaxProblem[] = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  /** Each correction: where the moved line starts and how far its content moved, to map offsets back. */
  const edits: Array<{ at: number; shift: number }> = [];
  const mistakes: IndentMistake[] = [];
  const unexplained = new Set<number>();
  let trials = 0;
  const budget = { chars: TRIAL_TEXT(text.length) };

  const toOriginal = (offset: number): number => {
    let pos = offset;
    for (let k = edits.length - 1; k >= 0; k--) {
      const { at, shift } = edits[k] as { at: number; shift: number };
      if (pos > at) pos = Math.max(at, pos - shift);
    }
    return pos;
  };

  search: while (mistakes.length < MAX_MISTAKES) {
    for (const [first, end] of byLine(lines, pending)) {
      if (unexplained.has(first)) continue;
      const last = lineAt(lines, end);
      for (const at of suspects(lines, first, last)) {
        for (const target of targets(lines, at)) {
          if (trials++ >= MAX_TRIALS || budget.chars <= 0) break search;
          const fix = { line: at, target };
          const lastLine = Math.min(last, first + LINES_AFTER);
          if (!trial(current, lines, fix, parse, budget)) continue;
          const moved = lines[at] as Line;
          const next = `${current.slice(0, moved.start)}${' '.repeat(target.indent)}${current.slice(moved.start + moved.indent)}`;
          budget.chars -= next.length;
          if (budget.chars < 0) break search;
          const after = [...parse(next).errors];
          // The whole file must agree: no error left up to the corrected line or the error's, but those already found unexplained.
          const limit = Math.max(at, lastLine);
          if (after.some((e) => {
            const line = lineAt(lines, e.pos[0]);
            return line <= limit && !unexplained.has(line);
          })) continue;
          const start = toOriginal(moved.start + moved.indent);
          const length = moved.kind === 'item' ? 1 : (moved.key?.length ?? 0) + 1;
          mistakes.push({ start, end: start + length, ...describe(lines, fix) });
          edits.push({ at: moved.start, shift: target.indent - moved.indent });
          current = next;
          lines = readLines(current);
          pending = after.sort((a, b) => a.pos[0] - b.pos[0]);
          continue search;
        }
      }
      unexplained.add(first);
    }
    break;
  }
  const remaining = pending.map((e) => ({ code: e.code, message: e.message, pos: [toOriginal(e.pos[0]), toOriginal(e.pos[1])] as [number, number] }));
  return { mistakes, remaining };
}
