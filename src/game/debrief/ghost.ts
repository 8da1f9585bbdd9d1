/**
 * The ghost run: the scenario's L5 reference playthrough, played on the player's seed,
 * so the debrief can show both runs on one clock and say where they parted — when a
 * principal acted that the player acted later or never, answered a question differently,
 * or where the player did harm the principal never did. Pure: no Phaser, no DOM.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import { buildDebrief } from '../../scoring/debrief.ts';
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { Run } from '../../sim/engine.ts';
import { playChoices } from '../../sim/runner.ts';
import { transcriptOf } from '../../sim/runner.ts';
import { formatClock, formatDuration } from '../ui/format.ts';

/** The reference run as the debrief draws it. */
export interface Ghost {
  level: string;
  debrief: Debrief;
  time: Float64Array;
  spent: Float64Array;
}

/** Plays the scenario's highest reference playthrough on `seed`; null if it has none. */
export function playGhost(scenario: Scenario, seed: number): Ghost | null {
  const refs = scenario.scoring.references;
  const best = [...refs].sort((a, b) => b.level.localeCompare(a.level))[0];
  if (!best) return null;
  const run = new Run(scenario, { seed });
  playChoices(run, best.choices);
  return {
    level: best.level,
    debrief: buildDebrief(scenario, transcriptOf(run, best.choices)),
    time: run.recorder.timeView(),
    spent: run.recorder.view('budget.spent'),
  };
}

/** A moment where the two runs parted. */
export interface Divergence {
  t: number;
  text: string;
  /** The player's side of it was an anti-pattern. */
  harmful: boolean;
}

type Step = Debrief['timeline'][number];

const LATE = 120;
const promptOf = (s: Step) => s.id.slice(0, s.id.indexOf('.'));
/** An answer's own words: the label after the question, without its quotation marks. */
const answerOf = (s: Step) =>
  s.label
    .slice(s.label.lastIndexOf('→') + 1)
    .trim()
    .replace(/^["“]+|["”]+$/g, '');
const harmful = (s: Step) => s.shown.some((e) => e.harmful);
const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Where the player's run and the reference's parted, in time order. */
export function divergences(you: Debrief, ghost: Debrief, level: string): Divergence[] {
  const out: Divergence[] = [];
  const mine = you.timeline.filter((s) => s.kind !== 'lapse');
  for (const g of ghost.timeline) {
    if (g.kind === 'act' || g.kind === 'ack') {
      const m = mine.find((s) => s.kind === g.kind && s.id === g.id);
      const what = g.kind === 'ack' ? 'acknowledged the page' : `did "${short(g.label)}"`;
      if (!m) out.push({ t: g.t, text: `${formatClock(g.t)} ${level} ${what}; you never did`, harmful: false });
      else if (m.t - g.t > LATE) out.push({ t: g.t, text: `${formatClock(g.t)} ${level} ${what}; you did at ${formatClock(m.t)}, ${formatDuration(m.t - g.t)} later`, harmful: false });
    } else if (g.kind === 'choose') {
      const m = mine.find((s) => s.kind === 'choose' && promptOf(s) === promptOf(g));
      if (!m) out.push({ t: g.t, text: `${formatClock(g.t)} ${level} answered "${short(answerOf(g), 50)}"; you did not answer`, harmful: false });
      else if (m.id !== g.id) out.push({ t: g.t, text: `${formatClock(g.t)} ${level} answered "${short(answerOf(g), 45)}"; you answered "${short(answerOf(m), 45)}" at ${formatClock(m.t)}`, harmful: harmful(m) });
    }
  }
  for (const m of mine) {
    if (!harmful(m) || m.kind !== 'act') continue;
    if (!ghost.timeline.some((g) => g.id === m.id)) out.push({ t: m.t, text: `${formatClock(m.t)} you did "${short(m.label)}", an anti-pattern ${level} never did`, harmful: true });
  }
  return out.sort((a, b) => a.t - b.t);
}
