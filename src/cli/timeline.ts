/**
 * `check --timeline`: what happens in a scenario if nobody acts, at its default seed: when
 * each phase starts, when the first page fires, when the error budget is half and wholly
 * spent, and how the run ends. These are the times an author places deadlines against.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import { Run } from '../sim/engine.ts';

/** One moment of an idle run. */
export interface TimelineEntry {
  t: number;
  what: string;
}

/** Runs the scenario with no choices at `seed` (default: the scenario's) and lists what happens, in time order. */
export function idleTimeline(scenario: Scenario, seed: number = scenario.seed): TimelineEntry[] {
  const run = new Run(scenario, { seed });
  const entries: TimelineEntry[] = [];
  let seen = 0;
  let paged = false;
  let half = false;
  let all = false;
  const budget = () => {
    // What was spent before the run counts: "half spent" is half of the window's budget.
    if (!half && run.budgetSpent >= 0.5) {
      half = true;
      entries.push({ t: run.t, what: `error budget half spent (${Math.round(run.budgetSpent * 100)}%)` });
    }
    if (!all && run.budgetSpent >= 1) {
      all = true;
      entries.push({ t: run.t, what: 'error budget exhausted' });
    }
  };
  const events = () => {
    for (; seen < run.events.length; seen++) {
      const e = run.events[seen];
      if (!e) continue;
      if (e.type === 'phase') {
        const title = scenario.phases.find((p) => p.id === e.phase)?.title;
        entries.push({ t: e.t, what: `phase \`${e.phase}\`${title ? ` starts: ${title}` : ' starts'}` });
      } else if (e.type === 'page' && !paged) {
        paged = true;
        entries.push({ t: e.t, what: `first page: alert \`${e.alert}\`` });
      } else if (e.type === 'ending') {
        const title = scenario.endings.find((x) => x.id === e.ending)?.title;
        entries.push({ t: e.t, what: `the run ends: \`${e.ending}\` (${e.outcome})${title ? `, ${title}` : ''}` });
      }
    }
  };
  // The budget first: when it runs out, the ending it causes reads after it.
  budget();
  events();
  while (!run.ended) {
    run.step();
    budget();
    events();
  }
  if (!paged) entries.push({ t: run.t, what: 'no page fired before the run ended' });
  return entries.sort((a, b) => a.t - b.t);
}

/** "1h 5m", "5m 30s", "45s": sim time as an author writes it. */
export function clock(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].filter(Boolean);
  return parts.join(' ');
}

/** The timeline as printed: one line per moment, times lined up. */
export function formatTimeline(display: string, seed: number, entries: readonly TimelineEntry[]): string[] {
  const times = entries.map((e) => clock(e.t));
  const width = Math.max(4, ...times.map((t) => t.length));
  return [`${display}: if nobody acts (seed ${seed})`, ...entries.map((e, i) => `  ${(times[i] as string).padStart(width)}  ${e.what}`)];
}
