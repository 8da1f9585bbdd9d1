/**
 * Turning places in a scenario into line and column: raw character offsets (for
 * checks that run before or instead of the YAML parser) and value paths such as
 * `['phases', 2, 'transitions', 0, 'to']` (for schema and reference problems).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';

/** A 1-based start and an exclusive end. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type PathSegment = string | number;

/** Maps character offsets to 1-based line and column (columns count UTF-16 code units). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Line and column of an offset, clamped into the text. */
  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.starts[lo] as number) + 1 };
  }

  /** The span between two offsets (end exclusive); an end before the start collapses to the start. */
  span(start: number, end: number = start): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** The text of a mapping key as the loader uses it (non-scalar keys are rejected elsewhere). */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** A source range as character offsets, end exclusive. */
export type Located = { start: number; end: number };

function rangeOf(node: unknown): Located | undefined {
  const range = (node as YamlNode | null)?.range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

/** Resolves an alias to the node its anchor names (the nearest one defined before it). */
function resolveAlias(doc: Document, node: unknown): unknown {
  if (!isAlias(node)) return node;
  try {
    return node.resolve(doc) ?? node;
  } catch {
    return node;
  }
}

/**
 * Finds the source range for a value path. Walks as deep as the document allows:
 * - a missing key (the schema's "required") points at the key that holds the
 *   parent mapping, or the mapping itself at the top level / in a list;
 * - with `key: true` the last segment names a key and its key node is returned
 *   (used for unknown keys);
 * - a path that goes into a value the schema normalised (a single id written where
 *   a list is accepted) stops at that value;
 * - values reached through an alias point at the alias, where the author used them.
 */
export function locatePath(doc: Document, path: readonly PathSegment[], options: { key?: boolean } = {}): Located {
  let node: unknown = doc.contents;
  let holder: Pair | undefined; // the pair whose value `node` is, if any
  let viaAlias: unknown;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    if (isAlias(node)) {
      viaAlias ??= node;
      node = resolveAlias(doc, node);
    }
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) return pointAtCollection(node, holder, viaAlias);
      if (last && options.key) return rangeOf(pair.key) ?? pointAtCollection(node, holder, viaAlias);
      holder = pair;
      // `key:` with nothing after it has a null value: point at the key instead.
      if (pair.value === null || pair.value === undefined || !rangeOf(pair.value)) {
        return rangeOf(viaAlias) ?? rangeOf(pair.key) ?? pointAtCollection(node, undefined, undefined);
      }
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
      holder = undefined;
      const item = node.items[segment];
      if (!rangeOf(item)) return pointAtCollection(node, undefined, viaAlias);
      node = item;
    } else {
      break;
    }
  }
  const target = rangeOf(viaAlias) ?? rangeOf(node);
  if (!target) return { start: 0, end: 0 };
  // A whole block collection spans many lines; its key reads better as a location.
  if ((isMap(node) || isSeq(node)) && !viaAlias && holder && !(node as { flow?: boolean }).flow) {
    return rangeOf(holder.key) ?? target;
  }
  return target;
}

function pointAtCollection(node: unknown, holder: Pair | undefined, viaAlias: unknown): Located {
  const alias = rangeOf(viaAlias);
  if (alias) return alias;
  if (holder && isPair(holder)) {
    const key = rangeOf(holder.key);
    if (key) return key;
  }
  const range = rangeOf(node);
  if (!range) return { start: 0, end: 0 };
  // Underline the collection's first key (or nothing) rather than all of it.
  const firstKey = isMap(node) ? rangeOf(node.items[0]?.key) : undefined;
  return { start: range.start, end: firstKey && firstKey.start === range.start ? firstKey.end : range.start };
}
