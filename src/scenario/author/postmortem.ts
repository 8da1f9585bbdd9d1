/**
 * Reading a postmortem: a `#` title, optional `Key: value` lines, and sections found by
 * their headings (Summary, Impact, Root cause, Contributing factors, Timeline…). Teams
 * write these in many shapes, so the reader is forgiving about everything except what the
 * scenario is built from (the timeline's times), and says where those go wrong. The
 * timeline itself is read in postmortem-timeline.ts.
 */
import { markdownBlocks, type Block } from './postmortem-blocks.ts';
import { diagnostic, readTimeline } from './postmortem-timeline.ts';
import type { InputResult } from './yaml-input.ts';

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'trigger'
  | 'rootCause'
  | 'contributing'
  | 'detection'
  | 'resolution'
  | 'timeline'
  | 'actionItems'
  | 'lessons';

/** Heading words → section. Teams name these differently; the first match wins. */
const SECTION_NAMES: Array<[RegExp, SectionKind]> = [
  [/^(summary|overview|executive summary|tl;?dr|incident summary)\b/i, 'summary'],
  [/^(customer |user |business )?impact\b/i, 'impact'],
  [/^(trigger|what triggered)/i, 'trigger'],
  [/^(contributing (factors|causes)|other factors)/i, 'contributing'],
  [/^(root causes?|causes?|why it happened|what went wrong and why)/i, 'rootCause'],
  [/^(detection|how (it was|we) (detected|found|noticed))/i, 'detection'],
  [/^(resolution|mitigation|recovery|remediation)/i, 'resolution'],
  [/^(timeline|chronology|sequence of events|incident timeline)/i, 'timeline'],
  [/^(action items|follow[- ]?ups?|corrective actions|next steps|actions)\b/i, 'actionItems'],
  [/^(lessons learned|what went well|what went wrong|where we got lucky)/i, 'lessons'],
];

export interface TimelineEntry {
  /** Seconds since the first entry. */
  t: number;
  /** The time as written, e.g. "14:06" or "T+5m". */
  clock: string;
  text: string;
  /** 1-based line in the postmortem. */
  line: number;
}

export interface Section {
  /** The section's Markdown as written, without its heading. */
  text: string;
  /** The heading's line. */
  line: number;
  blocks: Block[];
}

export interface Postmortem {
  title: string;
  /** The `Key: value` lines before the first section, keys lowercased ("severity", "service"). */
  meta: Record<string, string>;
  sections: Partial<Record<SectionKind, Section>>;
  timeline: TimelineEntry[];
  /** Where the timeline came from: its own section, or timed sentences in the prose. */
  timelineFrom: 'section' | 'prose';
  actionItems: string[];
  /** Timeline entries past the most a draft reads. */
  skippedEntries: number;
  /** Every block of the document, for figures stated outside the named sections. */
  blocks: Block[];
}

/** Markdown emphasis and stray separators off the ends of a piece of text. */
function clean(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/^[\s—–:|-]+/, '')
    .replace(/[\s|]+$/, '')
    .trim();
}

const TITLE_NOISE = /^(postmortem|post-mortem|incident review|incident report|retrospective|incident)\s*(#?\d+)?\s*[:—–-]\s*/i;

/** Splits the document into its title, meta lines and named sections. */
function sectionsOf(lines: readonly string[], blocks: readonly Block[]): Pick<Postmortem, 'title' | 'meta' | 'sections'> {
  const out: Pick<Postmortem, 'title' | 'meta' | 'sections'> = { title: '', meta: {}, sections: {} };
  const headings = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
  const title = headings.find((h) => h.level === 1);
  if (title) {
    out.title = title.text.replace(TITLE_NOISE, '').replace(/\s*(postmortem|post-mortem)\s*(\(.*\))?\s*$/i, '').trim() || title.text;
  }
  const firstSection = headings.find((h) => h !== title)?.line ?? lines.length + 1;
  for (const raw of lines.slice(0, firstSection - 1)) {
    const meta = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ]{0,30}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$/.exec(raw);
    if (meta) out.meta[(meta[1] as string).trim().toLowerCase()] = clean(meta[2] as string);
  }

  let current: { kind: SectionKind; level: number; section: Section } | undefined;
  let start = 0;
  const close = (end: number) => {
    if (current) current.section.text = lines.slice(start, end - 1).join('\n').trim();
  };
  for (const block of blocks) {
    if (block.kind === 'heading' && block !== title) {
      const kind = SECTION_NAMES.find(([re]) => re.test(clean(block.text)))?.[1];
      // A sub-heading that names no section ("### 2025-03-11", "### What we saw") stays in its section.
      if (!kind && current && block.level > current.level) {
        current.section.blocks.push(block);
        continue;
      }
      close(block.line);
      current = undefined;
      if (kind && !out.sections[kind]) {
        const section: Section = { text: '', line: block.line, blocks: [] };
        out.sections[kind] = section;
        current = { kind, level: block.level, section };
        start = block.line;
      }
      continue;
    }
    current?.section.blocks.push(block);
  }
  close(lines.length + 1);

  // Before the first section: "| Service | edge-proxy |" rows are meta lines too, and a
  // "**Impact:** …" paragraph (the one-page template's header fields) stands in for a missing section.
  for (const block of blocks) {
    if (block.line >= firstSection) break;
    if (block.kind === 'row' && block.cells.length === 2 && block.cells[0] && block.cells[1]) {
      out.meta[clean(block.cells[0]).toLowerCase()] ??= clean(block.cells[1]);
    }
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    const field = /^([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.+)$/s.exec(block.text);
    const kind = field ? SECTION_NAMES.find(([re]) => re.test((field[1] as string).trim()))?.[1] : undefined;
    if (field && kind && !out.sections[kind]) {
      const value = (field[2] as string).trim();
      out.sections[kind] = { text: value, line: block.line, blocks: [{ kind: 'paragraph', text: value, line: block.line, inItem: false }] };
    }
  }
  return out;
}

/** The action items, one line each: list items or the first cell of table rows. */
function actionItemsOf(section: Section | undefined): string[] {
  const items: string[] = [];
  for (const block of section?.blocks ?? []) {
    const text = block.kind === 'item' ? block.text : block.kind === 'row' && !block.header ? (block.cells.find((c) => c.length > 12) ?? block.cells[0] ?? '') : '';
    const item = clean(text.replace(/^\[[ xX]\]\s*/, ''));
    if (item && !/^(action|item|task)s?$/i.test(item)) items.push(item);
  }
  return items;
}

/** Parses a postmortem. Located, plain-words errors if the timeline cannot be read. Never throws. */
export function parsePostmortem(text: string, file: string): InputResult<Postmortem> {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (!normalised.trim()) {
    return { diagnostics: [diagnostic(file, 1, 1, 'BR004', 'the file is empty, but a postmortem was expected', 'copy docs/examples/postmortem.md and fill it in')] };
  }
  // Control bytes in the first few kilobytes: an image, an archive or a word-processor file.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(normalised.slice(0, 8192))) {
    return {
      diagnostics: [diagnostic(file, 1, 1, 'BR004', 'this is not a text file (it holds control bytes), but a Markdown postmortem was expected', 'export the postmortem as Markdown or plain text, then try again')],
    };
  }
  const lines = normalised.split('\n');
  const blocks = markdownBlocks(normalised);
  const { title, meta, sections } = sectionsOf(lines, blocks);
  const timeline = readTimeline(sections, blocks, lines, file);
  const problems = [...timeline.problems];
  const section = sections.timeline;
  if (!section && timeline.entries.length < 2) {
    problems.push(
      diagnostic(file, 1, 1, 'BR011', 'the postmortem has no `## Timeline` section (and fewer than two sentences with a time); the scenario\'s phases are built from it', 'add a `## Timeline` section with entries such as `- 14:06 — the alert pages the on-call engineer` (see docs/examples/postmortem.md)'),
    );
  } else if (section && timeline.entries.length < 2 && problems.length === 0) {
    problems.push(
      diagnostic(file, section.line, 1, 'BR015', `the timeline has ${timeline.entries.length === 0 ? 'no timed entries' : 'only one timed entry'}; it needs at least two`, 'list what happened as `- 14:02 — …` lines: at least when the trouble started and when it was fixed', 3),
    );
  }
  if (problems.length > 0) return { diagnostics: problems };
  const pm: Postmortem = {
    title: title || meta.title || meta.service || 'Untitled incident',
    meta,
    sections,
    timeline: timeline.entries,
    timelineFrom: section ? 'section' : 'prose',
    actionItems: actionItemsOf(sections.actionItems),
    skippedEntries: timeline.skipped,
    blocks,
  };
  return { value: pm, diagnostics: [] };
}
