/**
 * What the team debrief says, from the scoring's team debrief model: the views (the team,
 * then each person), findings, evidence and steps as lines, and export names. Pure; the
 * scene lays these out.
 */
import type { PersonDebrief, TeamDebrief } from '../../scoring/team.ts';
import { SEAT_NAMES } from '../../sim/team-roles.ts';
import { LEVEL_COLOUR, type Line } from '../debrief/debrief-view.ts';
import { formatClock, formatDuration } from '../ui/format.ts';
import { SEAT_SHORT } from './team-text.ts';

/** The views in the order ←/→ steps through them: the team, then each person. */
export type View = { kind: 'team' } | { kind: 'person'; id: string };

export function views(d: TeamDebrief): View[] {
  return [{ kind: 'team' }, ...d.people.map((p): View => ({ kind: 'person', id: p.id }))];
}

/** Where a browser opens: a player on their own debrief, the facilitator and the projector on the team's. */
export function firstView(d: TeamDebrief, you: string | null): number {
  const i = d.people.findIndex((p) => p.id === you);
  return i >= 0 ? i + 1 : 0;
}

export function viewLabel(d: TeamDebrief, v: View): string {
  if (v.kind === 'team') return `Team · ${d.team.level ?? '—'}`;
  const p = d.people.find((x) => x.id === v.id);
  return p ? `${p.name} · ${p.seats.map((s) => SEAT_SHORT[s]).join('→')} · ${p.assessment.level ?? '—'}` : v.id;
}

export function teamHeadline(d: TeamDebrief): string {
  return d.team.level ? `The team acted at ${d.team.level} · ${d.team.title}` : 'Not enough was observed to place the team on the ladder';
}

export function personHeadline(p: PersonDebrief): string {
  return p.assessment.level ? `${p.name} acted at ${p.assessment.level} · ${p.assessment.title}` : `Not enough of ${p.name}'s work was observed to place them on the ladder`;
}

export function teamSubline(d: TeamDebrief, ended: { at: number; by: string } | null = null): string {
  const end = d.ending
    ? `${d.ending.title} (${d.ending.outcome}) at ${formatClock(d.ending.at)}`
    : ended?.by === 'facilitator'
      ? `ended by the facilitator at ${formatClock(ended.at)}`
      : 'not finished';
  const ic = d.timeToCommander === null ? 'nobody took command' : `a commander after ${formatDuration(d.timeToCommander)}`;
  return `${d.scenario.title} · seed ${d.seed} · ${end} · ${ic} · ${d.people.length} people`;
}

export function personSubline(p: PersonDebrief): string {
  return `${p.seats.map((s) => SEAT_NAMES[s]).join(' → ')}${p.out ? ' · taken out mid-drill' : ''} · confidence ${p.assessment.confidence}`;
}

const VERDICT: Record<TeamDebrief['findings'][number]['verdict'], { mark: string; colour: string }> = {
  good: { mark: '✓', colour: '#4cc38a' },
  concern: { mark: '✗', colour: '#ffb547' },
  info: { mark: '·', colour: '#93a1b3' },
};

const cites = (seqs: readonly number[]): string => (seqs.length ? ` (log ${seqs.slice(0, 6).map((c) => `#${c}`).join(', ')}${seqs.length > 6 ? '…' : ''})` : '');

export function findingLines(d: TeamDebrief): Line[] {
  return d.findings.map((f) => ({ head: `${VERDICT[f.verdict].mark} ${f.title}`, body: `${f.text}${cites(f.cites)}`, colour: VERDICT[f.verdict].colour }));
}

export function nextLines(d: TeamDebrief): Line[] {
  if (d.next.length === 0) return [{ head: 'Top of the ladder', body: 'This team did what the best reference team does.', colour: '#93a1b3' }];
  // "Operations: open the dashboard (…)" reads best with the seat as the heading.
  return d.next.map((n) => {
    const colon = n.indexOf(': ');
    return colon > 0 && colon < 30 ? { head: n.slice(0, colon), body: n.slice(colon + 2), colour: '#c792ea' } : { head: '·', body: n, colour: '#c792ea' };
  });
}

export function evidenceOf(p: PersonDebrief, dimension: string): Line[] {
  const list = p.evidence.filter((e) => e.dimension === dimension);
  if (list.length === 0) return [{ head: 'Not observed', body: 'Nothing this person did showed this dimension either way. That is not a low score.', colour: '#93a1b3' }];
  return list.map((e) => ({
    head: `${formatClock(e.t)} · ${e.harmful ? `⚠ anti-pattern, caps at ${e.level}` : e.level}${cites(e.cites)}`,
    body: e.why,
    colour: e.harmful ? '#ff5d5d' : (LEVEL_COLOUR[e.level] ?? '#dde3ea'),
  }));
}

export function stepLines(p: PersonDebrief): Line[] {
  if (p.steps.length === 0) return [{ head: 'Nothing', body: 'This person did nothing the log records.', colour: '#93a1b3' }];
  return p.steps.map((s) => ({ head: `${formatClock(s.t)} · #${s.seq}`, body: s.text, colour: '#dde3ea' }));
}

/** File names: the drill's code and what is in the file. */
export function teamExportName(d: TeamDebrief, code: string, what: 'debrief' | 'levels' | 'timeline', ext: 'json' | 'md' | 'csv'): string {
  const safe = d.scenario.id.replace(/[^A-Za-z0-9_-]/g, '-');
  return `burn-rate-gameday-${code}-${safe}-${what}.${ext}`;
}
