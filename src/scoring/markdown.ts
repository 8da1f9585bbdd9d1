/**
 * The debrief as Markdown that pastes cleanly into a doc, a ticket or a chat: a one-line
 * headline, a dimension table, evidence with sim times, key times, next-level advice.
 * The first line is always "Acted at: <level>" so tools and people can find the result.
 */
import type { Debrief, DebriefEvidence } from './debrief-schema.ts';
import { levelLabel } from './ladder.ts';
import { mmss } from './time.ts';

/**
 * Quotes scenario text inside Markdown so that any renderer shows it as the text it is:
 * on one line (every kind of line break becomes a space, other control characters go),
 * with no HTML, entity, link, autolink, image or emphasis of its own, and no pipe to
 * break a table cell. HTML-significant characters become entities, which every Markdown
 * flavour shows literally; Markdown punctuation gets a backslash; a bare URL loses the
 * shape that linkifying renderers look for.
 */
export function cell(text: string): string {
  return (
    text
      // Line breaks of every kind (a lone CR included) and other control characters.
      .replace(/[\s\u0085\u2028\u2029]+/g, ' ')
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .trim()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      // Block markers that mean something only at the start of a line: "- ", "1. ", "= ".
      .replace(/^([-=]|\d+[.)])/, (mark: string) => mark.replace(/[-=.)]$/, '\\$&'))
  );
}

const pct = (f: number) => `${(Math.round(f * 1000) / 10).toFixed(1)}%`;
const time = (t: number | null) => (t === null ? '—' : mmss(t));

/** The headline: "Acted at: L3 Senior SRE", or "Acted at: not observed". */
export function headline(debrief: Debrief): string {
  return `Acted at: ${debrief.overall.level ? levelLabel(debrief.overall.level) : 'not observed'}`;
}

function sourceLabel(debrief: Debrief, e: DebriefEvidence): string {
  // An id is code-formatted as it is; a label is the scenario's own words, quoted.
  if (e.source.kind === 'rule') return `rule \`${e.source.id.replace(/`/g, '')}\``;
  const step = debrief.timeline.find((s) => s.shown.some((x) => x.key === e.key));
  return cell(step ? step.label : e.source.id);
}

function evidenceLine(debrief: Debrief, e: DebriefEvidence): string {
  const mark = e.harmful ? `⚠ anti-pattern, caps at ${e.level}` : e.level;
  return `- ${mmss(e.t)} · ${mark} · ${sourceLabel(debrief, e)}: ${cell(e.why)}`;
}

/** Renders a debrief as Markdown. */
export function debriefToMarkdown(debrief: Debrief): string {
  const out: string[] = [headline(debrief), ''];
  const end = debrief.ending;
  const facts = [`**${cell(debrief.scenario.title)}**`, `seed ${debrief.seed}`];
  if (end) facts.push(`ended ${mmss(end.at)}: ${cell(end.title)} (${end.outcome})`);
  facts.push(`confidence: ${debrief.overall.confidence}`);
  out.push(facts.join(' · '), '', cell(debrief.overall.explanation), '');

  out.push('| Dimension | Group | Level | Confidence | Evidence |', '|---|---|---|---|---|');
  for (const d of debrief.dimensions) {
    const level = d.level ? levelLabel(d.level) + (d.cap && d.supported && d.cap < d.supported ? ` (capped; evidence shows ${d.supported})` : '') : 'not observed';
    const n = d.evidence.length;
    out.push(`| ${d.title} | ${d.group} | ${level} | ${d.confidence} | ${n === 0 ? '—' : `${n} item${n === 1 ? '' : 's'}`} |`);
  }
  out.push('');

  const observed = debrief.dimensions.filter((d) => d.evidence.length > 0);
  if (observed.length > 0) {
    out.push('## Evidence', '');
    for (const d of observed) {
      out.push(`**${d.title} — ${d.level ?? 'not observed'}**${d.description ? `: ${cell(d.description)}` : ''}`, '');
      for (const e of d.evidence) out.push(evidenceLine(debrief, e));
      out.push('');
    }
  }

  if (debrief.timeline.length > 0) {
    out.push('## Timeline', '');
    for (const s of debrief.timeline) {
      const shown = s.shown.map((e) => `${e.dimension} ${e.level}${e.harmful ? ' ⚠' : ''}`).join(', ');
      out.push(`- ${mmss(s.t)} · ${cell(s.label)}${shown ? ` — ${shown}` : ''}`);
    }
    out.push('');
  }

  const t = debrief.times;
  out.push('## Key times', '', '| | |', '|---|---|');
  out.push(`| Time to acknowledge | ${time(t.timeToAcknowledge)}${t.firstPageAt !== null ? ` (paged at ${mmss(t.firstPageAt)})` : ' (nothing paged)'} |`);
  const mitigation =
    t.mitigatedAt !== null
      ? ` (burn back under 1× at ${mmss(t.mitigatedAt)})`
      : t.incidentStartAt === null
        ? ' (the budget never burned faster than the SLO allows)'
        : ' (still burning faster than 1× when the run ended)';
  out.push(`| Time to mitigate | ${time(t.timeToMitigate)}${mitigation} |`);
  out.push(`| Time to resolve | ${time(t.timeToResolve)}${t.resolvedAt !== null ? ` (resolved at ${mmss(t.resolvedAt)})` : ' (not resolved)'} |`);
  out.push(`| Error budget spent in this run | ${pct(debrief.budget.spentDuringRun)} (${pct(debrief.budget.total)} of the window's budget in all) |`);
  out.push('');

  const next = debrief.nextLevel;
  if (next.advice.length > 0) {
    out.push(`## What the next level up would have done${next.target ? ` (towards ${levelLabel(next.target)})` : ''}`, '');
    for (const a of next.advice) {
      const when = a.when ? ` *(${cell(a.when)})*` : '';
      out.push(`- **${a.dimension[0]?.toUpperCase()}${a.dimension.slice(1)}** ${a.from} → ${a.to}: ${cell(a.label)}${when}. ${cell(a.why)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
