/**
 * Replays a run from its choices: a kept run reopened from history, or an imported choice
 * log or debrief. The same runner as the CLI's `play`, so a run replays bit for bit.
 */
import type { Debrief } from '../../scoring/debrief-schema.ts';
import { playChoices, type TimedChoice } from '../../sim/runner.ts';
import type { Playable } from '../boot/play.ts';
import { Session, type Mode } from './session.ts';

/** A finished session rebuilt from a seed and timed choices. Never saved: it is not in progress. */
export function replaySession(playable: Playable, seed: number, mode: Mode, choices: readonly TimedChoice[]): Session {
  const session = new Session({ scenario: playable.scenario, runbooks: playable.runbooks, seed, mode, speed: 1, saveable: false }, null);
  playChoices(session.run, choices);
  session.choices.push(...choices.map((c) => ({ ...c })));
  return session;
}

/** What differs between a debrief as it was and as it replays now, in plain words (empty: the same). */
export function debriefDifferences(was: Debrief, now: Debrief): string[] {
  if (JSON.stringify(was) === JSON.stringify(now)) return [];
  const out: string[] = [];
  if (was.overall.level !== now.overall.level) out.push(`overall ${was.overall.level ?? 'not observed'} then, ${now.overall.level ?? 'not observed'} now`);
  for (const d of now.dimensions) {
    const old = was.dimensions.find((x) => x.dimension === d.dimension);
    if (old && old.level !== d.level) out.push(`${d.title} ${old.level ?? 'not observed'} then, ${d.level ?? 'not observed'} now`);
  }
  if (out.length === 0) out.push('the levels agree, but some evidence or times differ');
  return out;
}
