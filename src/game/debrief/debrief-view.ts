/**
 * What the debrief screen says, derived from the scoring's debrief model: the headline,
 * evidence and advice as lines, key times, and export file names. Pure and tested; the
 * scene only lays these out.
 */
import type { Debrief, DebriefEvidence } from '../../scoring/debrief-schema.ts';
import { formatClock, formatDuration, formatPercent } from '../ui/format.ts';

export const LEVEL_COLOUR: Record<string, string> = { L1: '#8ab4ff', L2: '#4cc38a', L3: '#e8d44d', L4: '#ff9f43', L5: '#f778ba' };

export function headlineText(d: Debrief): string {
  return d.overall.level ? `You acted at ${d.overall.level} · ${d.overall.title}` : 'Not enough was observed to place you on the ladder';
}

export function subline(d: Debrief): string {
  const end = d.ending ? `${d.ending.title} (${d.ending.outcome}) at ${formatClock(d.ending.at)}` : 'The run did not end';
  return `${d.scenario.title} · seed ${d.seed} · ${end} · confidence ${d.overall.confidence}`;
}

/** The choice (or rule) an evidence item came from, as the player would recognise it. */
export function sourceLabel(d: Debrief, e: DebriefEvidence): string {
  if (e.source.kind === 'rule') return 'timing of the run';
  const step = d.timeline.find((s) => s.shown.some((x) => x.key === e.key));
  return step ? step.label : e.source.id;
}

export interface Line {
  head: string;
  body: string;
  colour: string;
}

export function evidenceLines(d: Debrief, dimension: string): Line[] {
  const dim = d.dimensions.find((x) => x.dimension === dimension);
  if (!dim) return [];
  if (dim.evidence.length === 0) return [{ head: 'Not observed', body: 'Nothing you did in this run showed this dimension either way. That is not a low score.', colour: '#93a1b3' }];
  return dim.evidence.map((e) => ({
    head: `${formatClock(e.t)} · ${e.harmful ? `⚠ anti-pattern, caps at ${e.level}` : e.level} · ${sourceLabel(d, e)}`,
    body: e.why,
    colour: e.harmful ? '#ff5d5d' : (LEVEL_COLOUR[e.level] ?? '#dde3ea'),
  }));
}

export function adviceLines(d: Debrief): Line[] {
  const advice = d.nextLevel.advice;
  if (advice.length === 0) {
    return [{ head: d.overall.level === 'L5' ? 'Top of the ladder' : 'No advice', body: d.overall.level === 'L5' ? 'You acted at the highest level this scenario can show.' : 'This scenario offers no higher-level moves beyond what you did.', colour: '#93a1b3' }];
  }
  return advice.map((a) => ({
    head: `${a.dimension} ${a.from} → ${a.to} · ${a.label}`,
    body: `${a.why}${a.when ? ` (${a.when})` : ''}`,
    colour: LEVEL_COLOUR[a.to] ?? '#dde3ea',
  }));
}

/** Key times as short labelled values. */
export function keyTimeLines(d: Debrief): string[] {
  const t = d.times;
  const fmt = (v: number | null) => (v === null ? '—' : formatDuration(v));
  return [
    `Acknowledged: ${t.firstAckAt === null ? (t.firstPageAt === null ? 'nothing paged' : 'never') : `${formatClock(t.firstAckAt)} (${fmt(t.timeToAcknowledge)} after the page)`}`,
    `Mitigated: ${t.mitigatedAt === null ? 'never' : `${formatClock(t.mitigatedAt)} (${fmt(t.timeToMitigate)} into the incident)`}`,
    `Resolved: ${t.resolvedAt === null ? 'not resolved' : `${formatClock(t.resolvedAt)} (${fmt(t.timeToResolve)})`}`,
    `Budget spent in this run: ${formatPercent(d.budget.spentDuringRun)} (${formatPercent(d.budget.total)} of the window in all)`,
  ];
}

/** File names for the exports: scenario, seed and level, safe on every file system. */
export function exportName(d: Debrief, ext: 'json' | 'md'): string {
  const safe = d.scenario.id.replace(/[^A-Za-z0-9_-]/g, '-');
  return `burn-rate-${safe}-seed${d.seed}-${d.overall.level ?? 'unobserved'}.${ext}`;
}
