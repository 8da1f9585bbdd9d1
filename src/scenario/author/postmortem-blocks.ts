/**
 * A postmortem's Markdown as a flat list of blocks (headings, paragraphs, list items,
 * table rows) in plain text with their lines. markdown-it reads the structure, so list
 * items that wrap, tables with or without outer pipes, setext headings and code fences
 * all come out right, in time linear in the input; this file only flattens its tokens.
 */
import MarkdownIt, { type Token } from 'markdown-it';

export type Block =
  | { kind: 'heading'; level: number; text: string; line: number }
  /** A paragraph; `inItem` when it is a later paragraph of a list item. */
  | { kind: 'paragraph'; text: string; line: number; inItem: boolean }
  /** The first paragraph of a list item; `depth` 1 for a top-level item. */
  | { kind: 'item'; text: string; line: number; depth: number }
  /** A table row; `header` for the row above the delimiter. */
  | { kind: 'row'; cells: string[]; header: boolean; line: number };

const reader = MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** Inline tokens as the words a reader sees: emphasis marks and link syntax dropped. */
function plain(inline: Token | undefined): string {
  if (!inline) return '';
  const parts: string[] = [];
  for (const child of inline.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'html_inline') parts.push(child.content);
    else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
    else if (child.type === 'image') parts.push(child.content);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Parses Markdown into blocks; 1-based lines. Never throws. */
export function markdownBlocks(text: string): Block[] {
  const tokens = reader.parse(text, {});
  const blocks: Block[] = [];
  let itemDepth = 0;
  let itemStarted = false;
  let row: { cells: string[]; header: boolean; line: number } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const line = (token.map?.[0] ?? 0) + 1;
    switch (token.type) {
      case 'heading_open':
        blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)), text: plain(tokens[i + 1]), line });
        break;
      case 'list_item_open':
        itemDepth++;
        itemStarted = true;
        break;
      case 'list_item_close':
        itemDepth--;
        itemStarted = false;
        break;
      case 'paragraph_open': {
        const words = plain(tokens[i + 1]);
        if (itemStarted) blocks.push({ kind: 'item', text: words, line, depth: itemDepth });
        else blocks.push({ kind: 'paragraph', text: words, line, inItem: itemDepth > 0 });
        itemStarted = false;
        break;
      }
      case 'tr_open':
        row = { cells: [], header: false, line };
        break;
      case 'th_open':
      case 'td_open':
        if (row) {
          row.cells.push(plain(tokens[i + 1]));
          if (token.type === 'th_open') row.header = true;
        }
        break;
      case 'tr_close':
        if (row) blocks.push({ kind: 'row', ...row });
        row = undefined;
        break;
      default:
        break;
    }
  }
  return blocks;
}

/**
 * Finds the sentences of a paragraph starting at `line`, in order: each one's line and
 * column. A sentence may sit on a later line of the paragraph, and wrap. The search goes
 * on from the last one found, so a long paragraph is read once.
 */
export function sentenceLocator(lines: readonly string[], line: number): (sentence: string) => { line: number; column: number } {
  const region = lines.slice(line - 1, line + 59).join('\n');
  let cursor = 0;
  let lineNo = line;
  let lineStart = 0;
  let counted = 0;
  return (sentence) => {
    // A few short words are enough to find the sentence, and keep the pattern small whatever the input.
    const words = sentence.slice(0, 80).split(/\s+/).filter(Boolean).slice(0, 4).map((w) => w.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(words.join('\\s+'), 'g');
    pattern.lastIndex = cursor;
    const m = words.length > 0 ? pattern.exec(region) : null;
    if (!m) return { line, column: columnOf(lines, line, sentence) };
    // Count only the newlines since the last sentence: linear in the paragraph, however long.
    for (let i = region.indexOf('\n', counted); i !== -1 && i < m.index; i = region.indexOf('\n', i + 1)) {
      lineNo++;
      lineStart = i + 1;
    }
    counted = m.index;
    cursor = m.index + m[0].length;
    return { line: lineNo, column: m.index - lineStart + 1 };
  };
}

/** The column (1-based) where `needle` starts on `line` of `text`, or 1. */
export function columnOf(lines: readonly string[], line: number, needle: string): number {
  const raw = lines[line - 1] ?? '';
  const index = needle ? raw.indexOf(needle.slice(0, 20)) : -1;
  if (index >= 0) return index + 1;
  const firstWord = /\S/.exec(raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, (m) => ' '.repeat(m.length)));
  return firstWord ? firstWord.index + 1 : 1;
}
