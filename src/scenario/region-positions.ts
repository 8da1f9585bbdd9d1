/**
 * Positions on the quick path, without parsing the whole file. The quick parser keeps no
 * positions, and the positional one reads only 1–2 MB/s; but a problem needs the position
 * of one value path. So only the part of the file that holds the path is parsed: the
 * deepest `key: value` entry or list item along the path that indentation alone can find.
 * The part keeps its place (lines above it left out, columns before it blanked), so the
 * ranges it gives are the file's, and it is checked to hold the very data the quick parser
 * read there.
 *
 * Whatever the indentation scan cannot be sure of falls back to parsing the whole file,
 * used only if it parses cleanly to the same data; otherwise {@link PositionUnsure} is
 * thrown and the caller loads the file on the positional path. `test/located-agreement.test.ts`
 * holds the two to the same answers.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { checkNesting, MAX_NESTING } from './prescan.ts';
import { keyText, locatePath, type Located, type PathSegment } from './positions.ts';
import { Reporter } from './report.ts';
import { PARSE_OPTIONS, toPlainData } from './yaml-source.ts';

/** The quick path cannot place a problem for certain: load the file on the positional path. */
export class PositionUnsure extends Error {
  constructor(reason: string) {
    super(`position unsure: ${reason}`);
  }
}

const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

/** Parts parsed for one file may add up to this share of it before the whole file is parsed instead. */
const PART_BUDGET = 0.5;

/** A plain block-mapping key as scenarios write them, with its colon: `thresholdMs:`. */
const PLAIN_KEY = /[A-Za-z_][\w-]*:(?=[ \r\n]|$)/y;

/**
 * What the indentation scan does not read: keys that are not plain (`? key`), and tabs.
 * Files with either, even inside quotes or text blocks, are checked against a parse of
 * the whole file.
 */
const UNUSUAL = /\?(?=[ \r\n]|$)|\t/gm;

/** Lines this long may hold a key over yaml's 1024-character limit. */
const LONG_LINE = 1000;

function unusual(text: string): boolean {
  UNUSUAL.lastIndex = 0;
  for (let match = UNUSUAL.exec(text); match; match = UNUSUAL.exec(text)) {
    if (match[0] === '\t') return true;
    // A `?` counts only where a key can start.
    const before = text[match.index - 1];
    if (before === undefined || ' \n,[{'.includes(before)) return true;
  }
  return false;
}

/** A `key: value` entry or a list item, and the lines it spans. */
interface Part {
  kind: 'entry' | 'item';
  /** The key, or the item's index. */
  segment: PathSegment;
  /** Where it starts: the key or the `-`. */
  line: number;
  column: number;
  /** Columns the key and its colon, or the dash, take. */
  width: number;
  /** The first line after it. */
  endLine: number;
  /** What the quick parser read for its value. */
  value: unknown;
}

/** A block mapping or list: where its first key or dash is, and the first line after it. */
interface Block {
  kind: 'map' | 'seq';
  line: number;
  column: number;
  endLine: number;
  value: unknown;
}

/** True if two plain-data values are the same, keys in the same order. */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * True if a part's node holds `expected`, keys in the same order. An alias counts as
 * holding it: its value is its anchor's, which the quick parser read the same way. Sets
 * `aliases.unresolved` when an alias's anchor is not in the part.
 */
function holds(doc: Document, node: unknown, expected: unknown, aliases: { unresolved: boolean }): boolean {
  if (isAlias(node)) {
    if (node.resolve(doc) === undefined) aliases.unresolved = true;
    return true;
  }
  if (isScalar(node)) return Object.is(node.value, expected);
  if (isSeq(node)) {
    return Array.isArray(expected) && node.items.length === expected.length && node.items.every((item, i) => holds(doc, item, expected[i], aliases));
  }
  if (isMap(node)) {
    if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) return false;
    const keys = Object.keys(expected);
    return (
      node.items.length === keys.length &&
      node.items.every((pair, i) => isScalar(pair.key) && keyText(pair.key) === keys[i] && holds(doc, pair.value, (expected as Record<string, unknown>)[keys[i] as string], aliases))
    );
  }
  return (node === null || node === undefined) && expected === null;
}

/** True if walking `path` in `doc` meets an alias whose anchor is not in `doc` before its last segment. */
function crossesUnresolvedAlias(doc: Document, path: readonly PathSegment[]): boolean {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) return true;
      node = target;
    }
    if (isMap(node)) node = node.items.find((p) => keyText(p.key) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return false;
  }
  return false;
}

/** Nesting depth of a value as the positional loader counts it (the top mapping is 0), capped just past its limit. */
function depthOf(value: unknown, memo: Map<object, number>): number {
  if (value === null || typeof value !== 'object') return 0;
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, MAX_NESTING + 1); // a value that contains itself is too deep
  let depth = 0;
  for (const child of Object.values(value)) {
    depth = Math.max(depth, 1 + depthOf(child, memo));
    if (depth > MAX_NESTING) break;
  }
  memo.set(value, depth);
  return depth;
}

/**
 * Locates value paths in a file the quick parser read as `data`, as `locatePath` would in
 * the whole file's document. Throws {@link PositionUnsure} when it cannot.
 */
export class RegionLocator {
  private lineStarts: number[] = [];
  private indents: number[] = [];
  private kinds: number[] = [];
  private root: Block | undefined;
  private readonly scanned = new Map<string, Map<PathSegment, Part>>();
  private readonly parsedParts = new Map<string, { doc: Document; base: number; unresolved: boolean }>();
  private parsedChars = 0;
  private whole: Document | undefined;
  private ready = false;

  /**
   * `partBudget` is the share of the file the parsed parts may add up to before the whole
   * file is parsed instead.
   */
  constructor(
    private readonly text: string,
    private readonly data: unknown,
    private readonly partBudget = PART_BUDGET,
  ) {}

  /** True once the whole file had to be parsed. */
  get parsedWhole(): boolean {
    return this.whole !== undefined;
  }

  /** The range `locatePath` gives for `path` in the whole file's document. */
  locate(path: readonly PathSegment[], options: { key?: boolean } = {}): Located {
    this.prepare();
    if (!this.whole && this.root && path.length > 0) {
      try {
        return this.locateInPart(this.root, path, options);
      } catch (error) {
        if (!(error instanceof PositionUnsure)) throw error;
      }
    }
    return locatePath(this.wholeDocument(), path, options);
  }

  /**
   * Checks what a file with problems must be for the quick path's answer to be the
   * positional path's, the first time a position is needed (a clean file never pays).
   */
  prepare(): void {
    if (this.ready) return;
    this.ready = true;
    const text = this.text;
    if (!checkNesting(text, new Reporter('', text))) throw new PositionUnsure('nested too deeply');
    if (depthOf(this.data, new Map()) > MAX_NESTING) throw new PositionUnsure('nested too deeply');
    let long = false;
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      if (end - start > LONG_LINE) long = true;
      let i = start;
      while (text.charCodeAt(i) === 32) i++;
      const c = text[i];
      this.lineStarts.push(start);
      this.indents.push(i - start);
      this.kinds.push(i === end || (c === '\r' && i + 1 === end) ? BLANK : c === '#' ? COMMENT : CONTENT);
      start = end + 1;
    }
    if (long || unusual(text)) {
      this.wholeDocument();
      return;
    }
    const first = this.kinds.indexOf(CONTENT);
    if (first !== -1) this.root = { kind: 'map', line: first, column: this.indents[first] as number, endLine: this.kinds.length, value: this.data };
  }

  /** The positional parser's document for the whole file, used only if it reads the data the quick parser read. */
  private wholeDocument(): Document {
    if (this.whole) return this.whole;
    const doc = parseDocument(this.text, PARSE_OPTIONS);
    if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents)) throw new PositionUnsure('the whole file does not parse cleanly');
    const scratch = new Reporter('', this.text);
    const { data, usable } = toPlainData(doc, scratch);
    if (!usable || scratch.diagnostics.length > 0 || !sameData(data, this.data)) throw new PositionUnsure('the two parsers read different data');
    this.whole = doc;
    return doc;
  }

  /** The deepest entry or item along `path` that the scan finds, parsed on its own, locates the path. */
  private locateInPart(root: Block, path: readonly PathSegment[], options: { key?: boolean }): Located {
    let block: Block | undefined = root;
    let part: Part | undefined;
    let depth = 0;
    for (const segment of path) {
      if (!block) break;
      const parts = this.partsOf(block);
      const next = block.kind === 'map' ? parts.get(String(segment)) : typeof segment === 'number' ? parts.get(segment) : undefined;
      if (!next) break;
      part = next;
      depth++;
      block = this.blockIn(next);
    }
    // A path that misses the top mapping points at its first key, which the first entry also starts with.
    const at = part ?? this.partsOf(root).values().next().value;
    if (!at) throw new PositionUnsure('an empty mapping');
    const { doc, base, unresolved } = this.parsePart(at);
    const inPart = part ? [at.kind === 'entry' ? at.segment : 0, ...path.slice(depth)] : path;
    // Through an alias a path points at the alias, except that a key found beyond it is
    // pointed at where its anchor is, which may be outside the part.
    if (unresolved && options.key && crossesUnresolvedAlias(doc, inPart)) throw new PositionUnsure('a key behind an alias');
    const found = locatePath(doc, inPart, options);
    if (found.start === 0 && found.end === 0) throw new PositionUnsure('no range');
    return { start: found.start + base, end: found.end + base };
  }

  private isDash(offset: number): boolean {
    if (this.text[offset] !== '-') return false;
    const next = this.text[offset + 1];
    return next === ' ' || next === '\n' || next === '\r' || next === undefined;
  }

  private keyAt(offset: number): string | undefined {
    PLAIN_KEY.lastIndex = offset;
    return PLAIN_KEY.exec(this.text)?.[0].slice(0, -1);
  }

  /** The entries or items of a block, by key or index; they must be the ones the quick parser read. */
  private partsOf(block: Block): Map<PathSegment, Part> {
    const id = `${block.line}:${block.column}`;
    const known = this.scanned.get(id);
    if (known) return known;
    const c = block.column;
    const starts = [block.line];
    for (let line = block.line + 1; line < block.endLine; line++) {
      if (this.kinds[line] !== CONTENT) continue;
      const indent = this.indents[line] as number;
      if (indent > c) continue;
      if (indent < c) throw new PositionUnsure('a line indented less than its block');
      const dash = this.isDash((this.lineStarts[line] as number) + c);
      if (block.kind === 'seq') {
        if (!dash) throw new PositionUnsure('a list line without a dash');
        starts.push(line);
      } else if (!dash) {
        // In a mapping, a dash at the keys' column is an item of a list that is a key's value.
        starts.push(line);
      }
    }
    const parts = new Map<PathSegment, Part>();
    const value = block.value as Record<string, unknown>;
    if (block.kind === 'map') {
      const keys = Object.keys(value);
      if (keys.length !== starts.length) throw new PositionUnsure('keys differ');
      starts.forEach((line, i) => {
        const key = this.keyAt((this.lineStarts[line] as number) + c);
        if (key === undefined || key !== keys[i]) throw new PositionUnsure('keys differ');
        parts.set(key, { kind: 'entry', segment: key, line, column: c, width: key.length + 1, endLine: starts[i + 1] ?? block.endLine, value: value[key] });
      });
    } else {
      if ((value as unknown as unknown[]).length !== starts.length) throw new PositionUnsure('items differ');
      starts.forEach((line, i) => {
        parts.set(i, { kind: 'item', segment: i, line, column: c, width: 1, endLine: starts[i + 1] ?? block.endLine, value: value[i] });
      });
    }
    this.scanned.set(id, parts);
    return parts;
  }

  /** The block mapping or list a part's value is, if it is one; undefined for anything else. */
  private blockIn(part: Part): Block | undefined {
    const { value } = part;
    const list = Array.isArray(value);
    if (!list && (value === null || typeof value !== 'object')) return undefined;
    const text = this.text;
    const lineStart = this.lineStarts[part.line] as number;
    let p = lineStart + part.column + part.width;
    while (text[p] === ' ') p++;
    const c = text[p];
    if (c === undefined || c === '\n' || c === '\r' || c === '#') {
      // The value starts on a later line.
      for (let line = part.line + 1; line < part.endLine; line++) {
        if (this.kinds[line] !== CONTENT) continue;
        const column = this.indents[line] as number;
        const dash = this.isDash((this.lineStarts[line] as number) + column);
        const deeper = column > part.column || (column === part.column && part.kind === 'entry');
        if (list && dash && deeper) return { kind: 'seq', line, column, endLine: part.endLine, value };
        if (!list && !dash && column > part.column) return { kind: 'map', line, column, endLine: part.endLine, value };
        return undefined;
      }
      return undefined;
    }
    // A list item's value may start on its dash's line: `- - a` or `- key: value`.
    if (part.kind !== 'item') return undefined;
    const column = p - lineStart;
    if (list && this.isDash(p)) return { kind: 'seq', line: part.line, column, endLine: part.endLine, value };
    if (!list && this.keyAt(p) !== undefined) return { kind: 'map', line: part.line, column, endLine: part.endLine, value };
    return undefined;
  }

  /** A part parsed on its own, in its place: lines above left out, columns before it blanked. */
  private parsePart(part: Part): { doc: Document; base: number; unresolved: boolean } {
    const id = `${part.line}:${part.column}`;
    const known = this.parsedParts.get(id);
    if (known) return known;
    const base = this.lineStarts[part.line] as number;
    const end = part.endLine < this.lineStarts.length ? (this.lineStarts[part.endLine] as number) : this.text.length;
    this.parsedChars += end - base;
    if (this.parsedChars > this.text.length * this.partBudget) throw new PositionUnsure('parts add up to much of the file');
    const source = ' '.repeat(part.column) + this.text.slice(base + part.column, end);
    const doc = parseDocument(source, PARSE_OPTIONS);
    const contents = doc.contents;
    const aliases = { unresolved: false };
    if (doc.errors.length > 0 || doc.warnings.length > 0 || !holds(doc, contents, part.kind === 'entry' ? { [part.segment]: part.value } : [part.value], aliases)) {
      throw new PositionUnsure('the part does not parse on its own to what the quick parser read');
    }
    const parsed = { doc, base, unresolved: aliases.unresolved };
    this.parsedParts.set(id, parsed);
    return parsed;
  }
}
