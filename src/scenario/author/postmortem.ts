/**
 * Reading a postmortem in the usual template (docs/examples/postmortem.md): a `#` title,
 * optional `Key: value` lines, and `##` sections, of which only Timeline is required.
 * This is a line-based reader for that one shape, not a markdown parser: postmortems
 * are written by many hands, so it is forgiving about everything except what the
 * scenario is built from (the timeline's times), and says where those go wrong.
 */
import type { Diagnostic, DiagnosticCode } from '../diagnostics.ts';
import type { InputResult } from './yaml-input.ts';

export type SectionKind = 'summary' | 'impact' | 'trigger' | 'rootCause' | 'detection' | 'resolution' | 'timeline' | 'actionItems';

/** Heading words → section. Teams name these differently; the first match wins. */
const SECTION_NAMES: Array<[RegExp, SectionKind]> = [
  [/^(summary|overview|executive summary|tl;?dr)\b/i, 'summary'],
  [/^(customer |user |business )?impact\b/i, 'impact'],
  [/^(trigger|what triggered)/i, 'trigger'],
  [/^(root causes?|causes?|contributing factors|why it happened)/i, 'rootCause'],
  [/^(detection|how (it was|we) (detected|found|noticed))/i, 'detection'],
  [/^(resolution|mitigation|recovery|remediation)/i, 'resolution'],
  [/^(timeline|chronology|sequence of events)/i, 'timeline'],
  [/^(action items|follow[- ]?ups?|corrective actions|next steps|actions)\b/i, 'actionItems'],
];

export interface TimelineEntry {
  /** Seconds since the first entry. */
  t: number;
  /** The time as written, e.g. "14:06". */
  clock: string;
  text: string;
  /** 1-based line in the postmortem. */
  line: number;
}

export interface Postmortem {
  title: string;
  /** The `Key: value` lines before the first section, keys lowercased ("severity", "service"). */
  meta: Record<string, string>;
  sections: Partial<Record<SectionKind, { text: string; line: number }>>;
  timeline: TimelineEntry[];
  actionItems: string[];
}

const TIME = /^(?:(\d{4})-(\d{2})-(\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?:UTC|GMT|Z|[A-Z]{2,4}T))?\b/;
const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const TABLE_RULE = /^\s*\|?[\s:|-]+\|?\s*$/;

/** Markdown emphasis and stray separators off the ends of a piece of text. */
function clean(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/^[\s—–:|-]+/, '')
    .replace(/[\s|]+$/, '')
    .trim();
}

function diagnostic(file: string, line: number, column: number, code: DiagnosticCode, message: string, hint: string, length = 1): Diagnostic {
  return { file, line, column, endLine: line, endColumn: column + length, severity: 'error', code, message, hint };
}

/** The content of a timeline line (a list item or a table row), with the column it starts at. */
function timelineItem(raw: string): { content: string; column: number } | undefined {
  const bullet = BULLET.exec(raw);
  if (bullet) return { content: bullet[2] as string, column: raw.length - (bullet[2] as string).length + 1 };
  if (/^\s*\|/.test(raw) && !TABLE_RULE.test(raw)) {
    const cells = raw.split('|').slice(1, -1).map((c) => c.trim());
    return { content: cells.join(' | '), column: raw.indexOf('|') + 2 };
  }
  return undefined;
}

/** Parses a postmortem. Located, plain-words errors if the timeline cannot be read. Never throws. */
export function parsePostmortem(text: string, file: string): InputResult<Postmortem> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: Diagnostic[] = [];
  const pm: Postmortem = { title: '', meta: {}, sections: {}, timeline: [], actionItems: [] };
  let current: SectionKind | undefined;
  let seenSection = false;
  let buffer: string[] = [];
  const flush = () => {
    const section = current ? pm.sections[current] : undefined;
    if (section) section.text = buffer.join('\n').trim();
    buffer = [];
  };

  let day = 0;
  let lastDate: string | undefined;
  let previous: number | undefined;
  let headerRowSkipped = false;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      const level = (heading[1] as string).length;
      const words = clean(heading[2] as string);
      if (level === 1 && !pm.title) {
        pm.title = words.replace(/^(postmortem|post-mortem|incident review|incident report|retrospective)\s*[:—–-]\s*/i, '') || words;
        return;
      }
      flush();
      seenSection = true;
      const kind = SECTION_NAMES.find(([re]) => re.test(words))?.[1];
      current = kind && !pm.sections[kind] ? kind : undefined;
      if (current) pm.sections[current] = { text: '', line: lineNo };
      headerRowSkipped = false;
      return;
    }
    if (!seenSection) {
      const meta = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ]{0,30}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$/.exec(raw);
      if (meta) pm.meta[(meta[1] as string).trim().toLowerCase()] = clean(meta[2] as string);
      return;
    }
    if (current === undefined) return;
    buffer.push(raw);
    if (current === 'actionItems') {
      const item = timelineItem(raw);
      if (item && clean(item.content) && !/^(action|item|task)\b/i.test(clean(item.content))) pm.actionItems.push(clean(item.content.split(' | ')[0] as string));
      return;
    }
    if (current !== 'timeline') return;
    const item = timelineItem(raw);
    if (!item) return;
    const match = TIME.exec(item.content);
    if (!match) {
      // A table's header row ("| Time | Event |") is not an entry.
      if (/^\s*\|/.test(raw) && !headerRowSkipped && pm.timeline.length === 0) {
        headerRowSkipped = true;
        return;
      }
      problems.push(
        diagnostic(file, lineNo, item.column, 'BR016', 'this timeline entry does not start with a time', 'start each entry with a time such as 14:06 (or 2025-03-11 14:06), then what happened', Math.max(1, item.content.length)),
      );
      return;
    }
    const [, year, month, date, hh, mm, ss] = match;
    const hours = Number(hh);
    const minutes = Number(mm);
    const seconds = Number(ss ?? 0);
    if (hours > 23 || minutes > 59 || seconds > 59) {
      problems.push(diagnostic(file, lineNo, item.column, 'BR016', `\`${match[0]}\` is not a time of day`, 'write times as HH:MM on a 24-hour clock, e.g. 14:06', match[0].length));
      return;
    }
    if (year) {
      const stamp = `${year}-${month}-${date}`;
      if (lastDate !== undefined && stamp !== lastDate) day += Math.max(0, Math.round((Date.UTC(+year, +(month as string) - 1, +(date as string)) - Date.parse(`${lastDate}T00:00:00Z`)) / 86400000));
      lastDate = stamp;
    }
    let clock = day * 86400 + hours * 3600 + minutes * 60 + seconds;
    // A timeline without dates that crosses midnight: 23:50 then 00:10 is twenty minutes later.
    if (previous !== undefined && clock < previous && !year && previous - clock > 12 * 3600) {
      day += 1;
      clock += 86400;
    }
    if (previous !== undefined && clock < previous) {
      problems.push(
        diagnostic(file, lineNo, item.column, 'BR017', `${match[0]} is earlier than the entry above it`, 'keep the timeline in time order: the scenario plays it from top to bottom', match[0].length),
      );
      return;
    }
    previous = clock;
    const entryText = clean(item.content.slice(match[0].length));
    pm.timeline.push({ t: clock, clock: match[0].replace(/^\d{4}-\d{2}-\d{2}[ T]/, ''), text: entryText || '(no description)', line: lineNo });
  });
  flush();

  const first = pm.timeline[0]?.t ?? 0;
  for (const entry of pm.timeline) entry.t -= first;
  const timeline = pm.sections.timeline;
  if (!text.trim()) {
    problems.push(diagnostic(file, 1, 1, 'BR004', 'the file is empty, but a postmortem was expected', 'copy docs/examples/postmortem.md and fill it in'));
  } else if (!timeline) {
    problems.push(
      diagnostic(file, 1, 1, 'BR011', 'the postmortem has no `## Timeline` section; the scenario\'s phases are built from it', 'add a `## Timeline` section with entries such as `- 14:06 — the alert pages the on-call engineer` (see docs/examples/postmortem.md)'),
    );
  } else if (pm.timeline.length < 2 && problems.length === 0) {
    problems.push(
      diagnostic(file, timeline.line, 1, 'BR015', `the timeline has ${pm.timeline.length === 0 ? 'no timed entries' : 'only one timed entry'}; it needs at least two`, 'list what happened as `- 14:02 — …` lines: at least when the trouble started and when it was fixed', 3),
    );
  }
  if (!pm.title) pm.title = pm.meta.title ?? pm.meta.service ?? 'Untitled incident';
  return problems.length > 0 ? { diagnostics: problems } : { value: pm, diagnostics: [] };
}
