/** A team debrief as JSON, Markdown (for the room's notes) and CSV (for a spreadsheet). */
import { SEAT_NAMES } from '../sim/team-roles.ts';
import type { TeamDebrief } from './team.ts';
import { mmss } from './time.ts';

export function teamDebriefToJson(debrief: TeamDebrief): string {
  return `${JSON.stringify(debrief, null, 2)}\n`;
}

const cell = (v: string | number): string => {
  const s = String(v);
  // Quote anything a spreadsheet would split or read as a formula.
  return /[",\n\r]|^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The shared timeline, one row per log entry: seq, time, person, seat, what they did. */
export function teamTimelineToCsv(debrief: TeamDebrief): string {
  const rows = [['seq', 'time', 'seconds', 'person', 'seat', 'what']];
  for (const e of debrief.timeline) rows.push([String(e.seq), mmss(e.t), String(e.t), e.name, SEAT_NAMES[e.role], e.text]);
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

/** One row per person and one for the team: level and each dimension's level. */
export function teamLevelsToCsv(debrief: TeamDebrief): string {
  const dims = debrief.team.dimensions.map((d) => d.dimension);
  const rows = [['who', 'seats', 'level', ...dims]];
  rows.push(['Team', '', debrief.team.level ?? '', ...debrief.team.dimensions.map((d) => d.level ?? '')]);
  for (const p of debrief.people) rows.push([p.name, p.seats.map((s) => SEAT_NAMES[s]).join(' / '), p.assessment.level ?? '', ...p.assessment.dimensions.map((d) => d.level ?? '')]);
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

export function teamDebriefToMarkdown(d: TeamDebrief): string {
  const out: string[] = [];
  out.push(`# Game day debrief: ${d.scenario.title}`, '');
  out.push(`Seed ${d.seed} · ${d.ending ? `ended ${mmss(d.ending.at)}: ${d.ending.title} (${d.ending.outcome})` : 'not finished'}`, '');
  out.push(`**Team: ${d.team.level ?? '—'} ${d.team.title}** (confidence: ${d.team.confidence}). ${d.team.explanation}`, '');
  out.push('## Findings', '');
  for (const f of d.findings) out.push(`- ${f.verdict === 'good' ? '✓' : f.verdict === 'concern' ? '✗' : '·'} **${f.title}**: ${f.text}${f.cites.length ? ` (log ${f.cites.map((c) => `#${c}`).join(', ')})` : ''}`);
  out.push('', '## People', '', '| Person | Seats | Level |', '|---|---|---|');
  for (const p of d.people) out.push(`| ${p.name}${p.out ? ' (taken out)' : ''} | ${p.seats.map((s) => SEAT_NAMES[s]).join(' → ')} | ${p.assessment.level ?? '—'} ${p.assessment.title} |`);
  for (const p of d.people) {
    out.push('', `### ${p.name}`, '', p.assessment.explanation, '');
    for (const e of p.evidence) out.push(`- ${mmss(e.t)} · ${e.harmful ? 'harmful ' : ''}${e.dimension} ${e.level}: ${e.why}${e.cites.length ? ` (log ${e.cites.map((c) => `#${c}`).join(', ')})` : ''}`);
  }
  out.push('', '## What the next level of team would have done', '');
  for (const n of d.next) out.push(`- ${n}`);
  out.push('', '## Timeline', '');
  for (const e of d.timeline) out.push(`- #${e.seq} ${mmss(e.t)} · ${e.name} (${SEAT_NAMES[e.role]}) ${e.text}`);
  return `${out.join('\n')}\n`;
}
