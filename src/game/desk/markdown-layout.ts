/**
 * Lays markdown blocks out as positioned text runs within a width, given a text measurer.
 * Pure (the measurer is injected), so wrapping is unit-tested without a browser; the
 * runbook widget measures with a canvas and turns each run into one Phaser Text.
 *
 * Tables are laid out for a narrow panel. When every column but the last fits in under half
 * the width without wrapping (a label/value table, typically), the table keeps its columns
 * and only the last one wraps. Otherwise each row becomes a short record: its first cell as a
 * bold lead line, then each other cell on its own indented line after its column's header
 * (`attempts: 4`), or, when the table has no header, the cells joined by ` · `.
 */
import type { Block, Span } from './markdown.ts';

/** Style names the widget maps to fonts and colours. */
export type RunStyle = 'h1' | 'h2' | 'h3' | 'body' | 'bold' | 'italic' | 'code' | 'pre' | 'quote' | 'marker' | 'rule' | 'label';

export interface Run {
  x: number;
  y: number;
  text: string;
  style: RunStyle;
}

export interface LayoutMetrics {
  /** Line height per style family. */
  lineHeight: (style: RunStyle) => number;
  /** Extra space after a block. */
  blockGap: number;
  /** Indent per list depth. */
  indent: number;
}

export type Measure = (text: string, style: RunStyle) => number;

/** A span, or a table header's text shown as a label. */
type Inline = Span & { label?: boolean };

function spanStyle(span: Inline, base: RunStyle): RunStyle {
  if (base === 'h1' || base === 'h2' || base === 'h3') return base;
  if (span.label) return span.code ? 'code' : 'label';
  if (span.code) return 'code';
  if (span.bold) return 'bold';
  if (span.italic) return base === 'quote' ? 'quote' : 'italic';
  return base;
}

/** A header cell shown as a label: dim, without its own bold or italic (code stays code). */
function asLabel(cell: readonly Span[]): Inline[] {
  return cell.map((s) => (s.code ? { text: s.text, code: true, label: true } : { text: s.text, label: true }));
}

/** Splits text into words and the spaces between them, keeping both. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Cuts a word too wide for a line into pieces that fit. */
function breakWord(word: string, style: RunStyle, width: number, measure: Measure): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measure(piece + ch, style) > width) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}

/**
 * Wraps one line of code to a width at its spaces, as an editor's soft wrap does; only a
 * token wider than the whole line is cut. Continuation lines are indented two spaces so
 * they read as one line of code.
 */
export function wrapCode(line: string, width: number, measure: Measure): string[] {
  if (!line || measure(line, 'pre') <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const token of line.split(/(?<=\s)(?=\S)/)) {
    const candidate = current + token;
    if (measure(candidate.trimEnd(), 'pre') <= width) {
      current = candidate;
      continue;
    }
    if (current.trim()) out.push(current.trimEnd());
    const lead = out.length > 0 ? '  ' : '';
    if (measure(lead + token.trimEnd(), 'pre') <= width) current = lead + token;
    else {
      const pieces = breakWord(token.trimEnd(), 'pre', width - measure(lead, 'pre'), measure);
      for (const piece of pieces.slice(0, -1)) out.push(lead + piece);
      current = `${lead}${pieces.at(-1) ?? ''} `;
    }
  }
  if (current.trim()) out.push(current.trimEnd());
  return out;
}

/** Lays blocks out; returns the runs and the total height. */
export function layoutBlocks(blocks: readonly Block[], width: number, measure: Measure, m: LayoutMetrics): { runs: Run[]; height: number } {
  const runs: Run[] = [];
  let y = 0;

  // Flows inline text between left and right from the current y, and moves y below it.
  const flow = (spans: readonly Inline[], base: RunStyle, left: number, right = width) => {
    const lh = Math.max(m.lineHeight(base), ...spans.map((s) => m.lineHeight(spanStyle(s, base))));
    let x = left;
    let lineStart = runs.length;
    const newline = () => {
      y += lh;
      x = left;
      lineStart = runs.length;
    };
    const place = (text: string, style: RunStyle, w: number) => {
      const prev = runs.at(-1);
      if (prev && runs.length > lineStart && prev.style === style && prev.y === y) prev.text += text;
      else runs.push({ x, y, text, style });
      x += w;
    };
    for (const span of spans) {
      const style = spanStyle(span, base);
      for (const tok of tokens(span.text)) {
        const isSpace = /^\s+$/.test(tok);
        if (isSpace) {
          if (x === left) continue; // no leading spaces on a wrapped line
          place(' ', style, measure(' ', style));
          continue;
        }
        const w = measure(tok, style);
        // The right edge is the same for every block; an indented block has less room.
        if (x + w > right && x > left) {
          // Trailing space on the line we leave adds nothing.
          const prev = runs.at(-1);
          if (prev && runs.length > lineStart && prev.text.endsWith(' ')) prev.text = prev.text.trimEnd();
          newline();
        }
        if (w > right - left) {
          for (const piece of breakWord(tok, style, right - left, measure)) {
            if (x > left) newline();
            place(piece, style, measure(piece, style));
          }
        } else {
          place(tok, style, w);
        }
      }
    }
    y += lh;
  };

  const textWidth = (spans: readonly Inline[], base: RunStyle) => spans.reduce((w, s) => w + measure(s.text, spanStyle(s, base)), 0);
  const rowGap = Math.round(m.blockGap / 2);

  const layoutTable = (header: Span[][] | null, rows: Span[][][]) => {
    const columns = (header ?? rows[0] ?? []).length;
    if (columns === 0) return;
    const head = header?.map(asLabel) ?? null;
    const gap = m.indent;
    const natural = Array.from({ length: columns }, (_, c) =>
      Math.max(head ? textWidth(head[c] as Inline[], 'body') : 0, ...rows.map((row) => textWidth(row[c] as Span[], 'body'))),
    );
    const leading = natural.slice(0, -1).reduce((a, b) => a + b + gap, 0);
    if (columns > 1 && leading <= width / 2) {
      // Columns: the leading ones as wide as their widest cell, the last one takes the rest.
      const xs = natural.slice(0, -1).reduce<number[]>((acc, w) => [...acc, (acc.at(-1) as number) + w + gap], [0]);
      const cellsRow = (cells: readonly Inline[][]) => {
        const top = y;
        let bottom = top;
        cells.forEach((cell, c) => {
          y = top;
          // A leading column's right edge has half a gap of slack, so its widest cell never wraps
          // over a rounding difference between measuring it whole and word by word.
          flow(cell, 'body', xs[c] as number, c === columns - 1 ? width : (xs[c] as number) + (natural[c] as number) + gap / 2);
          bottom = Math.max(bottom, y);
        });
        y = bottom + rowGap / 2;
      };
      if (head) cellsRow(head);
      for (const row of rows) cellsRow(row);
      y -= rowGap / 2;
      return;
    }
    // Records: the first column names the row, the others follow it.
    const caption = head?.[0];
    if (caption && caption.length > 0) flow(caption, 'body', 0);
    rows.forEach((row, r) => {
      if (r > 0) y += rowGap;
      const [lead = [], ...rest] = row;
      if (lead.length > 0) flow(lead.map((s) => ({ ...s, bold: true, italic: false })), 'body', 0);
      if (head) {
        rest.forEach((cell, i) => {
          if (cell.length === 0) return;
          const label = head[i + 1] as Inline[];
          flow(label.length > 0 ? [...label, { text: ': ', label: true }, ...cell] : cell, 'body', m.indent);
        });
        return;
      }
      const filled = rest.filter((cell) => cell.length > 0);
      if (filled.length > 0) flow(filled.flatMap((cell, i) => (i > 0 ? [{ text: ' · ' }, ...cell] : cell)), 'body', m.indent);
    });
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        const style: RunStyle = block.level <= 1 ? 'h1' : block.level === 2 ? 'h2' : 'h3';
        if (y > 0) y += m.blockGap / 2;
        flow(block.spans, style, 0);
        break;
      }
      case 'paragraph':
        flow(block.spans, 'body', 0);
        break;
      case 'quote':
        flow(block.spans, 'quote', m.indent);
        break;
      case 'item': {
        const left = m.indent * (block.depth + 1);
        if (block.marker) {
          const markerWidth = measure(block.marker, 'marker');
          runs.push({ x: left - Math.max(markerWidth + 6, m.indent * 0.7), y, text: block.marker, style: 'marker' });
        }
        flow(block.spans, 'body', left);
        y -= m.blockGap / 2; // list items sit close together
        break;
      }
      case 'code': {
        const lh = m.lineHeight('pre');
        for (const line of block.lines.length > 0 ? block.lines : ['']) {
          const text = line.replace(/\t/g, '    ');
          const pieces = wrapCode(text, width - m.indent, measure);
          for (const piece of pieces) {
            if (piece) runs.push({ x: m.indent / 2, y, text: piece, style: 'pre' });
            y += lh;
          }
        }
        break;
      }
      case 'table':
        layoutTable(block.header, block.rows);
        break;
      case 'rule':
        runs.push({ x: 0, y: y + m.lineHeight('body') / 2, text: '', style: 'rule' });
        y += m.lineHeight('body');
        break;
    }
    y += m.blockGap;
  }
  return { runs, height: y };
}

/**
 * If the first line at or below `top` continues a heading wrapped over several lines,
 * the y of that heading's first line; otherwise null.
 */
export function headingStart(runs: ReadonlyArray<Pick<Run, 'y' | 'style'>>, top: number, lineHeight: (style: RunStyle) => number): number | null {
  const heading = (r: Pick<Run, 'style'>) => r.style === 'h1' || r.style === 'h2' || r.style === 'h3';
  const lines = [...new Set(runs.map((r) => r.y))].sort((a, b) => a - b);
  const first = lines.find((y) => y >= top);
  if (first === undefined) return null;
  const styleAt = (y: number) => runs.find((r) => r.y === y)?.style;
  const style = styleAt(first);
  if (!style || !heading({ style })) return null;
  let i = lines.indexOf(first);
  // Lines one line-height apart in the same heading style are one wrapped heading.
  while (i > 0 && styleAt(lines[i - 1] as number) === style && (lines[i] as number) - (lines[i - 1] as number) === lineHeight(style)) i--;
  return lines[i] === first ? null : (lines[i] as number);
}

