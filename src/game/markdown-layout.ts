/**
 * Lays markdown blocks out as positioned text runs within a width, given a text measurer.
 * Pure (the measurer is injected), so wrapping is unit-tested without a browser; the
 * runbook widget measures with a canvas and turns each run into one Phaser Text.
 */
import type { Block, Span } from './markdown.ts';

/** Style names the widget maps to fonts and colours. */
export type RunStyle = 'h1' | 'h2' | 'h3' | 'body' | 'bold' | 'italic' | 'code' | 'pre' | 'quote' | 'marker' | 'rule';

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

function spanStyle(span: Span, base: RunStyle): RunStyle {
  if (base === 'h1' || base === 'h2' || base === 'h3') return base;
  if (span.code) return 'code';
  if (span.bold) return 'bold';
  if (span.italic) return base === 'quote' ? 'quote' : 'italic';
  return base;
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

/** Lays blocks out; returns the runs and the total height. */
export function layoutBlocks(blocks: readonly Block[], width: number, measure: Measure, m: LayoutMetrics): { runs: Run[]; height: number } {
  const runs: Run[] = [];
  let y = 0;

  const flow = (spans: readonly Span[], base: RunStyle, left: number) => {
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
        if (x + w > width && x > left) {
          // Trailing space on the line we leave adds nothing.
          const prev = runs.at(-1);
          if (prev && runs.length > lineStart && prev.text.endsWith(' ')) prev.text = prev.text.trimEnd();
          newline();
        }
        if (w > width - left) {
          for (const piece of breakWord(tok, style, width - left, measure)) {
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
        const markerWidth = measure(block.marker, 'marker');
        runs.push({ x: left - Math.max(markerWidth + 6, m.indent * 0.7), y, text: block.marker, style: 'marker' });
        flow(block.spans, 'body', left);
        y -= m.blockGap / 2; // list items sit close together
        break;
      }
      case 'code': {
        const lh = m.lineHeight('pre');
        for (const line of block.lines.length > 0 ? block.lines : ['']) {
          const text = line.replace(/\t/g, '    ');
          const pieces = text && measure(text, 'pre') > width - m.indent ? breakWord(text, 'pre', width - m.indent, measure) : [text];
          for (const piece of pieces) {
            if (piece) runs.push({ x: m.indent / 2, y, text: piece, style: 'pre' });
            y += lh;
          }
        }
        break;
      }
      case 'rule':
        runs.push({ x: 0, y: y + m.lineHeight('body') / 2, text: '', style: 'rule' });
        y += m.lineHeight('body');
        break;
    }
    y += m.blockGap;
  }
  return { runs, height: y };
}
