/**
 * Writes a value as YAML with comments attached to chosen places. Generated scenarios
 * are read and edited by people who are not programmers, so every part says what it is
 * for; building the document through the `yaml` package (rather than gluing strings)
 * keeps quoting and indentation right whatever text a postmortem or config brings in.
 */
import { Document, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { PathSegment } from '../positions.ts';

/** A comment for the generated file, placed by value path. */
export interface Note {
  /** Path to a mapping key (the comment goes above the key) or a list item (above the item). */
  path: readonly PathSegment[];
  /** Comment lines above the place. */
  above?: string;
  /** A comment at the end of the line (scalars and short flow collections). */
  after?: string;
  /** Leave a blank line before the place, to separate sections. */
  gap?: boolean;
}

type Commentable = { commentBefore?: string | null; comment?: string | null; spaceBefore?: boolean; flow?: boolean };

/** Prefixes each line with a space so `# text` reads naturally; blank lines stay blank. */
function commentText(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? ` ${line}` : ''))
    .join('\n');
}

/** The key node and value node at a path, or undefined if the path names nothing. */
function locate(doc: Document, path: readonly PathSegment[]): { anchor: Commentable; value: Commentable } | undefined {
  let node: unknown = doc.contents;
  let anchor: unknown = node;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) return undefined;
      anchor = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      anchor = node;
    } else {
      return undefined;
    }
    if (node === undefined || node === null) return undefined;
  }
  return { anchor: anchor as Commentable, value: node as Commentable };
}

/** Keys whose small mapping or list reads best on one line: `when: { at: 2m }`, `reveal: [a, b]`. */
const FLOW_VALUES = new Set(['when', 'available', 'rule', 'latency', 'reveal', 'silence', 'tags', 'noise']);
/** Keys whose list items read best one per line, each on one line: telemetry moves, signals, cohorts. */
const FLOW_ITEMS = new Set(['telemetry', 'signals', 'cohorts']);

function allScalars(node: unknown): boolean {
  if (isMap(node)) return node.items.every((p) => isScalar(p.value));
  if (isSeq(node)) return node.items.every((item) => isScalar(item));
  return false;
}

/** Puts the small collections named above in flow style, wherever they occur. */
function flowSmallCollections(node: unknown): void {
  if (isSeq(node)) {
    for (const item of node.items) flowSmallCollections(item);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (FLOW_VALUES.has(key) && allScalars(value)) (value as Commentable).flow = true;
    if (FLOW_ITEMS.has(key) && isSeq(value)) {
      for (const item of value.items) if (allScalars(item)) (item as Commentable).flow = true;
    }
    flowSmallCollections(value);
  }
}

/**
 * Renders `value` as YAML with the notes applied. A note whose path names nothing is a
 * bug in the generator, so it throws rather than silently dropping the comment.
 */
export function renderCommentedYaml(value: unknown, notes: readonly Note[], header?: string): string {
  // Generators reuse objects freely; an author should never meet an anchor they did not write.
  const doc = new Document(value, { aliasDuplicateObjects: false });
  flowSmallCollections(doc.contents);
  for (const note of notes) {
    const place = locate(doc, note.path);
    if (!place) throw new Error(`no value at ${note.path.join('.')} for a comment`);
    if (note.above) {
      const existing = place.anchor.commentBefore;
      place.anchor.commentBefore = existing ? `${existing}\n${commentText(note.above)}` : commentText(note.above);
    }
    if (note.gap) place.anchor.spaceBefore = true;
    const empty = (isMap(place.value) || isSeq(place.value)) && (place.value as unknown as { items: unknown[] }).items.length === 0;
    // An empty list with a trailing comment must be flow (`[]`), or the comment lands inside it.
    if (empty && note.after) place.value.flow = true;
    if (note.after) place.value.comment = commentText(note.after);
  }
  if (header) doc.commentBefore = commentText(header);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
