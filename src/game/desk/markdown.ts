/**
 * Runbook markdown as plain data: headings, paragraphs, bullet and numbered lists, code,
 * block quotes, rules, GitHub-style tables, and inline bold, italic, code and links.
 * markdown-it reads the text (CommonMark plus GitHub tables, in time linear in the input
 * even for hostile text such as thousands of `[`); this file only turns its tokens into
 * blocks of styled text runs. Nothing is ever interpreted as HTML: tags stay literal text
 * and HTML comments, notes for authors, are dropped. The desk lays the blocks out with
 * `layoutBlocks` in markdown-layout.ts and draws them as Phaser Text objects.
 */
import MarkdownIt, { type Token } from 'markdown-it';

/** One stretch of inline text with one style. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; spans: Span[] }
  | { kind: 'paragraph'; spans: Span[] }
  /** A list item; `marker` is '' for a later paragraph of the same item. */
  | { kind: 'item'; marker: string; depth: number; spans: Span[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'quote'; spans: Span[] }
  | { kind: 'rule' }
  /**
   * A pipe table. `header` is null when every header cell is empty (`| | |`), as in a
   * label/value table; every row has exactly as many cells as the delimiter row has columns.
   */
  | { kind: 'table'; header: Span[][] | null; rows: Span[][][] };


/**
 * HTML recognised (so that comments can be dropped) but never rendered: every tag is shown
 * as the text it is. Links are not made from bare addresses; `typographer` is off so the
 * text is what the author typed.
 */
const reader = MarkdownIt('default', { html: true, linkify: false, typographer: false });

const isComment = (html: string) => html.trimStart().startsWith('<!--');

/** Inline tokens to spans, merging neighbours of the same style. */
function spansOf(children: readonly Token[] | null): Span[] {
  const spans: Span[] = [];
  let bold = 0;
  let italic = 0;
  const push = (text: string, code = false) => {
    if (!text) return;
    const span: Span = { text };
    if (bold > 0) span.bold = true;
    if (italic > 0) span.italic = true;
    if (code) span.code = true;
    const prev = spans.at(-1);
    if (prev && !prev.code && !code && !!prev.bold === !!span.bold && !!prev.italic === !!span.italic) prev.text += text;
    else spans.push(span);
  };
  for (const token of children ?? []) {
    switch (token.type) {
      case 'text':
        push(token.content);
        break;
      case 'code_inline':
        push(token.content, true);
        break;
      case 'softbreak':
      case 'hardbreak':
        push(' ');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold = Math.max(0, bold - 1);
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic = Math.max(0, italic - 1);
        break;
      case 'html_inline':
        if (!isComment(token.content)) push(token.content);
        break;
      case 'image':
        // An image shows its description: the desk draws no pictures from runbooks.
        push(token.content);
        break;
      default:
        // Link and strikethrough marks add no style of their own: the text inside them shows.
        break;
    }
  }
  return spans;
}

/** Code block text as lines, without the line break that ends the block. */
function codeLines(content: string): string[] {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && (lines.at(-1) as string).trim() === '') lines.pop();
  return lines;
}

/** Reads a table from its `table_open` token; returns the block and the index after `table_close`. */
function readTable(tokens: readonly Token[], start: number): { block: Block; next: number } {
  const header: Span[][] = [];
  const rows: Span[][][] = [];
  let row: Span[][] | null = null;
  let inHead = false;
  let i = start + 1;
  for (; i < tokens.length && tokens[i]?.type !== 'table_close'; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      if (inHead) header.push(...row);
      else rows.push(row);
      row = null;
    } else if (t.type === 'inline' && row) row.push(spansOf(t.children));
  }
  return { block: { kind: 'table', header: header.every((c) => c.length === 0) ? null : header, rows }, next: i + 1 };
}

/** Parses markdown text into blocks. Never throws; unknown syntax is kept as text. */
export function parseMarkdown(source: string): Block[] {
  const tokens = reader.parse(source, {});
  const blocks: Block[] = [];
  // Open lists, innermost last: each item's number (or bullet) and whether its first paragraph was seen.
  const lists: Array<{ ordered: boolean }> = [];
  const items: Array<{ marker: string; started: boolean }> = [];
  let quoteDepth = 0;
  let headingLevel = 0;

  const addText = (spans: Span[]) => {
    if (headingLevel > 0) {
      blocks.push({ kind: 'heading', level: headingLevel, spans });
      return;
    }
    if (quoteDepth > 0) {
      blocks.push({ kind: 'quote', spans });
      return;
    }
    const item = items.at(-1);
    if (item) {
      blocks.push({ kind: 'item', marker: item.started ? '' : item.marker, depth: Math.min(3, items.length - 1), spans });
      item.started = true;
      return;
    }
    blocks.push({ kind: 'paragraph', spans });
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (t.type) {
      case 'heading_open':
        headingLevel = Number(t.tag.slice(1)) || 1;
        break;
      case 'heading_close':
        headingLevel = 0;
        break;
      case 'inline': {
        const spans = spansOf(t.children);
        if (spans.length > 0 || headingLevel > 0) addText(spans);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open' });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        items.push({ marker: lists.at(-1)?.ordered ? `${t.info || '1'}.` : '•', started: false });
        break;
      case 'list_item_close': {
        const item = items.pop();
        // An empty item still shows its marker.
        if (item && !item.started) blocks.push({ kind: 'item', marker: item.marker, depth: Math.min(3, items.length), spans: [] });
        break;
      }
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', lines: codeLines(t.content) });
        break;
      case 'hr':
        blocks.push({ kind: 'rule' });
        break;
      case 'html_block':
        if (!isComment(t.content)) addText([{ text: t.content.replace(/\s+$/, '').replace(/\s*\n\s*/g, ' ') }]);
        break;
      case 'table_open': {
        const { block, next } = readTable(tokens, i);
        blocks.push(block);
        i = next - 1;
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/**
 * Parses inline markup only: **bold**, *italic*, `code`, [text](url), <https://autolinks>,
 * \escapes. A link shows its text; an autolink shows its address.
 */
export function parseInline(text: string): Span[] {
  const [inline] = reader.parseInline(text, {});
  return spansOf(inline?.children ?? null);
}

/** All the text of a block list, for search and for tests. */
export function plainText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'code':
          return b.lines.join('\n');
        case 'rule':
          return '---';
        case 'item':
          return `${b.marker} ${b.spans.map((s) => s.text).join('')}`.trimStart();
        case 'table':
          return (b.header ? [b.header, ...b.rows] : b.rows)
            .map((row) => row.map((cell) => cell.map((s) => s.text).join('')).filter((t) => t !== '').join(' · '))
            .join('\n');
        default:
          return b.spans.map((s) => s.text).join('');
      }
    })
    .join('\n');
}
