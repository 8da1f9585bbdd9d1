/**
 * Status updates in a team drill: who sent each one the engine judged, and the verdict on
 * each update in the log. The engine records an update's verdict when its action starts,
 * right after the start that names the sender, so both are read back from the transcript.
 */
import type { UpdateVerdict } from '../sim/status-update.ts';
import type { Transcript } from '../sim/runner.ts';
import type { TeamLogEntry } from '../sim/team-log.ts';

/** The person behind the transcript event at `seq` (its `by`; for an update verdict, its action's start's), or null. */
export function senderAt(transcript: Transcript, seq: number): string | null {
  const ev = transcript.events[seq];
  if (ev?.type !== 'update') return (ev as { by?: string } | undefined)?.by ?? null;
  for (let i = seq - 1; i >= 0; i--) {
    const before = transcript.events[i];
    if (before?.type === 'action.start' && before.action === ev.action) return before.by ?? null;
  }
  return null;
}

/**
 * The engine's verdict on each status update of the log, by log sequence. Each sender's
 * updates start in the order they asked for them, so a person's n-th verdict for an action
 * is their n-th request of it.
 */
export function updateVerdicts(log: readonly TeamLogEntry[], transcript: Transcript): Map<number, UpdateVerdict> {
  const out = new Map<number, UpdateVerdict>();
  const waiting = log.filter((e) => e.event.type === 'act' && e.event.update);
  transcript.events.forEach((ev, seq) => {
    if (ev.type !== 'update') return;
    const by = senderAt(transcript, seq);
    const i = waiting.findIndex((e) => e.player === by && e.event.type === 'act' && e.event.action === ev.action && e.t <= ev.t);
    if (i < 0) return;
    out.set((waiting[i] as TeamLogEntry).seq, ev.verdict);
    waiting.splice(i, 1);
  });
  return out;
}
