/**
 * Which overall levels can a player actually reach in a scenario? A bounded, seeded search
 * over real playthroughs answers it (the engine runs thousands a second):
 *
 * 1. Policy play. Simulated players drive the engine tick by tick. Each has a target level
 *    and a temperament drawn from the seed: how long they think between moves, how soon
 *    they acknowledge a page and answer prompts (sometimes too late), how often they idle.
 *    At each decision they pick among what is actually available, favouring actions and
 *    answers whose evidence sits near their target (a softmax over the distance, so they
 *    still make off-target moves). Targets cycle through L1…L5 plus an unbiased player.
 * 2. Greedy repair. For each level still unreached, the playthroughs that came closest are
 *    mutated (drop a choice, move one in time, swap a prompt answer, insert an action) and
 *    replayed, keeping a mutation whenever it moves the result towards the level.
 *
 * Everything is seeded: the same scenario, options and seed give the same report.
 */
import type { Dimension, Evidence, Level, Scenario } from '../scenario/schema/index.ts';
import { Run } from '../sim/engine.ts';
import { honestContent } from '../sim/honest-updates.ts';
import { UPDATE_WORDS, verdictNow } from '../sim/status-update.ts';
import { createRng, type Rng } from '../sim/rng.ts';
import { runPlaythrough, transcriptOf, type TimedChoice, type Transcript } from '../sim/runner.ts';
import type { Assessment } from './assess.ts';
import { scoreRun } from './debrief.ts';
import { DIMENSIONS, LEVELS, rank } from './ladder.ts';

/** Search bounds. */
export interface ExploreOptions {
  /** Policy playthroughs (default 1,500). */
  playthroughs?: number;
  /** Replays allowed for greedy repair of each unreached level (default 250). */
  repairBudget?: number;
  /** Seed for the search itself (default 1). Runs use the scenario's seed. */
  seed?: number;
  /**
   * Most engine ticks the whole search may simulate (default {@link DEFAULT_MAX_TICKS}): a
   * long scenario with a short tick costs hundreds of thousands of ticks a playthrough, so
   * the search stops there and says it was cut short. Counted in ticks, not seconds, so the
   * report stays the same on any machine.
   */
  maxTicks?: number;
  /** Called now and then with the playthroughs done so far and the most there will be. */
  onProgress?: (done: number, planned: number) => void;
}

/** The default tick budget of a search: several times what any library scenario needs. */
export const DEFAULT_MAX_TICKS = 5_000_000;

/** A playthrough that reached a level: replay it with `runPlaythrough(scenario, { seed, choices })`. */
export interface Witness {
  seed: number;
  choices: TimedChoice[];
}

/** What the search found. */
export interface ExploreReport {
  playthroughs: number;
  /** Overall levels some playthrough reached, lowest first. */
  reachable: Level[];
  /** How many playthroughs ended at each overall level ("none": nothing observed). */
  counts: Record<Level | 'none', number>;
  /** One playthrough per reachable level. */
  witnesses: Partial<Record<Level, Witness>>;
  /** Per dimension, the levels some playthrough reached. */
  dimensionLevels: Record<Dimension, Level[]>;
  /** Keys of every evidence item some playthrough showed. */
  shownKeys: string[];
  /** True when the tick budget ran out before the planned playthroughs were done. */
  cutShort: boolean;
  /** Engine ticks simulated. */
  ticks: number;
}

interface Temperament {
  target: number | null;
  /** Lower is greedier. */
  temperature: number;
  think: [number, number];
  ackDelay: number;
  idle: number;
  maxActions: number;
}

/** How close an evidence list sits to a target level: higher is closer. Harmful items repel all but L1 players. */
function affinity(list: readonly Evidence[], target: number | null): number {
  if (target === null || list.length === 0) return 0;
  let sum = 0;
  for (const e of list) sum += e.harmful ? (target === 1 ? 0.5 : -3) : -Math.abs(rank(e.level) - target);
  return sum / list.length;
}

function pick<T>(rng: Rng, items: readonly T[], score: (x: T) => number, temperature: number): T | undefined {
  if (items.length === 0) return undefined;
  const weights = items.map((x) => Math.exp(score(x) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] as number;
    if (r <= 0) return items[i];
  }
  return items[items.length - 1];
}

function temperament(rng: Rng, target: number | null, scenario: Scenario): Temperament {
  const fast = rng.next();
  return {
    target,
    temperature: 0.15 + rng.next() * 1.2,
    think: [rng.next() * 30, 30 + fast * 240],
    ackDelay: rng.next() < 0.1 ? Infinity : rng.next() * 600,
    idle: rng.next() * 0.4,
    maxActions: 3 + Math.floor(rng.next() * Math.max(4, scenario.actions.length)),
  };
}

/** Picks one of a field's choices at random. */
function anyOf<K extends string>(rng: Rng, words: Readonly<Record<K, string>>): K {
  const keys = Object.keys(words) as K[];
  return keys[Math.floor(rng.next() * keys.length)] as K;
}

/**
 * What a simulated player writes in a status update: the truth more often the higher their
 * target level (the desk shows everything an update needs), otherwise a guess per field.
 */
function composeUpdate(run: Run, rng: Rng, who: Temperament): TimedChoice['update'] {
  const honest = 0.35 + 0.12 * (who.target ?? 2);
  if (rng.next() < honest) return honestContent(verdictNow(run, null).truth);
  return { impact: anyOf(rng, UPDATE_WORDS.impact), known: anyOf(rng, UPDATE_WORDS.known), doing: anyOf(rng, UPDATE_WORDS.doing), next: anyOf(rng, UPDATE_WORDS.next) };
}

/** One simulated player's run. */
function policyPlay(scenario: Scenario, rng: Rng, who: Temperament, allowance: number): { choices: TimedChoice[]; transcript: Transcript } | null {
  const run = new Run(scenario, { seed: scenario.seed });
  const choices: TimedChoice[] = [];
  const answerAt = new Map<string, number>();
  let nextMove = who.think[0];
  let actions = 0;
  const send = (c: TimedChoice) => {
    choices.push(c);
    if (c.ack) run.send({ type: 'ack' });
    else if (c.do) run.send(c.update ? { type: 'act', action: c.do, update: c.update } : { type: 'act', action: c.do });
    else if (c.choose) {
      const [prompt = '', option = ''] = c.choose.split('.');
      run.send({ type: 'choose', prompt, option });
    }
  };
  while (!run.ended) {
    const t = run.t;
    const page = run.alerts.status.find((a) => a.route === 'page' && a.state === 'firing' && !a.acked);
    if (page && page.firedAt !== null && t >= page.firedAt + who.ackDelay) send({ at: t, ack: true });
    for (const open of [...run.openPrompts]) {
      const { prompt, offered } = open;
      let due = answerAt.get(prompt.id);
      if (due === undefined) {
        // Most players answer within the timeout; some let it lapse.
        const limit = prompt.timeout ?? 900;
        due = open.openedAt + rng.next() * limit * 1.25;
        answerAt.set(prompt.id, due);
      }
      if (t < due) continue;
      const option = pick(rng, offered, (o) => affinity(o.evidence, who.target), who.temperature);
      if (option) send({ at: t, choose: `${prompt.id}.${option.id}` });
    }
    if (t >= nextMove && !run.busy && run.queue.length === 0 && actions < who.maxActions) {
      nextMove = t + who.think[0] + rng.next() * (who.think[1] - who.think[0]);
      if (rng.next() >= who.idle) {
        const available = scenario.actions.filter((a) => run.isAvailable(a));
        const action = pick(rng, available, (a) => affinity(a.evidence, who.target), who.temperature);
        if (action) {
          send(action.statusUpdate ? { at: t, do: action.id, update: composeUpdate(run, rng, who) } : { at: t, do: action.id });
          actions++;
        }
      }
    }
    if (!run.ended) {
      // Out of budget: a run cut off before its end would be assessed unfairly, so none is kept.
      if (run.t / run.tick >= allowance) return null;
      run.step();
    }
  }
  return { choices, transcript: transcriptOf(run, choices) };
}

function mutate(scenario: Scenario, rng: Rng, choices: readonly TimedChoice[]): TimedChoice[] {
  const out = choices.map((c) => ({ ...c }));
  const roll = rng.next();
  const i = Math.floor(rng.next() * out.length);
  const c = out[i];
  if (roll < 0.3 && c) {
    out.splice(i, 1);
  } else if (roll < 0.55 && c) {
    c.at = Math.max(0, Math.round((c.at + (rng.next() - 0.5) * 600) / 10) * 10);
  } else if (roll < 0.75 && c?.choose) {
    const prompt = scenario.prompts.find((p) => p.id === c.choose?.split('.')[0]);
    const option = prompt?.options[Math.floor(rng.next() * prompt.options.length)];
    if (prompt && option) c.choose = `${prompt.id}.${option.id}`;
  } else {
    const action = scenario.actions[Math.floor(rng.next() * scenario.actions.length)];
    const at = Math.round((rng.next() * scenario.timeLimit * 0.6) / 10) * 10;
    if (action) out.push({ at, do: action.id });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Distance of an assessment from a target level: 0 on target, lower is closer. */
function distance(a: Assessment, target: number): number {
  const overall = a.overall.level === null ? 0 : rank(a.overall.level);
  // Break ties by how many dimensions already sit at the target, so repair can climb.
  const near = a.dimensions.filter((d) => d.supported !== null && rank(d.supported) >= target).length;
  return Math.abs(overall - target) * 20 - (target > overall ? near : -near);
}

/** Explores a scenario's reachable play. Deterministic for a given scenario and options. */
export function exploreLevels(scenario: Scenario, options: ExploreOptions = {}): ExploreReport {
  const total = options.playthroughs ?? 1500;
  const repairBudget = options.repairBudget ?? 250;
  const rng = createRng((options.seed ?? 1) ^ 0x2545f491);
  const counts: Record<Level | 'none', number> = { L1: 0, L2: 0, L3: 0, L4: 0, L5: 0, none: 0 };
  const witnesses: Partial<Record<Level, Witness>> = {};
  const dims = new Map<Dimension, Set<Level>>();
  const shown = new Set<string>();
  const pool: Array<{ choices: TimedChoice[]; assessment: Assessment }> = [];
  let played = 0;
  const maxTicks = options.maxTicks ?? DEFAULT_MAX_TICKS;
  let ticks = 0;
  let cutShort = false;
  const planned = scenario.scoring.references.length + total + LEVELS.length * repairBudget;
  // Every playthrough: the listener decides how often to say so (a long one can take seconds).
  const progress = () => options.onProgress?.(played, planned);

  const record = (choices: TimedChoice[], transcript: Transcript): Assessment => {
    const { assessment, evidence } = scoreRun(scenario, transcript);
    played++;
    const level = assessment.overall.level;
    counts[level ?? 'none']++;
    if (level && !witnesses[level]) witnesses[level] = { seed: scenario.seed, choices };
    for (const d of assessment.dimensions) if (d.level) (dims.get(d.dimension) ?? dims.set(d.dimension, new Set()).get(d.dimension))?.add(d.level);
    for (const e of evidence) shown.add(e.key);
    return assessment;
  };

  for (const ref of scenario.scoring.references) {
    const choices = ref.choices.map((c) => ({ ...c })) as TimedChoice[];
    const transcript = runPlaythrough(scenario, { seed: scenario.seed, choices });
    ticks += transcript.time.length - 1;
    pool.push({ choices, assessment: record(choices, transcript) });
  }
  const targets: Array<number | null> = [1, 2, 3, 4, 5, null];
  for (let i = 0; i < total && !cutShort; i++) {
    const who = temperament(rng, targets[i % targets.length] ?? null, scenario);
    const outcome = policyPlay(scenario, rng, who, maxTicks - ticks);
    if (!outcome) {
      cutShort = true;
      break;
    }
    const { choices, transcript } = outcome;
    ticks += transcript.time.length - 1;
    const assessment = record(choices, transcript);
    progress();
    // Keep a spread of starting points for repair: the first few of each outcome.
    if (pool.length < 200 || rng.next() < 0.05) pool.push({ choices, assessment });
  }

  for (const level of LEVELS) {
    if (witnesses[level] || cutShort) continue;
    const target = rank(level);
    let best = [...pool].sort((a, b) => distance(a.assessment, target) - distance(b.assessment, target))[0];
    if (!best) continue;
    let score = distance(best.assessment, target);
    for (let k = 0; k < repairBudget && !witnesses[level]; k++) {
      // A replay runs to the end of the run at most: stop before one could pass the budget.
      if (ticks + Math.ceil(scenario.timeLimit / scenario.telemetry.tick) + 1 > maxTicks) {
        cutShort = true;
        break;
      }
      const choices = mutate(scenario, rng, best.choices);
      const transcript = runPlaythrough(scenario, { seed: scenario.seed, choices });
      ticks += transcript.time.length - 1;
      const assessment = record(choices, transcript);
      progress();
      const d = distance(assessment, target);
      if (d <= score) {
        best = { choices, assessment };
        score = d;
      }
    }
  }

  const dimensionLevels = {} as Record<Dimension, Level[]>;
  for (const d of DIMENSIONS) {
    dimensionLevels[d] = [...(dims.get(d) ?? [])].sort((a, b) => rank(a) - rank(b));
  }
  return {
    playthroughs: played,
    reachable: LEVELS.filter((l) => counts[l] > 0),
    counts,
    witnesses,
    dimensionLevels,
    shownKeys: [...shown].sort(),
    cutShort,
    ticks,
  };
}

/** The levels a report reached, as "L1–L4" or "L2, L4". */
export function describeLevels(levels: readonly Level[]): string {
  if (levels.length === 0) return 'none';
  const ranks = levels.map(rank);
  const contiguous = ranks.every((r, i) => i === 0 || r === (ranks[i - 1] as number) + 1);
  return contiguous && levels.length > 2 ? `${levels[0]}–${levels[levels.length - 1]}` : levels.join(', ');
}
