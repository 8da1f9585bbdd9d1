/**
 * Play styles that try to game the scoring, generated for any scenario from its actions,
 * answers and L5 reference, each with the highest level it may be assessed at:
 *
 * - checklist: every action that is not an anti-pattern, in palette order, each answer
 *   its first non-harmful option (≤ L2: covering everything is not judgement);
 * - senior-answers: every answer its most senior-sounding option, every non-harmful
 *   action, most senior evidence first, relevance-blind (≤ L2);
 * - late-principal: the L5 reference, started only once an idle run has spent most of
 *   what it will spend (≤ L3: a late principal is not a principal);
 * - silent-principal: the L5 reference with no communicate action and no answer to a
 *   stakeholder (≤ L3: a principal also informs);
 * - idle: acknowledges the page and does nothing else (≤ L1);
 * - random: seeded random valid play that avoids anti-patterns, L4 or above in under 1%
 *   of runs.
 * Status updates these styles send say what was true (the strongest version of each
 * style); random play writes random content. Deterministic for a scenario and seed.
 */
import type { Action, Evidence, Level, Scenario } from '../scenario/schema/index.ts';
import { Run } from '../sim/engine.ts';
import { honestContent } from '../sim/honest-updates.ts';
import { createRng, type Rng } from '../sim/rng.ts';
import { runPlaythrough, transcriptOf, type TimedChoice, type Transcript } from '../sim/runner.ts';
import { UPDATE_WORDS, verdictNow } from '../sim/status-update.ts';
import { rank } from './ladder.ts';

type PromptOption = Scenario['prompts'][number]['options'][number];

/** A generated play style and the highest level it may be assessed at. */
export interface Persona {
  id: 'checklist' | 'senior-answers' | 'late-principal' | 'silent-principal' | 'idle';
  /** What the style does, in words. */
  title: string;
  /** The highest overall level it may reach. */
  bound: Level;
  seed: number;
  choices: TimedChoice[];
}

/** Share of random runs allowed at L4 or above. */
export const RANDOM_L4_SHARE = 0.01;

const harmful = (list: readonly Evidence[]) => list.some((e) => e.harmful);
const topLevel = (list: readonly Evidence[]) => Math.max(0, ...list.filter((e) => !e.harmful).map((e) => rank(e.level)));

/** What a style decides at each tick of a live run. */
interface Policy {
  /** Seconds after a page fires before acknowledging it (Infinity: never). */
  ackAfter: number;
  /** When to answer an open prompt (sim time), and with what; null leaves it. */
  answer(prompt: Scenario['prompts'][number], openedAt: number): { at: number; option: PromptOption } | null;
  /** The next action to start when the player is free, or null. */
  next(run: Run): Action | null;
  /** What a status update says. */
  update(run: Run): TimedChoice['update'];
}

/** Plays a policy through a live run, recording the choice log it produced. */
function drive(scenario: Scenario, seed: number, policy: Policy): { choices: TimedChoice[]; transcript: Transcript } {
  const run = new Run(scenario, { seed });
  const choices: TimedChoice[] = [];
  const answers = new Map<string, { at: number; option: PromptOption } | null>();
  while (!run.ended) {
    const t = run.t;
    const page = run.alerts.status.find((a) => a.route === 'page' && a.state === 'firing' && !a.acked);
    if (page && page.firedAt !== null && t >= page.firedAt + policy.ackAfter) {
      choices.push({ at: t, ack: true });
      run.send({ type: 'ack' });
    }
    for (const open of [...run.openPrompts]) {
      if (!answers.has(open.prompt.id)) answers.set(open.prompt.id, policy.answer(open.prompt, open.openedAt));
      const plan = answers.get(open.prompt.id);
      if (!plan || t < plan.at) continue;
      choices.push({ at: t, choose: `${open.prompt.id}.${plan.option.id}` });
      run.send({ type: 'choose', prompt: open.prompt.id, option: plan.option.id });
    }
    if (!run.busy && run.queue.length === 0) {
      const action = policy.next(run);
      if (action) {
        const update = action.statusUpdate ? policy.update(run) : undefined;
        choices.push(update ? { at: t, do: action.id, update } : { at: t, do: action.id });
        run.send(update ? { type: 'act', action: action.id, update } : { type: 'act', action: action.id });
      }
    }
    if (!run.ended) run.step();
  }
  return { choices, transcript: transcriptOf(run, choices) };
}

const honest = (run: Run) => honestContent(verdictNow(run, null).truth);

/** Takes each action of `order` once, as soon as it is available, skipping anti-patterns. */
function everything(order: readonly Action[]): Policy['next'] {
  return (run) => order.find((a) => !harmful(a.evidence) && !run.started.has(a.id) && run.isAvailable(a)) ?? null;
}

function checklist(scenario: Scenario): Policy {
  return {
    ackAfter: 30,
    answer: (p, openedAt) => {
      const option = p.options.find((o) => !harmful(o.evidence) && !o.default) ?? p.options.find((o) => !harmful(o.evidence));
      return option ? { at: openedAt + 30, option } : null;
    },
    next: everything(scenario.actions),
    update: honest,
  };
}

function seniorAnswers(scenario: Scenario): Policy {
  const bySeniority = [...scenario.actions].sort((a, b) => topLevel(b.evidence) - topLevel(a.evidence));
  return {
    ackAfter: 30,
    answer: (p, openedAt) => {
      const options = p.options.filter((o) => !harmful(o.evidence));
      const option = [...options].sort((a, b) => topLevel(b.evidence) - topLevel(a.evidence))[0];
      return option ? { at: openedAt + 30, option } : null;
    },
    next: everything(bySeniority),
    update: honest,
  };
}

const idle: Policy = { ackAfter: 30, answer: () => null, next: () => null, update: () => undefined };

function randomPolicy(scenario: Scenario, rng: Rng): Policy {
  let nextMove = 30 + rng.next() * 270;
  return {
    ackAfter: rng.next() < 0.1 ? Infinity : rng.next() * 600,
    answer: (p, openedAt) => {
      const options = p.options.filter((o) => !harmful(o.evidence));
      if (options.length === 0 || rng.next() < 0.15) return null;
      const option = options[Math.floor(rng.next() * options.length)] as PromptOption;
      return { at: openedAt + rng.next() * (p.timeout ?? 900), option };
    },
    next: (run) => {
      if (run.t < nextMove) return null;
      nextMove = run.t + 30 + rng.next() * 270;
      if (rng.next() < 0.2) return null;
      const available = scenario.actions.filter((a) => !harmful(a.evidence) && run.isAvailable(a));
      return available[Math.floor(rng.next() * available.length)] ?? null;
    },
    update: () => {
      const any = <K extends string>(words: Readonly<Record<K, string>>): K => {
        const keys = Object.keys(words) as K[];
        return keys[Math.floor(rng.next() * keys.length)] as K;
      };
      return { impact: any(UPDATE_WORDS.impact), known: any(UPDATE_WORDS.known), doing: any(UPDATE_WORDS.doing), next: any(UPDATE_WORDS.next) };
    },
  };
}

/** The scenario's highest reference (its L5 when it has one). */
function principal(scenario: Scenario) {
  return [...scenario.scoring.references].sort((a, b) => rank(b.expect) - rank(a.expect))[0] ?? null;
}

/**
 * When "most of the budget is gone": the first time a run in which the player only
 * acknowledges the page has spent two thirds of what it spends by its end.
 */
export function mostBudgetGoneAt(scenario: Scenario, seed: number): number {
  const { transcript } = drive(scenario, seed, idle);
  const spent = transcript.series['budget.spent'];
  if (!spent || spent.length === 0) return scenario.timeLimit;
  const start = spent[0] as number;
  const end = spent[spent.length - 1] as number;
  const mark = start + ((end - start) * 2) / 3;
  for (let i = 0; i < spent.length; i++) if ((spent[i] as number) >= mark && end > start) return transcript.time[i] as number;
  return scenario.timeLimit;
}

/** The generated play styles of a scenario (the reference-based ones only when it has a reference). */
export function personas(scenario: Scenario, seed = scenario.seed): Persona[] {
  const out: Persona[] = [
    { id: 'checklist', title: 'every action that is not an anti-pattern, in palette order', bound: 'L2', seed, choices: drive(scenario, seed, checklist(scenario)).choices },
    { id: 'senior-answers', title: 'every answer its most senior option, every action regardless of the situation', bound: 'L2', seed, choices: drive(scenario, seed, seniorAnswers(scenario)).choices },
    { id: 'idle', title: 'acknowledges the page and does nothing else', bound: 'L1', seed, choices: drive(scenario, seed, idle).choices },
  ];
  const top = principal(scenario);
  if (top && rank(top.expect) >= 4) {
    const refSeed = top.seed ?? scenario.seed;
    const first = Math.min(...top.choices.map((c) => c.at));
    const delay = Math.max(0, mostBudgetGoneAt(scenario, refSeed) - first);
    const late = top.choices.map((c) => ({ ...c, at: c.at + delay })) as TimedChoice[];
    out.push({ id: 'late-principal', title: `the ${top.expect} reference, started once most of the budget is gone`, bound: 'L3', seed: refSeed, choices: late });
    const kinds = new Map(scenario.actions.map((a) => [a.id, a.kind]));
    const asked = new Set(scenario.prompts.filter((p) => p.from).map((p) => p.id));
    const silent = top.choices.filter((c) => !(c.do && kinds.get(c.do) === 'communicate') && !(c.choose && asked.has(c.choose.split('.')[0] ?? ''))) as TimedChoice[];
    out.push({ id: 'silent-principal', title: `the ${top.expect} reference without a word to anyone`, bound: 'L3', seed: refSeed, choices: silent });
  }
  return out;
}

/** One seeded random playthrough that avoids anti-patterns. */
export function randomPlay(scenario: Scenario, seed: number): { choices: TimedChoice[]; transcript: Transcript } {
  const rng = createRng(seed ^ 0x6a09e667);
  return drive(scenario, scenario.seed, randomPolicy(scenario, rng));
}

/** Replays a persona's log. */
export function playPersona(scenario: Scenario, persona: Persona): Transcript {
  return runPlaythrough(scenario, { seed: persona.seed, choices: persona.choices });
}

/** A persona's replay, scored. */
export interface PersonaResult {
  persona: Persona;
  assessed: Level | null;
  /** True if it stayed at or under its bound. */
  ok: boolean;
}

/** How seeded random play scored. */
export interface RandomResult {
  /** Runs played: those asked for, or fewer if the tick budget ran out first. */
  runs: number;
  /** True if the tick budget stopped the runs before all those asked for were played. */
  cutShort: boolean;
  counts: Record<Level | 'none', number>;
  /** Share of runs at L4 or above. */
  highShare: number;
  ok: boolean;
  /** The first random log at L4 or above, to replay (null if none). */
  example: { seed: number; choices: TimedChoice[] } | null;
}

/**
 * Scores every persona and `randomRuns` seeded random plays. `assessOf` scores a
 * transcript. Random plays stop before one could take the simulated ticks of the random
 * plays past `maxTicks` (a run is counted at its longest, the time limit): a 72-hour
 * scenario with 1-second ticks is checked in seconds, on fewer runs, and says so.
 */
export function checkPersonas(
  scenario: Scenario,
  assessOf: (transcript: Transcript) => Level | null,
  options: { randomRuns?: number; seed?: number; maxTicks?: number } = {},
): { personas: PersonaResult[]; random: RandomResult } {
  const results = personas(scenario).map((persona) => {
    const assessed = assessOf(playPersona(scenario, persona));
    return { persona, assessed, ok: assessed === null || rank(assessed) <= rank(persona.bound) };
  });
  const asked = options.randomRuns ?? 200;
  const longest = Math.ceil(scenario.timeLimit / scenario.telemetry.tick) + 1;
  const runs = Math.min(asked, Math.floor((options.maxTicks ?? Infinity) / longest));
  const counts: Record<Level | 'none', number> = { L1: 0, L2: 0, L3: 0, L4: 0, L5: 0, none: 0 };
  let example: RandomResult['example'] = null;
  for (let i = 0; i < runs; i++) {
    const seed = (options.seed ?? 1) + i;
    const { choices, transcript } = randomPlay(scenario, seed);
    const level = assessOf(transcript);
    counts[level ?? 'none']++;
    if (!example && level && rank(level) >= 4) example = { seed: scenario.seed, choices };
  }
  const high = counts.L4 + counts.L5;
  const highShare = runs > 0 ? high / runs : 0;
  return { personas: results, random: { runs, cutShort: runs < asked, counts, highShare, ok: highShare < RANDOM_L4_SHARE, example } };
}
