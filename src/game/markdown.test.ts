import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText } from './markdown.ts';
import { layoutBlocks, type RunStyle } from './markdown-layout.ts';

describe('markdown reader', () => {
  it('reads headings, lists, code and paragraphs', () => {
    const blocks = parseMarkdown(['# High error rate', '', 'Check **recent deploys** first.', '', '1. Open the `canary` dashboard', '2. Compare', '  - nested', '', '```', 'kubectl rollout undo deploy/auth', '```', '---'].join('\n'));
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'item', 'item', 'item', 'code', 'rule']);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(blocks[1]).toEqual({ kind: 'paragraph', spans: [{ text: 'Check ' }, { text: 'recent deploys', bold: true }, { text: ' first.' }] });
    expect(blocks[2]).toMatchObject({ marker: '1.', depth: 0 });
    expect(blocks[4]).toMatchObject({ marker: '•', depth: 1 });
    expect(blocks[5]).toEqual({ kind: 'code', lines: ['kubectl rollout undo deploy/auth'] });
  });

  it('keeps HTML and scripts as literal text', () => {
    const src = '<script>window.__pwned = 1</script>\n\n<img src=x onerror="alert(1)">';
    const text = plainText(parseMarkdown(src));
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('<img src=x onerror="alert(1)">');
  });

  it('hides HTML comments, which are notes for authors', () => {
    const text = plainText(parseMarkdown('# Runbook\n\n<!-- AUTHORS ONLY: this runbook is stale\non purpose -->\n\nStep one.'));
    expect(text).toBe('Runbook\nStep one.');
  });

  it('reads inline marks and links, and leaves stray markers alone', () => {
    expect(parseInline('a *b* `c` [docs](http://x)')).toEqual([{ text: 'a ' }, { text: 'b', italic: true }, { text: ' ' }, { text: 'c', code: true }, { text: ' docs' }]);
    expect(parseInline('2**3 and snake_case_name')).toEqual([{ text: '2**3 and snake_case_name' }]);
    expect(parseInline('\\*not italic\\*')).toEqual([{ text: '*not italic*' }]);
  });
});

describe('markdown layout', () => {
  const measure = (text: string) => text.length * 10;
  const metrics = { lineHeight: (s: RunStyle) => (s === 'h1' ? 30 : 20), blockGap: 10, indent: 20 };

  it('wraps words within the width and never overflows', () => {
    const { runs, height } = layoutBlocks(parseMarkdown('one two three four five six seven'), 100, measure, metrics);
    for (const r of runs) expect(r.x + measure(r.text)).toBeLessThanOrEqual(100);
    expect(new Set(runs.map((r) => r.y)).size).toBeGreaterThan(2);
    expect(height).toBeGreaterThan(40);
  });

  it('breaks a word wider than the line', () => {
    const { runs } = layoutBlocks(parseMarkdown('abcdefghijklmnopqrstuvwxyz'), 100, measure, metrics);
    expect(runs.map((r) => r.text).join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    for (const r of runs) expect(measure(r.text)).toBeLessThanOrEqual(100);
  });

  it('keeps indented list items inside the same right edge', () => {
    const { runs } = layoutBlocks(parseMarkdown('- one two three four five six seven eight nine ten\n  - eleven twelve thirteen fourteen fifteen'), 120, measure, metrics);
    for (const r of runs) expect(r.x + measure(r.text)).toBeLessThanOrEqual(120);
  });

  it('styles bold runs apart and indents list items past their marker', () => {
    const { runs } = layoutBlocks(parseMarkdown('- roll **back** now'), 400, measure, metrics);
    expect(runs.find((r) => r.style === 'marker')?.text).toBe('•');
    expect(runs.find((r) => r.style === 'bold')?.text).toBe('back');
    expect(runs.filter((r) => r.style === 'body').every((r) => r.x >= 20)).toBe(true);
  });
});
