/**
 * What the facilitator sees and the players do not: where the incident really is, what
 * moves it on, every fact and whether the team has found it, and the top-level reference
 * playthrough on the drill's clock with the seat each step belongs to.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import type { Run } from './engine.ts';
import { roleOfAction, roleOfPrompt } from './team-roles.ts';
import { updateLine } from './status-update.ts';

/** The facilitator's hidden view of a drill at one moment. */
export interface TeamTruth {
  phase: string;
  phaseTitle: string;
  phaseDescription: string;
  next: Array<{ to: string; description: string }>;
  facts: Array<{ id: string; text: string; known: boolean }>;
  reference: Array<{ at: number; label: string; role: string }>;
  injects: Array<{ id: string; label: string; description: string; fired: boolean }>;
  stakeholders: Array<{ id: string; name: string; role: string }>;
}

/** The best reference playthrough's steps, each labelled and given its seat. */
export function referenceTimeline(scenario: Scenario): TeamTruth['reference'] {
  const refs = [...scenario.scoring.references].sort((a, b) => b.level.localeCompare(a.level));
  const best = refs[0];
  if (!best) return [];
  return best.choices.map((c) => {
    if (c.do) {
      const a = scenario.actions.find((x) => x.id === c.do);
      // A status update is only as good as what it says: the facilitator sees the words too.
      const label = `${a?.label ?? c.do}${c.update ? ` — ${updateLine(c.update)}` : ''}`;
      return { at: c.at, label, role: a ? roleOfAction(a) : 'ops' };
    }
    if (c.choose) {
      const [pid, oid] = c.choose.split('.');
      const p = scenario.prompts.find((x) => x.id === pid);
      const o = p?.options.find((x) => x.id === oid);
      return { at: c.at, label: o ? `${p?.question ?? pid} → ${o.label}` : c.choose, role: p ? roleOfPrompt(p) : 'ic' };
    }
    return { at: c.at, label: 'Acknowledge the page', role: 'ops' };
  });
}

/** The hidden state of a drill's run now. */
export function truthOf(run: Run): TeamTruth {
  const s = run.scenario;
  const phase = s.phases.find((p) => p.id === run.phase);
  const fired = new Set(run.events.flatMap((e) => (e.type === 'inject' ? [e.inject] : [])));
  return {
    phase: run.ending ? run.ending.id : run.phase,
    phaseTitle: run.ending ? run.ending.title : (phase?.title ?? run.phase),
    phaseDescription: run.ending ? run.ending.text : (phase?.description ?? ''),
    next: run.ending ? [] : (phase?.transitions ?? []).map((tr) => ({ to: tr.to, description: tr.description ?? '' })),
    facts: s.facts.map((f) => ({ id: f.id, text: f.text, known: run.known.has(f.id) })),
    reference: referenceTimeline(s),
    injects: s.injects.map((i) => ({ id: i.id, label: i.label, description: i.description ?? '', fired: fired.has(i.id) })),
    stakeholders: s.stakeholders.map((p) => ({ id: p.id, name: p.name, role: p.role })),
  };
}
