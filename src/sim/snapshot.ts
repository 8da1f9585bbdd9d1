/**
 * What a player's screen shows of a run at one moment, derived from the run and nothing
 * else. Scenes render this; they never reach into the engine's rules.
 */
import type { ActionKind, StatusUpdateContent } from '../scenario/schema/index.ts';
import type { AlertStatus } from './alerts.ts';
import type { Run } from './engine.ts';
import type { LogEntry, RunEvent } from './events.ts';
import { budgetSeconds, timeToExhaustion } from './slo.ts';
import { updateLine } from './status-update.ts';

/** How many of the newest log lines a snapshot carries: more than a log panel can show or usefully filter. */
export const SNAPSHOT_LOG_LINES = 1000;

/** One action as the palette shows it. */
export interface ActionView {
  id: string;
  kind: ActionKind;
  label: string;
  description: string;
  key: string | null;
  cost: number;
  available: boolean;
  done: boolean;
  queued: boolean;
  runbook: string | null;
}

/** A message in the communications panel: from a stakeholder, or the player's own update. */
export interface MessageView {
  t: number;
  from: string;
  name: string;
  role: string;
  text: string;
  own: boolean;
}

/** An open decision prompt. */
export interface PromptView {
  id: string;
  question: string;
  from: string | null;
  openedAt: number;
  deadline: number | null;
  options: Array<{ id: string; label: string }>;
}

/** The error-budget gauge. */
export interface BudgetView {
  slo: string;
  objective: number;
  windowSeconds: number;
  /** Fraction of the window budget spent (may exceed 1). */
  spent: number;
  spentAtStart: number;
  budgetSeconds: number;
  remainingSeconds: number;
  burnRate5m: number;
  burnRate1h: number;
  /** Sim seconds until the budget is gone at the 5-minute burn rate; Infinity if not burning. */
  exhaustionSeconds: number;
}

/** Everything the incident desk draws. */
export interface RunSnapshot {
  t: number;
  tick: number;
  timeLimit: number;
  version: number;
  ended: Run['ending'];
  busy: { action: string; label: string; startedAt: number; until: number } | null;
  alerts: AlertStatus[];
  /** Page alerts firing and not yet acknowledged. */
  pager: AlertStatus[];
  budget: BudgetView;
  actions: ActionView[];
  prompts: PromptView[];
  messages: MessageView[];
  facts: Array<{ id: string; text: string; t: number }>;
  /** Results of completed actions and answers, newest last. */
  results: Array<{ t: number; source: string; text: string }>;
  markers: Array<{ t: number; label: string }>;
  openedRunbooks: string[];
  severity: string | null;
  /** The newest log lines (at most SNAPSHOT_LOG_LINES), oldest first. */
  logs: readonly LogEntry[];
  /** Ground truth for facilitators; players' screens do not show it. */
  phase: string;
}

/** Options for a snapshot. */
export interface SnapshotOptions {
  /** In a team drill, the person whose lane of work `busy` and `queued` show (see Run.lanes). */
  lane?: string;
}

/** Builds the snapshot of a run now. */
export function snapshotOf(run: Run, options: SnapshotOptions = {}): RunSnapshot {
  const s = run.scenario;
  const lane = options.lane === undefined ? run : (run.lanes.get(options.lane) ?? { busy: null, queue: [] as string[] });
  const work = lane.busy;
  const slo = s.service.slos.find((x) => x.id === run.primarySlo) ?? s.service.slos[0]!;
  const ledger = run.ledgers.get(run.primarySlo)!;
  const objective = slo.objective / 100;
  const total = budgetSeconds(objective, slo.window);
  const burn5m = ledger.burnRate(300);
  const stakeholders = new Map(s.stakeholders.map((p) => [p.id, p]));
  const actionLabel = new Map(s.actions.map((a) => [a.id, a]));
  const facts = new Map(s.facts.map((f) => [f.id, f.text]));
  const messages: MessageView[] = [];
  const results: RunSnapshot['results'] = [];
  const markers: RunSnapshot['markers'] = [];
  const opened = new Set<string>();
  const factTimes: RunSnapshot['facts'] = [];
  // What each status update said, by lane and action, from its start (its 'update' event follows its start).
  const said = new Map<string, StatusUpdateContent | null>();
  let started = '';
  for (const e of run.events as RunEvent[]) {
    if (e.type === 'message') {
      const who = stakeholders.get(e.from);
      messages.push({ t: e.t, from: e.from, name: who?.name ?? e.from, role: who?.role ?? '', text: e.text, own: false });
    } else if (e.type === 'action.start') {
      started = `${e.by ?? ''}|${e.action}`;
    } else if (e.type === 'update') {
      said.set(started, e.verdict.content);
    } else if (e.type === 'action.done') {
      const a = actionLabel.get(e.action);
      const content = said.get(`${e.by ?? ''}|${e.action}`);
      const text = content ? `${a?.label ?? e.action} — ${updateLine(content)}` : (a?.description ?? a?.label ?? e.action);
      if (a?.kind === 'communicate') messages.push({ t: e.t, from: 'you', name: 'You', role: 'on call', text, own: true });
      if (e.result) results.push({ t: e.t, source: a?.label ?? e.action, text: e.result });
    } else if (e.type === 'prompt.answer' && e.result) {
      results.push({ t: e.t, source: e.prompt, text: e.result });
    } else if (e.type === 'marker') {
      markers.push({ t: e.t, label: e.label });
    } else if (e.type === 'runbook') {
      opened.add(e.runbook);
    } else if (e.type === 'reveal') {
      factTimes.push({ id: e.fact, text: facts.get(e.fact) ?? e.fact, t: e.t });
    }
  }
  const alerts = run.alerts.status.map((a) => ({ ...a }));
  return {
    t: run.t,
    tick: run.tick,
    timeLimit: s.timeLimit,
    version: run.version,
    ended: run.ending,
    busy: work ? { action: work.action.id, label: work.action.label, startedAt: work.startedAt, until: work.until } : null,
    alerts,
    pager: alerts.filter((a) => a.route === 'page' && a.state === 'firing' && !a.acked),
    budget: {
      slo: slo.id,
      objective,
      windowSeconds: slo.window,
      spent: run.budgetSpent,
      spentAtStart: slo.budgetSpentAtStart,
      budgetSeconds: total,
      remainingSeconds: Math.max(0, (1 - run.budgetSpent) * total),
      burnRate5m: burn5m,
      burnRate1h: ledger.burnRate(3600),
      exhaustionSeconds: burn5m > 1 ? timeToExhaustion(slo.window, burn5m, Math.max(0, 1 - run.budgetSpent)) : Infinity,
    },
    actions: s.actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      label: a.label,
      description: a.description ?? '',
      key: a.key ?? null,
      cost: a.cost,
      available: run.isAvailable(a),
      done: run.done.has(a.id),
      queued: lane.queue.includes(a.id),
      runbook: a.runbook ?? null,
    })),
    prompts: run.openPrompts.map(({ prompt, openedAt, offered }) => ({
      id: prompt.id,
      question: prompt.question,
      from: prompt.from ?? null,
      openedAt,
      deadline: prompt.timeout !== undefined ? openedAt + prompt.timeout : null,
      options: offered.map((o) => ({ id: o.id, label: o.label })),
    })),
    messages,
    facts: factTimes,
    results,
    markers,
    openedRunbooks: [...opened],
    severity: run.severity,
    logs: run.logs.tail(SNAPSHOT_LOG_LINES),
    phase: run.phase,
  };
}
