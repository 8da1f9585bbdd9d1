/**
 * `scenario new --from-postmortem`: a postmortem → a scenario skeleton that loads and
 * plays. The timeline becomes the phases (before the trigger, the impact, recovering
 * after the fix), responders' steps become actions, outsiders' reports become messages,
 * and the action items a closing decision. Judgement calls (how bad the telemetry gets,
 * what each choice shows about the player) are left as `# TODO:` markers, with every
 * generated part quoting the timeline line it came from.
 */
import type { ScenarioInput } from '../schema/index.ts';
import { above, after, todo, type Draft, type Note } from './draft.ts';
import { durationText } from './from-service.ts';
import { parsePostmortem, type Postmortem, type TimelineEntry } from './postmortem.ts';
import { startingBudget, spoken } from './postmortem-budget.ts';
import { causeFacts } from './postmortem-facts.ts';
import { figuresFrom } from './postmortem-figures.ts';
import { fit, idFromLabel, labelOf } from './postmortem-text.ts';
import { suggestId } from './scenario-id.ts';
import { fastBurnAlert } from './service-part.ts';
import { ackInTime } from './template-choices.ts';
import { assignRoles, type Role } from './timeline-roles.ts';
import type { InputResult } from './yaml-input.ts';

type Input = ScenarioInput;
type ActionInput = NonNullable<Input['actions']>[number];

/** The scenario starts this long before the trigger, so the player sees a healthy baseline first. */
const LEAD = 120;
const MAX_ACTIONS = 40;
const MAX_MESSAGES = 20;
/** Healthy latency, in milliseconds, before the incident. */
const BASELINE = { p50: 40, p95: 120, p99: 250 };

/** Unique ids from labels: the words that carry meaning, kebab-case ("Open the edge dashboard" → open-edge-dashboard). */
function idMaker(): (text: string, fallback: string) => string {
  const taken = new Set<string>();
  return (text, fallback) => {
    const base = idFromLabel(text) || fallback;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}

const quote = (e: TimelineEntry) => `${e.clock} — ${fit(e.text, 110)}`;

/** Builds the skeleton from a parsed postmortem. */
export function postmortemDraft(id: string, pm: Postmortem, source: string): Draft {
  const roles = assignRoles(pm.timeline);
  const simTime = (e: TimelineEntry) => Math.max(LEAD, e.t - roles.trigger.t + LEAD);
  const notes: Note[] = [];
  const newId = idMaker();
  const service = pm.meta.service ? suggestId(pm.meta.service) ?? 'the-service' : 'the-service';
  const figures = figuresFrom(pm);
  const objective = figures.objective?.value ?? 99.9;
  const stated = figures.errorShare;
  const failing = stated?.value ?? 0.1;

  // The real fix time sets the pace: a player as quick as the real responders must survive.
  const fixAt = roles.fix ? simTime(roles.fix) : 30 * 60;
  const recoverFor = roles.fix && roles.recovered ? Math.max(60, roles.recovered.t - roles.fix.t) : 300;
  const losingAfter = Math.max(30 * 60, 1.5 * (fixAt - LEAD));
  const timeLimit = Math.min(72 * 3600, Math.max(3600, Math.ceil((1.3 * (LEAD + losingAfter)) / 900) * 900));
  const budget = startingBudget(objective, failing, fixAt - LEAD);

  const facts: NonNullable<Input['facts']> = [];
  const actions: ActionInput[] = [];
  const messages: NonNullable<Input['messages']> = [];
  const symptoms: string[] = [];
  const logLines: string[] = [];
  let alertName: string | undefined;
  const impactOnly = { phase: 'impact' };
  const actionFor = (entry: TimelineEntry, kind: ActionInput['kind'], extra: Partial<ActionInput>) => {
    const action: ActionInput = { id: newId(labelOf(entry.text), kind), kind, label: labelOf(entry.text), cost: '2m', ...extra, evidence: [] };
    notes.push(above(['actions', actions.length], quote(entry)), after(['actions', actions.length, 'evidence'], todo('what does taking this show? (dimension, level, why)')));
    actions.push(action);
    return action;
  };
  const handle: Record<Role, (e: TimelineEntry) => void> = {
    symptom: (e) => {
      symptoms.push(`${e.clock} ${e.text}`);
      for (const m of e.text.matchAll(/"([^"]{12,200})"|“([^”]{12,200})”/g)) logLines.push((m[1] ?? m[2]) as string);
    },
    alert: (e) => {
      alertName ??= /\b([A-Z][a-z]+(?:[A-Z][a-z0-9]+)+)\b/.exec(e.text)?.[1];
      notes.push(above(['alerts'], `Timeline: ${quote(e)}`));
    },
    report: (e) => {
      notes.push(above(['messages', messages.length], quote(e)));
      messages.push({ id: newId(e.text, 'report'), from: 'support', text: fit(e.text, 800), when: { at: durationText(simTime(e)) } });
    },
    investigate: (e) => {
      const action = actionFor(e, 'investigate', { effects: { reveal: [] } });
      const fact = `${action.id}-finding`;
      facts.push({ id: fact, text: fit(e.text, 600) });
      (action.effects as { reveal: string[] }).reveal.push(fact);
    },
    mitigate: (e) => void actionFor(e, 'mitigate', { available: impactOnly, effects: { result: `${todo('what the player sees')} (in reality: ${fit(e.text, 200)})` } }),
    communicate: (e) => {
      const severity = /\bSEV-?([1-5])\b/i.exec(e.text);
      actionFor(e, 'communicate', severity ? { effects: { declare: `SEV${severity[1]}` as 'SEV1' } } : {});
    },
    escalate: (e) => void actionFor(e, 'escalate', {}),
    recovered: () => undefined,
    trigger: () => undefined,
  };
  // A scenario with more choices than this is not playable; the author picks what matters.
  let leftOut = pm.skippedEntries;
  for (const { entry, role } of roles.during) {
    const full = role === 'report' ? messages.length >= MAX_MESSAGES : !['symptom', 'alert'].includes(role) && actions.length >= MAX_ACTIONS;
    if (full) leftOut++;
    else handle[role](entry);
  }
  if (leftOut > 0) notes.push(above(['actions'], todo(`${leftOut} more timeline entries were left out: a draft keeps the first ${MAX_ACTIONS} steps and ${MAX_MESSAGES} reports.`)));

  const causes = causeFacts(pm);
  const investigations = actions.filter((a) => a.kind === 'investigate');
  causes.forEach((cause, i) => {
    // The root cause comes from the last look before the fix; contributing factors from the earlier ones.
    const finder =
      cause.kind === 'root-cause' || investigations.length < 2
        ? investigations[investigations.length - 1]
        : investigations[i % (investigations.length - 1)];
    if (finder) (finder.effects as { reveal: string[] }).reveal.push(cause.id);
    const where = finder ? `revealed by ${finder.id}` : 'no investigation reveals it yet';
    const what = cause.kind === 'root-cause' ? 'Root cause' : 'Contributing factor';
    notes.push(above(['facts', facts.length], `${what} (postmortem line ${cause.line}); ${where}. ${todo('is that the action that should uncover it?')}`));
    facts.push({ id: cause.id, text: cause.text });
  });
  const rootCause = causes.find((c) => c.kind === 'root-cause')?.text;

  const fixLabel = roles.fix ? labelOf(roles.fix.text) : 'Apply the fix';
  notes.push(above(['actions', actions.length], roles.fix ? `The fix. ${quote(roles.fix)}` : todo('the postmortem\'s timeline names no fix; say what ends the impact.')));
  notes.push(after(['actions', actions.length, 'evidence'], todo('what does taking this show? (dimension, level, why)')));
  const fixId = newId(fixLabel, 'fix');
  actions.push({
    id: fixId,
    kind: 'mitigate',
    label: fixLabel,
    cost: '2m',
    available: impactOnly,
    runbook: 'high-error-rate',
    effects: { goto: 'recovering', marker: fit(fixLabel, 40) },
    evidence: [],
  });
  if (!actions.some((a) => a.kind === 'communicate')) {
    actions.push({ id: 'post-update', kind: 'communicate', label: 'Post a status update', cost: '1m', repeatable: true, evidence: [] });
  }

  const items = pm.actionItems.slice(0, 5);
  const prompts: NonNullable<Input['prompts']> =
    items.length > 0
      ? [
          {
            id: 'follow-up',
            question: 'The service is recovering. Which follow-up do you push for first?',
            when: { phase: 'recovering' },
            timeout: '3m',
            options: [
              ...items.map((item, i) => ({ id: `item-${i + 1}`, label: fit(item, 160), evidence: [] })),
              { id: 'none', label: 'None: the fix worked', default: true, evidence: [] },
            ],
          },
        ]
      : [];
  if (prompts.length > 0) notes.push(above(['prompts'], `From the action items. ${todo('give each option evidence: which level asks for it first?')}`, { gap: true }));

  const logs = logLines.slice(0, 3).map((text) => ({ level: 'error' as const, source: service, text: fit(text, 500), every: '10s' }));
  const impactDescription = fit([symptoms.join(' '), rootCause].filter(Boolean).join(' — '), 800) || undefined;
  const scenario: Input = {
    format: 1,
    id,
    title: fit(pm.title, 80),
    summary: fit(`${pm.title}.`, 400),
    briefing: fit(`You are on call for ${service}${pm.meta.team ? ` (${pm.meta.team})` : ''}.`, 2000),
    difficulty: 'intermediate',
    duration: Math.max(10, Math.min(600, Math.round(timeLimit / 60 / 2))),
    tags: ['from-postmortem'],
    seed: 1,
    timeLimit: durationText(timeLimit),
    timeoutEnding: 'out-of-time',
    service: {
      name: service,
      team: pm.meta.team ?? 'the-team',
      slos: [{ id: 'availability', kind: 'availability', objective, window: '30d', budgetSpentAtStart: budget.spent }],
    },
    telemetry: { tick: '10s', rps: 500, errorRatio: Number(((1 - objective / 100) / 10).toPrecision(3)), latency: { ...BASELINE } },
    alerts: [fastBurnAlert(service, alertName ?? 'FastBurn', 'high-error-rate')],
    runbooks: [{ id: 'high-error-rate', title: `${service}: high error rate`, file: 'runbooks/high-error-rate.md' }],
    facts,
    stakeholders: messages.length > 0 ? [{ id: 'support', name: 'Support', role: 'Customer support lead' }] : [],
    messages,
    phases: [
      {
        id: 'before',
        title: 'Before the change',
        transitions: [{ to: 'impact', when: { at: durationText(LEAD) }, description: fit(roles.trigger.text, 300) }],
      },
      {
        id: 'impact',
        title: fit(pm.title, 80),
        ...(impactDescription ? { description: impactDescription } : {}),
        onEnter: {
          marker: fit(labelOf(roles.trigger.text), 40),
          telemetry: [
            { metric: 'errorRatio', to: Number(failing.toPrecision(3)), shape: 'ramp', over: '1m' },
            figures.latency && figures.latency.value > BASELINE[figures.latency.metric]
              ? { metric: figures.latency.metric, to: Math.round(figures.latency.value), shape: 'ramp', over: '1m' }
              : { metric: 'p99', factor: 3, shape: 'ramp', over: '1m' },
            ...(figures.traffic ? [{ metric: 'rps', factor: figures.traffic.value, shape: 'ramp' as const, over: '1m' }] : []),
          ],
        },
        logs,
      },
      {
        id: 'recovering',
        title: 'Fixed; recovering',
        onEnter: {
          telemetry: [
            { metric: 'errorRatio', reset: true, shape: 'decay', over: '2m' },
            { metric: figures.latency && figures.latency.value > BASELINE[figures.latency.metric] ? figures.latency.metric : 'p99', reset: true, shape: 'decay', over: '2m' },
            ...(figures.traffic ? [{ metric: 'rps', reset: true, shape: 'decay' as const, over: '2m' }] : []),
          ],
        },
        transitions: [{ to: 'resolved', when: { inPhaseFor: durationText(recoverFor) }, description: roles.recovered ? fit(roles.recovered.text, 300) : 'The service is healthy again.' }],
      },
    ],
    endings: [
      { id: 'resolved', outcome: 'resolved', title: 'Service restored', text: fit(pm.sections.resolution?.text ?? 'The fix worked.', 1200) },
      { id: 'budget-exhausted', outcome: 'exhausted', title: 'Error budget exhausted', text: 'The error budget ran out before the fix.', when: { budgetSpentAbove: 1 } },
      { id: 'out-of-time', outcome: 'timeout', title: 'Out of time', text: 'Time ran out with the incident still open.' },
    ],
    actions,
    prompts,
    scoring: {
      rules: [ackInTime()],
      references: [],
    },
  };

  notes.push(
    after(['title'], todo('a title for the picker that does not give the answer away')),
    after(['summary'], todo('one or two sentences for the picker; no spoilers')),
    above(['service'], todo('check the service name, team and SLO.'), { gap: true }),
    after(['service', 'slos', 0, 'budgetSpentAtStart'], budget.problem ? todo(budget.problem) : `doing nothing runs it out ${spoken(budget.lasts)} after the trigger`),
    above(['service', 'slos', 0, 'budgetSpentAtStart'], budget.note),
    above(['telemetry'], todo('copy real baselines from the service\'s dashboards.'), { gap: true }),
    above(['alerts'], 'The page that starts the response.', { gap: true }),
    above(['runbooks'], 'A stub from the Detection and Resolution sections, in runbooks/.', { gap: true }),
    above(['facts'], 'What responders found, from the timeline.', { gap: true }),
    above(['phases'], `Phases from the timeline: the trigger (${roles.trigger.clock}) starts the impact two minutes in;\nthe fix moves to recovering; recovery ends it. Times are sim time from the start.`, { gap: true }),
    after(['phases', 1, 'onEnter', 'telemetry', 0], stated === undefined ? todo('the postmortem states no failure rate; 10% is a guess') : `from "${stated.quote}"${stated.line ? ` (line ${stated.line})` : ''}`),
    ...(figures.latency && figures.latency.value > BASELINE[figures.latency.metric] ? [after(['phases', 1, 'onEnter', 'telemetry', 1], `from "${figures.latency.quote}" (line ${figures.latency.line})`)] : []),
    ...(figures.traffic ? [after(['phases', 1, 'onEnter', 'telemetry', 2], `from "${figures.traffic.quote}" (line ${figures.traffic.line})`)] : []),
    ...(figures.objective ? [] : [after(['service', 'slos', 0, 'objective'], todo('the postmortem names no SLO; 99.9% is a guess'))]),
    above(['endings'], 'How a run can end.', { gap: true }),
    above(['actions'], 'What responders did, in timeline order, then the fix.', { gap: true }),
    above(['scoring'], todo('add rules and reference playthroughs (at least L1, L3 and L5); see docs/authoring.md.'), { gap: true }),
  );
  if (messages.length > 0) notes.push(above(['messages'], 'Reports from outside the response, sent when they happened.', { gap: true }));
  for (const e of roles.after) notes.push(above(['endings'], `Timeline (after the fix): ${quote(e)}`));

  const runbook = [
    `# ${service}: high error rate`,
    '',
    `<!-- ${todo('write this runbook as the player should find it, before the incident: correct, or stale on purpose (`stale: true`).')} -->`,
    '',
    '## How this usually shows up',
    '',
    pm.sections.detection?.text || todo('what the on-call engineer sees first'),
    '',
    '## What has worked',
    '',
    pm.sections.resolution?.text || todo('the steps that fixed it'),
    '',
  ].join('\n');
  const header = `\nGenerated from ${source}: "${fit(pm.title, 70)}".\nEvery generated part quotes the timeline entry it came from. Search for TODO to find\nthe judgement calls; check it with: npm run scenario -- check scenarios/${id}/scenario.yaml`;
  return { header, scenario, notes, files: [{ path: 'runbooks/high-error-rate.md', text: runbook }] };
}

/** Parses a postmortem and builds the skeleton; located diagnostics if it cannot be read. */
export function scenarioFromPostmortem(id: string, text: string, file: string): InputResult<Draft> {
  const parsed = parsePostmortem(text, file);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  return { value: postmortemDraft(id, parsed.value, file), diagnostics: parsed.diagnostics };
}
