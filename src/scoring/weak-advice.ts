/**
 * BR069: the debrief's "what the next level up would have done" pointing at a weak move.
 * Advice leads a run towards the next overall level, one dimension at a time, with the
 * lowest evidence above where the player was on it. When the choice it names never shows
 * that next level anywhere, the debrief holds up a junior move as what a more senior
 * engineer would have done. Checked on the advice the reference playthroughs get.
 */
import type { PathSegment } from '../scenario/positions.ts';
import type { Level, Scenario } from '../scenario/schema/index.ts';
import { offers, type Offer } from './advice.ts';
import type { ReferenceResult } from './calibrate.ts';
import type { Advice } from './debrief-schema.ts';
import { levelOfRank, rank } from './ladder.ts';

/** A weak piece of advice: where its evidence is, and what to say. */
export interface WeakAdvice {
  path: PathSegment[];
  message: string;
  hint: string;
}

const sourceKey = (s: Offer['source']) => `${s.kind}:${s.id}`;

/** Where an offer's evidence item is in the file. */
function offerPath(scenario: Scenario, offer: Offer): PathSegment[] {
  const index = Number(offer.key.slice(offer.key.lastIndexOf('#') + 1));
  const { source } = offer;
  if (source.kind === 'action') return ['actions', scenario.actions.findIndex((a) => a.id === source.id), 'evidence', index];
  if (source.kind === 'option') {
    const [prompt, option] = source.id.split('.');
    const p = scenario.prompts.findIndex((x) => x.id === prompt);
    const o = scenario.prompts[p]?.options.findIndex((x) => x.id === option) ?? -1;
    return ['prompts', p, 'options', o, 'evidence', index];
  }
  return ['scoring', 'rules', scenario.scoring.rules.findIndex((r) => r.id === source.id)];
}

/** A choice as the author knows it: its label and id, short enough for one line. */
function choiceName(scenario: Scenario, source: Offer['source']): string {
  if (source.kind === 'action') return `the action "${scenario.actions.find((a) => a.id === source.id)?.label ?? source.id}" (${source.id})`;
  if (source.kind === 'option') return `the answer \`${source.id}\``;
  return `the rule \`${source.id}\``;
}

/**
 * Advice given to the reference playthroughs that names a choice whose best evidence
 * (on any dimension) is below the level the advice leads towards. Each choice is
 * reported once, for the lowest such level.
 */
export function weakAdvice(scenario: Scenario, references: readonly ReferenceResult[]): WeakAdvice[] {
  const all = offers(scenario);
  const best = new Map<string, number>();
  for (const o of all) best.set(sourceKey(o.source), Math.max(best.get(sourceKey(o.source)) ?? 0, rank(o.evidence.level)));
  const found = new Map<string, { ref: ReferenceResult; target: Level; advice: Advice; offer: Offer }>();
  for (const ref of references) {
    if (!ref.target) continue;
    for (const advice of ref.advice) {
      const key = sourceKey(advice.source);
      if ((best.get(key) ?? 0) >= rank(ref.target)) continue;
      const offer = all.find((o) => sourceKey(o.source) === key && o.evidence.dimension === advice.dimension && o.evidence.level === advice.to);
      const known = found.get(key);
      if (offer && (!known || rank(ref.target) < rank(known.target))) found.set(key, { ref, target: ref.target, advice, offer });
    }
  }
  return [...found.values()].map(({ ref, target, advice, offer }) => {
    const bestLevel = levelOfRank(best.get(sourceKey(advice.source)) ?? 1);
    return {
      path: offerPath(scenario, offer),
      message: `the debrief's advice to reference "${ref.id}" (assessed ${ref.assessed}) names ${choiceName(scenario, advice.source)} as a step towards ${target}, but its best evidence is ${bestLevel}`,
      hint: `if an engineer at ${target} would do this, give it ${target} evidence (with a \`when\` for the moment it shows that level); if not, give the move they would make ${advice.dimension} evidence at ${advice.to}, so that the advice names it instead`,
    };
  });
}
