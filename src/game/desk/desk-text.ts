/**
 * The words the desk's modals say: the briefing, the help sheet, a decision's footer, the ending. Pure, so the
 * wording is reviewed in one place and tested.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { TICK_MS } from './clock.ts';
import { formatDuration, formatPercent } from '../ui/format.ts';
import { DESK_KEYS, keyLabel, SPEED_STEP_KEYS } from '../ui/keymap.ts';
import type { Mode } from '../run/session.ts';

export function briefingBody(s: Scenario, mode: Mode): string {
  const slo = s.service.slos[0];
  const lines = [
    s.briefing || s.summary,
    '',
    `You are on call for ${s.service.name} (team ${s.service.team}).${slo ? ` Its ${slo.id} SLO is ${formatPercent(slo.objective / 100)} over ${formatDuration(slo.window)}.` : ''}`,
    `Time runs on its own: at 1× one real second is ${(s.telemetry.tick * 1000) / TICK_MS} sim seconds; every action costs sim time. The shift ends after ${formatDuration(s.timeLimit)} of sim time.`,
    mode === 'practice'
      ? 'Practice mode: a coach comments after your choices.'
      : 'Assessed mode: no coaching now — everything you do is weighed in the debrief.',
  ];
  return lines.join('\n');
}

/**
 * Every key the desk answers to, for the help sheet. Only the actions offered now are
 * listed: naming the rest would give away what the incident has in store.
 */
export function helpLines(actions: ReadonlyArray<{ label: string; key: string | undefined }>): string {
  const desk = [
    `${keyLabel(DESK_KEYS.ack)}  acknowledge the page`,
    `${keyLabel(DESK_KEYS.pause)}  pause / resume the clock`,
    `${SPEED_STEP_KEYS.slower} / ${SPEED_STEP_KEYS.faster}  slower / faster (1×, 2×, 5×, 10×; a fast clock slows to 1× while a decision is open)`,
    'Tab / Shift+Tab  switch side panel (Comms, Logs, Runbook, Findings)',
    'PgUp / PgDn  scroll the side panel · ←/→ switch runbook',
    `${DESK_KEYS.filter}  type a log filter (Enter keeps it, Esc clears) · ${DESK_KEYS.level}  log level`,
    '1–9 or ↑/↓  pick an answer of an open decision · Enter  answer with the picked one',
    'Esc  close the coach card, or open the pause menu (resume, restart, back to the scenarios)',
  ];
  const acts = actions.filter((a) => a.key).map((a) => `${keyLabel(a.key as string)} ${a.label}`);
  return [...desk, '', 'Actions offered now (more appear as the incident unfolds):', acts.join('   ·   ') || 'none right now'].join('\n');
}

export function endingBody(snap: RunSnapshot): string {
  const e = snap.ended;
  if (!e) return '';
  const spent = Math.max(0, snap.budget.spent - snap.budget.spentAtStart);
  return [e.text, '', `Ended at ${formatDuration(e.at)} of sim time. This incident spent ${formatPercent(spent)} of the ${formatDuration(snap.budget.windowSeconds)} error budget.`]
    .filter((l, i) => i > 0 || l)
    .join('\n');
}

/** Who may pause the clock on a desk: the player in single play, the facilitator in a team drill. */
export type ClockOwner = 'player' | 'facilitator';

/** A decision's footer: how to answer, the time left, and the clock's state as this desk's player can change it. */
export function decisionFooter(snap: RunSnapshot, paused: boolean, owner: ClockOwner = 'player'): string {
  const p = snap.prompts[0];
  const solo = owner === 'player';
  const clock = paused
    ? solo
      ? 'Clock paused.'
      : 'The facilitator has paused the clock.'
    : solo
      ? 'The clock runs on (Space pauses); you can still act.'
      : 'The clock runs on (only the facilitator can pause it); you can still act.';
  const how = 'Pick with a number or click, then Enter.';
  if (!p || p.deadline === null) return `${how} ${clock}`;
  return `${how} Answer within ${formatDuration(Math.max(0, p.deadline - snap.t))} or the default is taken. ${clock}`;
}
