/**
 * A postmortem's timeline as timed entries, whatever its shape: list items or table rows
 * that start with a time, date lines or sub-headings that set the day for the times under
 * them, or prose where sentences carry their times ("At 14:02 UTC, …", "Four minutes
 * later, …"). Without a Timeline section, the timed sentences of the whole document are
 * used. Times become seconds since the first entry.
 */
import type { Diagnostic, DiagnosticCode } from '../diagnostics.ts';
import { columnOf, sentenceLocator, type Block } from './postmortem-blocks.ts';
import { dateLine, laterBy, leadingTime, timeInProse, type TimeMatch } from './postmortem-time.ts';
import type { Section, SectionKind, TimelineEntry } from './postmortem.ts';

/** A located error in the postmortem. */
export function diagnostic(file: string, line: number, column: number, code: DiagnosticCode, message: string, hint: string, length = 1): Diagnostic {
  return { file, line, column, endLine: line, endColumn: column + length, severity: 'error', code, message, hint };
}

/** Table columns that name who acted, not what happened. */
const WHO_COLUMN = /^(who|owner|actor|by|person|responder|team)$/i;
/** Lines in a timeline that explain it rather than record an event. */
const EXPLAINS = /^(all times|times are|times in|timezone|time zone|note:|\(all times)/i;

/** Sentences of a paragraph; a dot inside "4.2 s" or "p.m." does not end one unless a capital follows. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["“(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Joins what was around a time in a sentence: "The deploy began at 14:02, when" → "The deploy began, when". */
function withoutTime(sentence: string, index: number, length: number): string {
  const before = sentence.slice(0, index).replace(/[\s,]+$/, '');
  const after = sentence.slice(index + length).replace(/^[\s,—–:-]+/, '');
  const joined = before ? `${before}${/^[,.;]/.test(after) ? '' : ' '}${after}` : after;
  // "On 3 March 2026, the certificate expired" → "The certificate expired".
  const text = joined.replace(/\s+/g, ' ').replace(/^on [^,]{3,30}, /i, '').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** More entries than a scenario can use; past this the rest of a huge timeline is not read. */
export const MAX_ENTRIES = 300;

interface Reader {
  entries: TimelineEntry[];
  problems: Diagnostic[];
  /** Entries left unread past {@link MAX_ENTRIES}. */
  skipped: number;
}

/** Reads the timeline; `problems` are located errors (an untimed entry, a time going backwards). */
export function readTimeline(sections: Partial<Record<SectionKind, Section>>, all: readonly Block[], lines: readonly string[], file: string): Reader {
  const out: Reader = { entries: [], problems: [], skipped: 0 };
  const section = sections.timeline;
  let firstDay: number | undefined;
  let dayIndex = 0;
  let previous: number | undefined;
  let firstAbsolute: number | undefined;
  let columns: string[] = [];

  const add = (time: TimeMatch, text: string, line: number, column: number) => {
    if (time.invalid) {
      out.problems.push(diagnostic(file, line, column, 'BR016', time.invalid, 'write times as 14:06 (24-hour), 2:06 PM, 2025-03-11 14:06 or T+5m', time.clock.length));
      return;
    }
    let t: number;
    if (time.relative) {
      t = (firstAbsolute ?? 0) + time.seconds;
    } else {
      if (time.day !== undefined) {
        firstDay ??= time.day;
        dayIndex = time.day - firstDay;
      }
      t = dayIndex * 86400 + time.seconds;
      // A timeline without dates that crosses midnight: 23:50 then 00:10 is twenty minutes later.
      if (time.day === undefined && previous !== undefined && t < previous && previous - t > 12 * 3600) {
        dayIndex += 1;
        t += 86400;
      }
      firstAbsolute ??= t;
    }
    if (previous !== undefined && t < previous) {
      out.problems.push(diagnostic(file, line, column, 'BR017', `${time.clock} is earlier than the entry above it`, 'keep the timeline in time order: the scenario plays it from top to bottom', time.clock.length));
      return;
    }
    previous = t;
    if (out.entries.length >= MAX_ENTRIES) {
      out.skipped++;
      return;
    }
    out.entries.push({ t, clock: time.clock, text: text || '(no description)', line });
  };
  const setDay = (day: number) => {
    firstDay ??= day;
    dayIndex = day - firstDay;
  };

  /** Timed sentences of a paragraph; untimed ones add to the entry before them. */
  const prose = (block: { text: string; line: number }, extend: boolean) => {
    const locate = sentenceLocator(lines, block.line);
    for (const sentence of sentences(block.text)) {
      if (out.entries.length >= MAX_ENTRIES) return;
      const found = timeInProse(sentence);
      const later = found ? undefined : laterBy(sentence);
      const at = locate(sentence);
      if (found) {
        add(found.time, withoutTime(sentence, found.index, found.time.length), at.line, at.column);
      } else if (later !== undefined && previous !== undefined) {
        const text = sentence.replace(/^[^,]*later,?\s*/i, '');
        // Counted from the entry before, not from the start.
        const seconds = previous - (firstAbsolute ?? 0) + later;
        add({ seconds, relative: true, clock: /^[^,]*later/i.exec(sentence)?.[0] ?? 'later', length: 0 }, text.charAt(0).toUpperCase() + text.slice(1), at.line, at.column);
      } else if (extend) {
        const last = out.entries[out.entries.length - 1];
        if (last && last.line >= block.line - 40) last.text = `${last.text} ${sentence}`;
      }
    }
  };

  if (!section) {
    // No Timeline section: the timed sentences anywhere but the action items and lessons.
    const skip = new Set([sections.actionItems, sections.lessons].flatMap((s) => s?.blocks ?? []));
    for (const block of all) {
      if (skip.has(block) || block.kind === 'heading' || block.kind === 'row') continue;
      const lead = leadingTime(block.text);
      if (block.kind === 'item' && lead && !lead.invalid) add(lead, block.text.slice(lead.length).trim(), block.line, columnOf(lines, block.line, block.text));
      else prose(block, false);
    }
    if (out.entries.length < 2) out.problems.length = 0;
    return normalised(out);
  }

  for (const block of section.blocks) {
    if (block.kind === 'heading') {
      const day = dateLine(block.text);
      if (day !== undefined) setDay(day);
      continue;
    }
    if (block.kind === 'paragraph') {
      const day = dateLine(block.text);
      if (day !== undefined) setDay(day);
      else if (!EXPLAINS.test(block.text)) prose(block, true);
      continue;
    }
    if (block.kind === 'item') {
      const day = dateLine(block.text);
      if (day !== undefined) {
        setDay(day);
        continue;
      }
      const time = leadingTime(block.text);
      if (time) {
        add(time, block.text.slice(time.length).trim(), block.line, columnOf(lines, block.line, block.text));
      } else if (block.depth > 1 && out.entries.length > 0) {
        // A sub-bullet under a timed entry is its detail.
        const last = out.entries[out.entries.length - 1] as TimelineEntry;
        last.text = `${last.text}; ${block.text}`;
      } else if (!EXPLAINS.test(block.text) && block.text) {
        out.problems.push(
          diagnostic(file, block.line, columnOf(lines, block.line, block.text), 'BR016', 'this timeline entry does not start with a time', 'start each entry with a time such as 14:06, 2:06 PM, 2025-03-11 14:06 or T+5m, then what happened', Math.max(1, block.text.length)),
        );
      }
      continue;
    }
    // A table row: a header names the columns; a data row has a time cell and the event.
    if (block.header) {
      columns = block.cells;
      continue;
    }
    let time: TimeMatch | undefined;
    const rest: string[] = [];
    block.cells.forEach((cell, i) => {
      const day = time ? undefined : dateLine(cell);
      if (day !== undefined && cell.replace(/[\d\s/.:-]/g, '').length < 4) {
        setDay(day);
        return;
      }
      const found = time ? undefined : leadingTime(cell);
      if (found && (found.length >= cell.length - 1 || /^(time|when|timestamp|date)/i.test(columns[i] ?? ''))) {
        time = found;
        if (cell.slice(found.length).trim()) rest.push(cell.slice(found.length).trim());
      } else if (cell && !WHO_COLUMN.test(columns[i] ?? '')) {
        rest.push(cell);
      }
    });
    if (time) add(time, rest.join(' — '), block.line, columnOf(lines, block.line, block.cells[0] ?? ''));
    else if (block.cells.some((c) => c.trim()))
      out.problems.push(diagnostic(file, block.line, columnOf(lines, block.line, block.cells[0] ?? ''), 'BR016', 'this timeline row has no time', 'put the time in the first column, e.g. `| 14:06 | the alert pages the on-call engineer |`', 3));
  }
  return normalised(out);
}

/** Seconds since the first entry. */
function normalised(reader: Reader): Reader {
  const first = reader.entries[0]?.t ?? 0;
  for (const entry of reader.entries) entry.t -= first;
  return reader;
}
