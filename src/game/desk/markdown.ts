/**
 * A small markdown reader for runbooks: headings, paragraphs, bullet and numbered lists,
 * fenced and indented code, block quotes, rules, GitHub-style pipe tables, and inline bold,
 * italic, code, links and autolinks.
 * It produces plain data — text runs with a style name — and never HTML: whatever the
 * file holds (tags, scripts) stays literal text. The desk lays the blocks out with
 * `layoutBlocks` in markdown-layout.ts and draws them as Phaser Text objects.
 */

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
  | { kind: 'item'; marker: string; depth: number; spans: Span[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'quote'; spans: Span[] }
  | { kind: 'rule' }
  /**
   * A pipe table. `header` is null when every header cell is empty (`| | |`), as in a
   * label/value table; every row has exactly as many cells as the delimiter row has columns.
   */
  | { kind: 'table'; header: Span[][] | null; rows: Span[][][] };

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^(\s*)([-*+])\s+(.*)$/;
const NUMBERED = /^(\s*)(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const DELIMITER_CELL = /^:?-+:?$/;

/**
 * Splits a table row into raw cell texts. A `|` inside a `code` span or written `\|` is part
 * of the cell, not a boundary; `\|` becomes `|`, as on GitHub. One leading and one trailing
 * pipe are optional.
 */
export function splitRow(line: string): string[] {
  const row = line.trim();
  const cells: string[] = [];
  let cell = '';
  let closed = false; // the row so far ends with a pipe that closed a cell
  for (let i = 0; i < row.length; i++) {
    const c = row[i] as string;
    closed = false;
    if (c === '\\' && i + 1 < row.length) {
      const next = row[i + 1] as string;
      cell += next === '|' ? '|' : c + next;
      i++;
      continue;
    }
    if (c === '`') {
      const end = row.indexOf('`', i + 1);
      if (end > i) {
        cell += row.slice(i, end + 1).replace(/\\\|/g, '|');
        i = end;
        continue;
      }
    }
    if (c === '|') {
      cells.push(cell);
      cell = '';
      closed = true;
      continue;
    }
    cell += c;
  }
  // The outer pipes open and close the row; they do not make empty cells.
  if (!closed) cells.push(cell);
  if (row.startsWith('|')) cells.shift();
  return cells.map((c) => c.trim());
}

/** Columns of a delimiter row such as `|---|:---:|`, or 0 when the line is not one. */
function delimiterColumns(line: string): number {
  if (!line.includes('|')) return 0;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c)) ? cells.length : 0;
}

/**
 * Whether a line goes on a table: it has a pipe that is not escaped or in code, and does not
 * start another block (a heading, list item, quote or fence), which ends the table as on GitHub.
 */
function isRow(line: string): boolean {
  if (line.trim() === '' || FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || BULLET.test(line) || NUMBERED.test(line)) return false;
  return /^\s*\|/.test(line) || splitRow(line).length > 1;
}

/** Parses markdown text into blocks. Never throws; unknown syntax is kept as text. */
export function parseMarkdown(source: string): Block[] {
  // HTML comments are notes for authors, never shown by any markdown reader: drop them
  // (dropping is all that happens to markup here; nothing is ever interpreted).
  const visible = source.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const lines = visible.split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', spans: parseInline(paragraph.join(' ')) });
    if (quote.length > 0) blocks.push({ kind: 'quote', spans: parseInline(quote.join(' ')) });
    paragraph = [];
    quote = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      const close = fence[1] as string;
      // A fence indented under a list item indents its lines as much; that indent is not code.
      const indent = (line.match(/^ */) as RegExpMatchArray)[0].length;
      const unindent = new RegExp(`^ {0,${indent}}`);
      for (i++; i < lines.length && !(lines[i] as string).trimStart().startsWith(close); i++) code.push((lines[i] as string).replace(unindent, ''));
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    // Four spaces of indent outside a list is code, as in CommonMark.
    if (/^( {4}|\t)/.test(line) && paragraph.length === 0 && blocks.at(-1)?.kind !== 'item') {
      flush();
      const code: string[] = [];
      for (; i < lines.length && (/^( {4}|\t)/.test(lines[i] as string) || (lines[i] as string).trim() === ''); i++) {
        code.push((lines[i] as string).replace(/^( {4}|\t)/, ''));
      }
      i--;
      while (code.length > 0 && (code.at(-1) as string).trim() === '') code.pop();
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    // A header row, then a delimiter row with as many cells: a table, to the first line that
    // is not a row (a blank line, usually).
    const columns = isRow(line) ? delimiterColumns(lines[i + 1] ?? '') : 0;
    if (columns > 0 && splitRow(line).length === columns) {
      flush();
      const cells = (row: string) => {
        const raw = splitRow(row).slice(0, columns);
        while (raw.length < columns) raw.push('');
        return raw.map((c) => parseInline(c));
      };
      const header = cells(line);
      const rows: Span[][][] = [];
      for (i += 2; i < lines.length && isRow(lines[i] as string); i++) rows.push(cells(lines[i] as string));
      i--;
      blocks.push({ kind: 'table', header: header.every((c) => c.length === 0) ? null : header, rows });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1] as string).length, spans: parseInline(heading[2] as string) });
      continue;
    }
    if (RULE.test(line)) {
      flush();
      blocks.push({ kind: 'rule' });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flush();
      const indent = (item[1] as string).replace(/\t/g, '    ').length;
      blocks.push({
        kind: 'item',
        marker: bullet ? '•' : `${item[2]}.`,
        depth: Math.min(3, Math.floor(indent / 2)),
        spans: parseInline(item[3] as string),
      });
      continue;
    }
    const q = QUOTE.exec(line);
    if (q) {
      if (paragraph.length > 0) flush();
      quote.push(q[1] as string);
      continue;
    }
    // A line that continues a list item (lazy continuation) joins it.
    const last = blocks.at(-1);
    if (paragraph.length === 0 && quote.length === 0 && last?.kind === 'item' && /^\s+/.test(line)) {
      last.spans.push({ text: ' ' }, ...parseInline(line.trim()));
      continue;
    }
    if (quote.length > 0) flush();
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/**
 * Parses inline markup: **bold**, __bold__, *italic*, _italic_, `code`, [text](url),
 * <https://autolinks>, \escapes. A link shows its text; an autolink shows its address.
 */
export function parseInline(text: string): Span[] {
  const spans: Span[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const push = (s: string, extra: Partial<Span> = {}) => {
    if (!s) return;
    const span: Span = { text: s };
    if (bold) span.bold = true;
    if (italic) span.italic = true;
    Object.assign(span, extra);
    const prev = spans.at(-1);
    if (prev && !prev.code && !span.code && !!prev.bold === !!span.bold && !!prev.italic === !!span.italic) prev.text += s;
    else spans.push(span);
  };
  const emit = () => {
    push(buf);
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && /[\\`*_[\]()#+\-.!>~|]/.test(next)) {
      buf += next;
      i++;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        emit();
        push(text.slice(i + 1, end), { code: true });
        i = end;
        continue;
      }
    }
    if ((c === '*' || c === '_') && next === c) {
      // Only toggle when a closing marker exists (or we are closing), so "2**3" stays text.
      if (bold || text.indexOf(c + c, i + 2) > i) {
        emit();
        bold = !bold;
        i++;
        continue;
      }
      buf += c + c;
      i++;
      continue;
    }
    if (c === '*' || c === '_') {
      const inWord = c === '_' && /\w/.test(text[i - 1] ?? '') && /\w/.test(next ?? '');
      if (!inWord && (italic || (next !== undefined && next !== ' ' && text.indexOf(c, i + 1) > i))) {
        emit();
        italic = !italic;
        continue;
      }
    }
    if (c === '<') {
      // Only an address in angle brackets (a scheme and a colon, or an email address) is a
      // link; anything else in brackets, <pod-name> or a tag, stays as written.
      const auto = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/.exec(text.slice(i));
      if (auto) {
        buf += auto[1];
        i += auto[0].length - 1;
        continue;
      }
    }
    if (c === '[') {
      const link = /^\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/.exec(text.slice(i));
      if (link) {
        buf += link[1];
        i += link[0].length - 1;
        continue;
      }
    }
    buf += c;
  }
  emit();
  return spans;
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
          return `${b.marker} ${b.spans.map((s) => s.text).join('')}`;
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
