/**
 * Exported Markdown quotes scenario text; a renderer must show that text as text. Checked
 * with markdown-it at its most permissive (raw HTML on, bare URLs linked), the way a
 * wiki or ticket tracker with HTML enabled would render a pasted debrief.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { scoringFixture } from '../../test/fixtures/scoring-fixture.ts';
import { FIXTURES } from '../../test/support/scenario-text.ts';
import { runPlaythrough } from '../sim/runner.ts';
import { buildDebrief } from './debrief.ts';
import type { Debrief } from './debrief-schema.ts';
import { cell, debriefToMarkdown } from './markdown.ts';

const PROBES: string[] = JSON.parse(readFileSync(join(FIXTURES, 'hostile', 'markdown-probes.json'), 'utf8'));
const md = new MarkdownIt({ html: true, linkify: true });

/** The text a reader sees in rendered HTML: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
/** What a probe should read as once quoted: one line, control characters gone. */
const oneLine = (text: string) => text.replace(/[\s\u0085\u2028\u2029]+/g, ' ').trim();

const PAGE = 1160;
const base = buildDebrief(
  scoringFixture,
  runPlaythrough(scoringFixture, { seed: 1, choices: [{ at: PAGE + 40, ack: true }, { at: PAGE + 70, do: 'rollback' }] }),
);

/** The debrief with every text a scenario supplies replaced by `text`. */
function hostile(text: string): Debrief {
  const d = structuredClone(base);
  d.scenario.title = text;
  if (d.ending) d.ending.title = text;
  d.overall.explanation = text;
  for (const dim of d.dimensions) for (const e of dim.evidence) e.why = text;
  for (const step of d.timeline) step.label = text;
  for (const a of d.nextLevel.advice) {
    a.label = text;
    a.why = text;
  }
  return d;
}

describe('Markdown export of hostile scenario text', () => {
  it.each(PROBES.map((p) => [JSON.stringify(p), p]))('quotes %s as plain text in every place it appears', (_, probe) => {
    const markdown = debriefToMarkdown(hostile(probe));
    const plain = debriefToMarkdown(hostile('PLAIN'));
    // Quoting a probe adds no structure: the same blocks, tags and lines as plain text.
    expect(markdown.split('\n')).toHaveLength(plain.split('\n').length);
    expect(markdown).not.toMatch(/\r/);
    const html = md.render(markdown);
    const plainHtml = md.render(plain);
    const tags = (h: string) => (h.match(/<[a-z0-9]+/g) ?? []).sort().join(' ');
    expect(tags(html)).toBe(tags(plainHtml));
    expect(html).not.toMatch(/<(script|a|img|h1)\b|<[^>]*\b(href|src)=|<!--/i);
    // Each place shows the probe's own characters.
    const shown = visibleText(html);
    const expected = oneLine(probe);
    const times = (s: string, sub: string) => s.split(sub).length - 1;
    expect(times(shown, expected)).toBe(times(visibleText(plainHtml), 'PLAIN'));
  });

  it('keeps ordinary text readable: only Markdown punctuation is escaped', () => {
    expect(cell('Rolled back the canary at 12:04, then paged the DB team.')).toBe('Rolled back the canary at 12:04, then paged the DB team.');
  });
});
