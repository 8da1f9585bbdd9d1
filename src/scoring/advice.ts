/**
 * "What the next level up would have done", drawn from the scenario's own evidence: for
 * the player's weakest observed dimensions, the choices (actions, prompt answers, rules
 * met) whose evidence sits one level above where the player was, with the author's why.
 * If the scenario has nothing exactly one level up on a dimension, the nearest higher
 * level it does have is used. Evidence the player already showed is not suggested.
 */
import type { Condition, Evidence, Level, Scenario } from '../scenario/schema/index.ts';
import type { Assessment } from './assess.ts';
import type { Advice } from './debrief-schema.ts';
import type { EvidenceSource } from './evidence.ts';
import { levelOfRank, rank } from './ladder.ts';
import { describeRef } from './occurrences.ts';
import { durationWords, mmss } from './time.ts';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Dimensions the advice covers at most. */
export const ADVICE_DIMENSIONS = 3;
/** Suggestions per dimension at most. */
export const ADVICE_PER_DIMENSION = 2;

/** A positive evidence item the scenario can award, with how a player earns it. */
export interface Offer {
  key: string;
  evidence: Evidence;
  source: EvidenceSource;
  label: string;
}

/** Every positive evidence item a scenario can award, in file order. */
export function offers(scenario: Scenario): Offer[] {
  const out: Offer[] = [];
  const add = (list: readonly Evidence[], prefix: string, source: EvidenceSource, label: string) =>
    list.forEach((evidence, i) => {
      if (!evidence.harmful) out.push({ key: `${prefix}#${i}`, evidence, source, label });
    });
  for (const a of scenario.actions) add(a.evidence, `action:${a.id}`, { kind: 'action', id: a.id }, `Take "${a.label}"`);
  for (const p of scenario.prompts) {
    for (const o of p.options) {
      const id = `${p.id}.${o.id}`;
      add(o.evidence, `option:${id}`, { kind: 'option', id }, `Answer "${p.question}" with "${o.label}"`);
    }
  }
  for (const r of scenario.scoring.rules) {
    const source: EvidenceSource = { kind: 'rule', id: r.id };
    const what = (ref: string) => describeRef(scenario, ref) ?? ref;
    if (r.kind === 'timing') {
      const limits = [
        r.within !== undefined ? `within ${durationWords(r.within)} of ${r.from === 'start' ? 'the start' : r.from === 'page' ? 'the page' : `the moment you ${what(r.from)}`}` : '',
        r.beforeBudget !== undefined ? `before ${pct(r.beforeBudget)} of the error budget is spent` : '',
      ].filter(Boolean);
      add(r.met, `rule:${r.id}:met`, source, capital(`${what(r.event)}${limits.length ? ` ${limits.join(' and ')}` : ''}`));
    } else if (r.kind === 'sequence') {
      add(r.evidence, `rule:${r.id}:order`, source, capital(`${what(r.first)}, and only then ${what(r.then)}`));
    } else if (r.kind === 'repeat') {
      const span = r.within !== undefined ? ` within ${durationWords(r.within)}` : '';
      add(r.evidence, `rule:${r.id}:repeat`, source, capital(`${what(r.event)} at least ${r.atLeast} times${span}`));
    }
    // Omission and silence rules describe something not done: they are never advice.
  }
  return out;
}

const pct = (f: number) => `${Math.round(f * 1000) / 10}%`;

/** A condition in a few words, for advice ("before 10:00, during Canary failing"). */
export function describeWhen(scenario: Scenario, c: Condition | undefined): string | null {
  if (!c) return null;
  const parts: string[] = [];
  if (c.before !== undefined) parts.push(`before ${mmss(c.before)}`);
  if (c.at !== undefined) parts.push(`from ${mmss(c.at)}`);
  if (c.phase) parts.push(`during ${c.phase.map((id) => scenario.phases.find((p) => p.id === id)?.title ?? id).join(' or ')}`);
  if (c.budgetSpentBelow !== undefined) parts.push(`while less than ${pct(c.budgetSpentBelow)} of the budget is spent`);
  if (c.notDone) parts.push(`before ${c.notDone.map((id) => describeRef(scenario, id) ?? id).join(' or ')}`);
  if (c.acked === false) parts.push('before acknowledging');
  if (c.declared === false) parts.push('before declaring');
  if (c.known) parts.push('once you know the facts it depends on');
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The next-level advice for an assessed run. `shown` holds the keys of evidence the player already showed. */
export function nextLevelAdvice(scenario: Scenario, assessment: Assessment, shown: ReadonlySet<string>): { target: Level | null; advice: Advice[] } {
  const overall = assessment.overall.level;
  const target = overall !== null && rank(overall) < 5 ? levelOfRank(rank(overall) + 1) : null;
  const all = offers(scenario).filter((o) => !shown.has(o.key));
  const weakest = assessment.dimensions
    .filter((d) => d.level !== null && rank(d.level) < 5)
    .map((d, order) => ({ d, order }))
    .sort((a, b) => rank(a.d.level as Level) - rank(b.d.level as Level) || a.order - b.order)
    .map((x) => x.d);
  const advice: Advice[] = [];
  let covered = 0;
  for (const d of weakest) {
    if (covered >= ADVICE_DIMENSIONS) break;
    const from = rank(d.level as Level);
    const higher = all.filter((o) => o.evidence.dimension === d.dimension && rank(o.evidence.level) > from);
    if (higher.length === 0) continue;
    const step = Math.min(...higher.map((o) => rank(o.evidence.level)));
    const picks = higher.filter((o) => rank(o.evidence.level) === step).slice(0, ADVICE_PER_DIMENSION);
    for (const o of picks) {
      advice.push({
        dimension: d.dimension,
        from: d.level as Level,
        to: o.evidence.level,
        source: o.source,
        label: o.label,
        why: o.evidence.why,
        when: describeWhen(scenario, o.evidence.when),
      });
    }
    covered++;
  }
  return { target, advice };
}
