import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText, type Block, type Span } from './markdown.ts';
import { headingStart, layoutBlocks, type Run, type RunStyle } from './markdown-layout.ts';

/** A table's cells as marked-up text: **bold**, `code`. */
function cellText(cell: readonly Span[]): string {
  return cell.map((s) => (s.code ? `\`${s.text}\`` : s.bold ? `**${s.text}**` : s.text)).join('');
}

function table(src: string): Extract<Block, { kind: 'table' }> {
  const blocks = parseMarkdown(src);
  expect(blocks.map((b) => b.kind)).toEqual(['table']);
  return blocks[0] as Extract<Block, { kind: 'table' }>;
}

describe('markdown reader', () => {
  it('reads headings, lists, code and paragraphs', () => {
    const blocks = parseMarkdown(['# High error rate', '', 'Check **recent deploys** first.', '', '1. Open the `canary` dashboard', '2. Compare', '   - nested', '', '```', 'kubectl rollout undo deploy/auth', '```', '---'].join('\n'));
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

  it('reads a two-column table with an empty header as label/value rows, keeping bold and code', () => {
    const t = table(['| | |', '|---|---|', '| **Service** | user-auth-service (namespace `auth`) |', '| **Owner** | sre-platform — `#auth-oncall` |'].join('\n'));
    expect(t.header).toBeNull();
    expect(t.rows.map((r) => r.map(cellText))).toEqual([
      ['**Service**', 'user-auth-service (namespace `auth`)'],
      ['**Owner**', 'sre-platform — `#auth-oncall`'],
    ]);
  });

  it('reads a three-column table with a header; the delimiter row is not a row', () => {
    // Outer pipes are optional, and so is an alignment colon.
    const t = table(['dependency | what for | board', ':--- | :---: | ---:', 'auth-keys | signing keys | **auth-keys / Overview**'].join('\n'));
    expect(t.header?.map(cellText)).toEqual(['dependency', 'what for', 'board']);
    expect(t.rows.map((r) => r.map(cellText))).toEqual([['auth-keys', 'signing keys', '**auth-keys / Overview**']]);
    expect(plainText(parseMarkdown('| a | b | c |\n|---|---|---|\n| 1 | | 3 |'))).toBe('a · b · c\n1 · 3');
  });

  it('keeps an escaped pipe as part of its cell, in code too', () => {
    const t = table(['| command | what |', '|---|---|', '| `kubectl get pods \\| grep auth` | `top \\| head` and a\\|b |'].join('\n'));
    expect(t.rows[0]?.map(cellText)).toEqual(['`kubectl get pods | grep auth`', '`top | head` and a|b']);
  });

  it('pads short rows and drops cells past the header, as GitHub does', () => {
    const t = table(['| a | b | c |', '|---|---|---|', '| 1 |', '| 1 | 2 | 3 | 4 |', '5 | 6'].join('\n'));
    expect(t.rows.map((r) => r.map(cellText))).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
      ['5', '6', ''],
    ]);
  });

  it('ends a table at a blank line or another block, and needs a delimiter row as wide as its header', () => {
    const blocks = parseMarkdown(['| a | b |', '|---|---|', '| 1 | 2 |', '## Next', '', '| a | b |', '|---|', '', 'x | y'].join('\n'));
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'heading', 'paragraph', 'paragraph']);
    expect(plainText(blocks.slice(2))).toBe('| a | b | |---|\nx | y');
  });

  it('keeps markup in table cells as literal text', () => {
    const t = table('| x | y |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror="alert(1)"> |');
    expect(t.rows[0]?.map(cellText)).toEqual(['<script>alert(1)</script>', '<img src=x onerror="alert(1)">']);
  });

  it('shows an autolink as its address and leaves other angle brackets alone', () => {
    expect(parseInline('Open <https://status.paystream.com>. Mail <ops@example.com>.')).toEqual([{ text: 'Open https://status.paystream.com. Mail ops@example.com.' }]);
    expect(parseInline('kubectl delete pod <pod-name> <script>x</script>')).toEqual([{ text: 'kubectl delete pod <pod-name> <script>x</script>' }]);
  });

  it('takes a fenced block under a list item without the indent the fence has', () => {
    const blocks = parseMarkdown(['2. Delete it:', '', '   ```sh', '   kubectl -n auth get pods \\', '     -o wide', '   ```'].join('\n'));
    expect(blocks[1]).toEqual({ kind: 'code', lines: ['kubectl -n auth get pods \\', '  -o wide'] });
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

  it('wraps a long code line at its spaces, never mid-word, and indents what follows', () => {
    const code = '```\nkubectl rollout undo deployment/storefront-web --to-revision=87\n```';
    const { runs } = layoutBlocks(parseMarkdown(code), 300, measure, metrics);
    const lines = runs.map((r) => r.text);
    expect(lines.length).toBeGreaterThan(1);
    for (const r of runs) expect(r.x + measure(r.text)).toBeLessThanOrEqual(300);
    expect(lines.map((l) => l.trim()).join(' ')).toBe('kubectl rollout undo deployment/storefront-web --to-revision=87');
    for (const l of lines.slice(1)) expect(l.startsWith('  ')).toBe(true);
    for (const word of ['kubectl', 'rollout', 'undo', 'deployment/storefront-web', '--to-revision=87']) expect(lines.some((l) => l.includes(word))).toBe(true);
  });

  it('finds where a wrapped heading starts, so a page turn never splits it', () => {
    const md = '# A heading long enough to wrap over three lines here\n\nBody text follows the heading.';
    const { runs } = layoutBlocks(parseMarkdown(md), 200, measure, metrics);
    const heading = runs.filter((r) => r.style === 'h1');
    const ys = [...new Set(heading.map((r) => r.y))];
    expect(ys.length).toBeGreaterThan(1);
    expect(headingStart(runs, (ys[1] as number) - 1, metrics.lineHeight)).toBe(ys[0]);
    expect(headingStart(runs, ys[0] as number, metrics.lineHeight)).toBeNull();
    const body = runs.find((r) => r.style === 'body');
    expect(headingStart(runs, body?.y as number, metrics.lineHeight)).toBeNull();
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

  /** Runs grouped into lines by y, each line's texts joined (a gap between runs apart from each other). */
  function lines(runs: readonly Run[]): string[] {
    const byY = new Map<number, Run[]>();
    for (const r of runs) byY.set(r.y, [...(byY.get(r.y) ?? []), r]);
    return [...byY.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, rs]) => {
        let out = '';
        let end = 0;
        for (const r of rs.sort((a, b) => a.x - b.x)) {
          out += (out && r.x > end ? ' | ' : '') + r.text;
          end = r.x + measure(r.text);
        }
        return out;
      });
  }

  it('lays a label/value table out in two columns, the value wrapping in its own column', () => {
    const src = ['| | |', '|---|---|', '| **Service** | user-auth-service (namespace `auth`) |', '| **Owner** | sre-platform |'].join('\n');
    const { runs } = layoutBlocks(parseMarkdown(src), 300, measure, metrics);
    expect(lines(runs)).toEqual(['Service | user-auth-service', '(namespace auth)', 'Owner | sre-platform']);
    // Every value line starts at the value column: past "Service" (70) and the gap.
    const values = runs.filter((r) => r.style !== 'bold');
    expect(values.filter((r) => r.x < 90)).toEqual([]);
    expect(values.filter((r) => r.x === 90).map((r) => r.text)).toEqual(['user-auth-service', '(namespace ', 'sre-platform']);
    expect(runs.find((r) => r.text === 'auth')?.style).toBe('code');
    expect(runs.find((r) => r.text === 'Owner')?.style).toBe('bold');
    for (const r of runs) expect(r.x + measure(r.text)).toBeLessThanOrEqual(300);
    expect(runs.some((r) => r.text.includes('|') || r.text.includes('---'))).toBe(false);
  });

  it('lays a table too wide for columns out as records: a bold lead, then each cell after its header', () => {
    const src = ['| caller | attempts | backoff |', '|---|---|---|', '| mobile app | 4 | fixed 1 s, no jitter |', '| `cart-service` | 3 | |'].join('\n');
    const { runs } = layoutBlocks(parseMarkdown(src), 200, measure, metrics);
    expect(lines(runs)).toEqual(['caller', 'mobile app', 'attempts: 4', 'backoff: fixed 1', 's, no jitter', 'cart-service', 'attempts: 3']);
    expect(runs.find((r) => r.text === 'caller')?.style).toBe('label');
    expect(runs.find((r) => r.text === 'mobile app')).toMatchObject({ x: 0, style: 'bold' });
    expect(runs.find((r) => r.text === 'cart-service')).toMatchObject({ x: 0, style: 'code' });
    expect(runs.find((r) => r.text === 'attempts: ')).toMatchObject({ x: metrics.indent, style: 'label' });
    expect(runs.find((r) => r.text === 's, no jitter')).toMatchObject({ x: metrics.indent, style: 'body' });
    for (const r of runs) expect(r.x + measure(r.text)).toBeLessThanOrEqual(200);
  });

  it('joins the cells of a wide table with no header by a middle dot', () => {
    const src = ['| | | |', '|---|---|---|', '| a very long first cell | two | three |'].join('\n');
    const { runs } = layoutBlocks(parseMarkdown(src), 300, measure, metrics);
    expect(lines(runs)).toEqual(['a very long first cell', 'two · three']);
  });

  it('keeps the columns of a small table that fits', () => {
    const src = ['| a | b | c |', '|---|---|---|', '| 1 | 22 | 333 |'].join('\n');
    const { runs } = layoutBlocks(parseMarkdown(src), 300, measure, metrics);
    expect(lines(runs)).toEqual(['a | b | c', '1 | 22 | 333']);
    expect(runs.filter((r) => r.style === 'label').map((r) => r.text)).toEqual(['a', 'b', 'c']);
  });
});

describe('hostile runbooks', () => {
  const metrics = { lineHeight: () => 20, blockGap: 10, indent: 20 };
  /** Parses and lays out `text`, counting the text measurements the layout asks for. */
  function render(text: string): { measured: number; chars: number; lines: number } {
    let measured = 0;
    const measure = (t: string) => {
      measured++;
      return t.length * 8;
    };
    const blocks = parseMarkdown(text);
    const { runs } = layoutBlocks(blocks, 400, measure, metrics);
    return { measured, chars: runs.reduce((n, r) => n + r.text.length, 0), lines: new Set(runs.map((r) => r.y)).size };
  }

  // The layout's work (text measurements) grows with the input, not with its square:
  // 256 KB costs at most about four times what 64 KB does.
  it.each(['[', '[x](', '<!--', '*a_', '`'])('lays out 256 KB of %j with work in proportion to its size', (unit) => {
    const of = (kb: number) => unit.repeat(Math.ceil((kb * 1024) / unit.length));
    const small = render(of(64));
    const large = render(of(256));
    expect(large.measured).toBeLessThanOrEqual(2 * 256 * 1024 + 100);
    expect(large.measured).toBeLessThanOrEqual(4.5 * small.measured + 100);
  });

  it('shows 256 KB of `[` as text, wrapped into lines that fit', () => {
    const { chars, lines } = render('['.repeat(256 * 1024));
    expect(chars).toBe(256 * 1024);
    expect(lines).toBe(Math.ceil((256 * 1024) / 50));
  });

  it('hides an unclosed HTML comment and whatever follows it, as CommonMark does', () => {
    expect(plainText(parseMarkdown(`Step one.\n\n${'<!--'.repeat(64 * 1024)}\n\nStep two.`))).toBe('Step one.');
  });
});
