/**
 * The run so far as a `references:` entry, ready to paste under `scoring:` in the scenario
 * file: authors calibrate the scorer by playing each level, not by hand-timing seconds.
 * Pure (no Phaser, no DOM), so it is tested in Node; record-reference.ts wires it to a key.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import type { Level } from '../../scenario/schema/primitives.ts';
import { assessRun } from '../../scoring/debrief.ts';
import type { Run } from '../../sim/engine.ts';
import { transcriptOf, type TimedChoice } from '../../sim/runner.ts';

/** What the entry says, and the YAML that says it. */
export interface ReferenceEntry {
  id: string;
  level: Level | null;
  choices: number;
  yaml: string;
}

/** One choice as a flow mapping, times in whole seconds as the library writes them. */
function choiceLine(c: TimedChoice): string {
  const what = c.do !== undefined ? `do: ${c.do}` : c.choose !== undefined ? `choose: ${c.choose}` : 'ack: true';
  return `        - { at: ${Math.round(c.at)}, ${what} }`;
}

/** An id that no reference of the scenario has yet: `played-l3`, `played-l3-2`, … */
function freshId(scenario: Scenario, level: Level | null): string {
  const base = `played-${(level ?? 'unassessed').toLowerCase()}`;
  const taken = new Set(scenario.scoring.references.map((r) => r.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * The run so far, assessed as the debrief would assess it, as a reference entry indented
 * to sit under `scoring:` → `references:`. `level` and `expect` are the assessed level;
 * a run with nothing observed yet says so in a comment and uses L1 for the author to edit.
 */
export function referenceEntry(scenario: Scenario, run: Run, choices: readonly TimedChoice[]): ReferenceEntry {
  const level = assessRun(scenario, transcriptOf(run, choices));
  const id = freshId(scenario, level);
  const shown = level ?? 'L1';
  const lines = [
    `    - id: ${id}`,
    `      level: ${shown}${level ? '' : '  # nothing was observed yet: set the level this run is meant to show'}`,
    `      description: Played in the game to ${Math.round(run.t / 60)} min, seed ${run.seed}.`,
    ...(run.seed === scenario.seed ? [] : [`      seed: ${run.seed}`]),
    `      expect: ${shown}`,
    '      choices:',
    ...(choices.length > 0 ? choices.map(choiceLine) : ['        []']),
  ];
  return { id, level, choices: choices.length, yaml: `${lines.join('\n')}\n` };
}
