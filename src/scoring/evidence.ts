/**
 * Collects the evidence a player's own choices show: every evidence item of each action
 * they started and each prompt answer they gave, with the item's `when` evaluated against
 * the state of the run at the moment of the choice (the frozen view the engine recorded).
 *
 * Two decisions worth knowing:
 * - A prompt that timed out and took its `default` option was not decided by the player.
 *   Its option's evidence does not count, and it appears on the timeline as "did not
 *   decide". Authors who want to score indecision write a rule for it (an omission or
 *   timing rule on the answers they hoped for), so the penalty is visible in the file.
 * - A repeatable action taken several times shows each of its evidence items once (the
 *   first time its `when` held). Repetition is what `repeat` rules are for; counting each
 *   click would let a player raise a level by pressing the same button.
 */
import type { Dimension, Evidence, Level, Scenario } from '../scenario/schema/index.ts';
import { holds, thawView } from '../sim/conditions.ts';
import type { ChoiceRecord, RunEvent } from '../sim/events.ts';
import type { RunIndex } from './occurrences.ts';
import { calledFor } from './relevance.ts';

/** Where an observed item came from. */
export interface EvidenceSource {
  kind: 'action' | 'option' | 'rule';
  /** Action id, "prompt.option", or rule id. */
  id: string;
}

/** One piece of evidence seen in a run. */
export interface Observed {
  /** Identifies the evidence item in the scenario, e.g. "action:rollback#0" or "rule:ack-fast:met#1". */
  key: string;
  dimension: Dimension;
  level: Level;
  why: string;
  harmful: boolean;
  /** Sim time it was shown. */
  t: number;
  source: EvidenceSource;
  /** The phase the incident was in at that moment. */
  phase: string;
  /** Index in the transcript's events of the event that showed it (not exported). */
  seq?: number;
}

/** One entry of the player's timeline: a choice, or a prompt they let lapse. */
export interface Step {
  t: number;
  kind: 'act' | 'choose' | 'ack' | 'lapse';
  /** Action id, "prompt.option", "ack", or for a lapse the prompt id. */
  id: string;
  /** What the player did, in words. */
  label: string;
  phase: string;
  /** When an action's effects landed (null if the run ended first). */
  completedAt: number | null;
  /** Evidence this step showed, including rules it triggered (an earlier repeat's items are left out). */
  shown: Observed[];
  /** Index of the step's event in the transcript's events. */
  seq: number;
}

/** Evidence from the player's choices, and the timeline it was read from. */
export interface ChoiceEvidence {
  items: Observed[];
  steps: Step[];
  /** Actions taken when the situation did not call for them (their evidence does not count), in time order. */
  notCalledFor: Step[];
}

/** Prompt questions can run to a paragraph; a timeline line needs only their start. */
function clip(text: string, max = 72): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function observe(
  list: readonly Evidence[],
  source: EvidenceSource,
  keyPrefix: string,
  t: number,
  seq: number,
  phase: string,
  accept: (e: Evidence) => boolean,
  seen: Set<string>,
): Observed[] {
  const out: Observed[] = [];
  list.forEach((e, i) => {
    const key = `${keyPrefix}#${i}`;
    if (seen.has(key) || !accept(e)) return;
    seen.add(key);
    out.push({ key, dimension: e.dimension, level: e.level, why: e.why, harmful: e.harmful, t, source, phase, seq });
  });
  return out;
}

/** Evidence from every action started and every prompt answered in the run. */
export function collectChoiceEvidence(scenario: Scenario, index: RunIndex): ChoiceEvidence {
  const actions = new Map(scenario.actions.map((a) => [a.id, a]));
  const prompts = new Map(scenario.prompts.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const items: Observed[] = [];
  const steps: Step[] = [];
  const notCalledFor: Step[] = [];
  const { records, events } = index.transcript;

  records.forEach((record: ChoiceRecord, i) => {
    const seq = index.recordSeq[i] ?? -1;
    const phase = record.view.phase;
    let shown: Observed[] = [];
    let label = record.id;
    // Views are thawed lazily: most evidence has no `when`.
    let view: ReturnType<typeof thawView> | null = null;
    const accept = (e: Evidence) => !e.when || holds(e.when, (view ??= thawView(record.view)));
    if (record.kind === 'act') {
      const action = actions.get(record.id);
      if (action) {
        label = action.label;
        const thawed = () => (view ??= thawView(record.view));
        const update = action.statusUpdate ? index.updateAt(seq) : null;
        if (!calledFor(scenario, action, thawed, phase)) {
          notCalledFor.push({ t: record.t, kind: 'act', id: record.id, label, phase, completedAt: record.completedAt, shown: [], seq });
        } else if (!update || update.verdict.accurate) {
          // A status update's own evidence ("posted impact, actions, next update") holds only if what it said was true.
          shown = observe(action.evidence, { kind: 'action', id: action.id }, `action:${action.id}`, record.t, seq, phase, accept, seen);
        }
      }
    } else if (record.kind === 'choose') {
      const [promptId = '', optionId = ''] = record.id.split('.');
      const prompt = prompts.get(promptId);
      const option = prompt?.options.find((o) => o.id === optionId);
      if (option) {
        label = `${clip(prompt?.question ?? promptId)} → ${option.label}`;
        shown = observe(option.evidence, { kind: 'option', id: record.id }, `option:${record.id}`, record.t, seq, phase, accept, seen);
      }
    } else {
      label = 'Acknowledged the page';
    }
    items.push(...shown);
    steps.push({ t: record.t, kind: record.kind, id: record.id, label, phase, completedAt: record.completedAt, shown, seq });
  });

  events.forEach((e: RunEvent, seq) => {
    if (e.type !== 'prompt.lapse') return;
    const prompt = prompts.get(e.prompt);
    const fallback = e.option ? prompt?.options.find((o) => o.id === e.option) : undefined;
    const question = clip(prompt?.question ?? e.prompt);
    const label = fallback ? `Did not decide "${question}" in time — it defaulted to "${fallback.label}"` : `Did not decide "${question}" in time`;
    steps.push({ t: e.t, kind: 'lapse', id: e.prompt, label, phase: index.phaseAt(seq), completedAt: null, shown: [], seq });
  });

  steps.sort((a, b) => a.t - b.t || a.seq - b.seq);
  return { items, steps, notCalledFor };
}
