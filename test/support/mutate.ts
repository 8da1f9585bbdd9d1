/**
 * Seeded mutation of scenario text for the loader fuzz test: the slips a hand editor
 * makes (deleted, duplicated, swapped and re-indented lines, stray characters, a value
 * of the wrong type or another id) plus hostile junk.
 */
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/scenario/diagnostics.ts';

/** mulberry32: tiny, fast, good enough to pick mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
export const int = (rng: Rng, n: number) => Math.floor(rng() * n);

const JUNK = [': ', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '!x ', '"', "'", '#', '\t', '\0', '\u0007', '---\n', '...\n', '|\n', '>-\n', '? ', '%YAML 1.1\n', '😀', '\r\n', '\n', '<<: *a\n', 'é', '\ufeff', '\\'];
const VALUES = ['true', 'false', 'null', '~', '[]', '{}', '-1', '0', '1e999', '.nan', '.inf', '"x"', "''", '5 minutes', '90s', '1.5h', '"@ack"', 'a.b', 'x'.repeat(700), '[a, b]', '{ a: 1 }', '&z v', '*z', '!!binary aGk=', '2024-01-01'];

function lines(text: string): string[] {
  return text.split('\n');
}

/** An edit of a text: the new text and a short label for failure reports. */
export type Edit = (text: string, rng: Rng, ids: readonly string[]) => [string, string];

/**
 * `count` seeded versions of `original`, each with 1–3 edits of the kind `edit` makes, with
 * a label naming the seed and the edits so a failure reproduces. Made one at a time.
 */
export function* editedVersions(original: string, seedBase: number, count: number, edit: Edit): Generator<[string, string]> {
  const ids = [...new Set([...original.matchAll(/\bid: ([A-Za-z][\w-]*)/g)].map((m) => m[1] as string))];
  for (let n = 0; n < count; n++) {
    const seed = seedBase + n;
    const rng = prng(seed);
    let text = original;
    const steps: string[] = [];
    for (let k = 1 + int(rng, 3); k > 0; k--) {
      const [next, step] = edit(text, rng, ids);
      text = next;
      steps.push(step);
    }
    yield [text, `seed ${seed} (${steps.join('; ')})`];
  }
}

/** One random edit; returns the new text and a short label for failure reports. */
export function mutate(text: string, rng: Rng, ids: readonly string[]): [string, string] {
  const ls = lines(text);
  const at = int(rng, ls.length);
  switch (int(rng, 9)) {
    case 0:
      ls.splice(at, 1);
      return [ls.join('\n'), `delete line ${at + 1}`];
    case 1:
      ls.splice(at, 0, ls[at] ?? '');
      return [ls.join('\n'), `duplicate line ${at + 1}`];
    case 2: {
      const pos = int(rng, text.length + 1);
      const ch = rng() < 0.5 ? String.fromCharCode(32 + int(rng, 95)) : String.fromCharCode(int(rng, 0x3000));
      return [text.slice(0, pos) + ch + text.slice(pos + 1), `flip char ${pos}`];
    }
    case 3: {
      const pos = int(rng, text.length + 1);
      return [text.slice(0, pos), `truncate at ${pos}`];
    }
    case 4: {
      const line = ls[at] ?? '';
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      const next = pick(rng, [0, 1, 2, 3, 4, 6, indent + 2, Math.max(0, indent - 2), indent + 1]);
      ls[at] = (rng() < 0.1 ? '\t' : ' '.repeat(next)) + line.trimStart();
      return [ls.join('\n'), `reindent line ${at + 1} to ${next}`];
    }
    case 5: {
      const pos = int(rng, text.length + 1);
      const junk = Array.from({ length: 1 + int(rng, 3) }, () => pick(rng, JUNK)).join('');
      return [text.slice(0, pos) + junk + text.slice(pos), `insert ${JSON.stringify(junk)} at ${pos}`];
    }
    case 6:
      return swapValue(text, rng, ids);
    case 7: {
      const other = int(rng, ls.length);
      [ls[at], ls[other]] = [ls[other] ?? '', ls[at] ?? ''];
      return [ls.join('\n'), `swap lines ${at + 1} and ${other + 1}`];
    }
    default: {
      // Inside a flow collection: a favourite place for hand-edit slips.
      const flow = ls.map((l, i) => [l, i] as const).filter(([l]) => l.includes('{') || l.includes('['));
      if (flow.length === 0) return [text, 'no flow collection'];
      const [line, i] = pick(rng, flow);
      const cut = int(rng, line.length + 1);
      ls[i] = line.slice(0, cut) + pick(rng, [', ', ': ', '', '}', ']', ', x: 1', ', to: 1']) + line.slice(cut + int(rng, 4));
      return [ls.join('\n'), `edit flow on line ${i + 1}`];
    }
  }
}

/** Swaps a `key: value` line's value for one of another type, or for another id from the file. */
export function swapValue(text: string, rng: Rng, ids: readonly string[]): [string, string] {
  const ls = lines(text);
  const candidates = ls.map((l, i) => [l, i] as const).filter(([l]) => /^\s*-?\s*[A-Za-z]\w*: \S/.test(l));
  if (candidates.length === 0) return [text, 'no value to swap'];
  const [line, i] = pick(rng, candidates);
  const value = rng() < 0.4 && ids.length > 0 ? pick(rng, ids) : pick(rng, VALUES);
  ls[i] = line.replace(/^(\s*-?\s*[A-Za-z]\w*: ).*$/, `$1${value}`);
  return [ls.join('\n'), `value on line ${i + 1} := ${value.slice(0, 20)}`];
}

/**
 * Misspells one use of an id (a character dropped, doubled, changed or added), the
 * slip that makes a reference point nowhere. Definitions (`id: x`) are left alone.
 */
export function misspellId(text: string, rng: Rng, ids: readonly string[]): [string, string] {
  if (ids.length === 0) return [text, 'no id to misspell'];
  const names = new Set(ids);
  const uses = [...text.matchAll(/(?<=[\s:,[{'"]|^)([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?)(?=[\s,\]}'"]|$)/gm)].filter((m) => {
    const word = m[1] as string;
    const before = text.slice(Math.max(0, (m.index ?? 0) - 4), m.index);
    return (names.has(word) || names.has(word.split('.')[0] as string)) && before !== 'id: ';
  });
  if (uses.length === 0) return [text, 'no id used'];
  const use = pick(rng, uses);
  const word = use[1] as string;
  const at = int(rng, word.length);
  const letter = String.fromCharCode(97 + int(rng, 26));
  const edits = [word.slice(0, at) + word.slice(at + 1), word.slice(0, at) + word[at] + word.slice(at), word.slice(0, at) + letter + word.slice(at + 1), word + letter];
  const next = pick(rng, edits.filter((e) => e !== word && e.length > 0)) ?? `${word}x`;
  const index = use.index ?? 0;
  return [text.slice(0, index) + next + text.slice(index + word.length), `${word} at ${index} := ${next}`];
}

/** The invariants every load must keep. */
export function checkInvariants(text: string, diagnostics: Diagnostic[]): string | undefined {
  const ls = lines(text);
  const inside = (line: number, column: number) =>
    Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= ls.length && column >= 1 && column <= (ls[line - 1]?.length ?? 0) + 1;
  for (const d of diagnostics) {
    if (!(d.code in DIAGNOSTIC_CODES)) return `unknown code ${d.code}`;
    if (d.code === 'BR000') return `internal error: ${d.message}`;
    if (!inside(d.line, d.column)) return `${d.code} at ${d.line}:${d.column} is outside the file`;
    if (d.endLine !== undefined && d.endColumn !== undefined) {
      if (!inside(d.endLine, d.endColumn)) return `${d.code} ends at ${d.endLine}:${d.endColumn}, outside the file`;
      if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) return `${d.code} ends before it starts`;
    }
    if (!d.message) return `${d.code} has no message`;
  }
  return undefined;
}


/**
 * Pieces of a large scenario small enough to fuzz quickly: each top-level block
 * (`phases:`, `actions:` …), long lists cut into runs of whole items, each spliced
 * into `base` in place of the block with the same key. The result keeps the real
 * file's constructs (block scalars, comments, long flow mappings) at a fraction of
 * its parse time.
 */
export function splicedSections(text: string, base: string, maxLines = 60): string[] {
  const blocks = topLevelBlocks(text);
  const baseBlocks = topLevelBlocks(base);
  const out: string[] = [];
  for (const [key, block] of blocks) {
    const [head, ...body] = block;
    const pieces: string[][] = [];
    let current: string[] = [];
    for (const line of body) {
      // Cut only before a list item of the block itself, so each piece is whole items.
      if (current.length >= maxLines && /^ {0,2}- /.test(line)) {
        pieces.push(current);
        current = [];
      }
      current.push(line);
    }
    pieces.push(current);
    for (const piece of pieces) {
      const replaced = baseBlocks.some(([k]) => k === key);
      const kept = baseBlocks.filter(([k]) => k !== key).map(([, lines]) => lines.join('\n'));
      const section = [head ?? `${key}:`, ...piece].join('\n');
      out.push(replaced ? [...kept, section].join('\n') : `${base}\n${section}`);
    }
  }
  return out;
}

function topLevelBlocks(text: string): [string, string[]][] {
  const blocks: [string, string[]][] = [];
  for (const line of text.split('\n')) {
    const key = /^([A-Za-z]\w*):/.exec(line)?.[1];
    if (key) blocks.push([key, [line]]);
    else if (blocks.length > 0) blocks[blocks.length - 1]?.[1].push(line);
  }
  return blocks;
}
