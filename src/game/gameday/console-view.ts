/** The console's panels in words: seats, the hidden truth, the reference on the drill's clock. Pure. */
import type { Member, Truth } from '../../server/protocol.ts';
import { SEAT_NAMES } from '../../sim/team-roles.ts';
import { formatClock } from '../ui/format.ts';

/** One line per person: "● Ana — Incident Commander", with offline and taken-out marked. */
export function rosterLines(roster: readonly Member[]): string[] {
  const people = roster.filter((m) => m.seat !== 'facilitator');
  if (people.length === 0) return ['Nobody has joined yet. Show the code or the link to the room.'];
  return people.map((m) => `${m.out ? '✕' : m.connected ? '●' : '○'} ${m.name} — ${SEAT_NAMES[m.seat]}${m.out ? ' (taken out)' : m.connected ? '' : ' (offline)'}`);
}

/** The ground truth: where the incident is, what moves it on, and which facts the team has found. */
export function truthLines(truth: Truth | null): string[] {
  if (!truth) return ['Waiting for the room…'];
  const out = [`Phase: ${truth.phaseTitle}`];
  if (truth.phaseDescription) out.push(truth.phaseDescription);
  if (truth.next.length) out.push('', 'Moves on when:', ...truth.next.map((n) => `→ ${n.description || n.to}`));
  if (truth.facts.length) {
    const known = truth.facts.filter((f) => f.known).length;
    out.push('', `Facts found by the team: ${known} of ${truth.facts.length}`, ...truth.facts.map((f) => `${f.known ? '✓' : '·'} ${f.text}`));
  }
  return out;
}

const ROLE_SHORT: Record<string, string> = { ic: 'IC', ops: 'Ops', comms: 'Comms', observer: 'Obs' };

/** One row of the reference playthrough as the console lists it. */
export interface ReferenceRow {
  mark: '▶' | '·' | ' ';
  text: string;
}

/**
 * The reference playthrough around now: two steps already due (·), then the next ones
 * (▶ marks the next). A decision shows as the answer taken, not the whole question.
 */
export function referenceRows(truth: Truth | null, now: number, rows = 10): ReferenceRow[] {
  const ref = truth?.reference ?? [];
  if (ref.length === 0) return [{ mark: ' ', text: 'This scenario has no reference playthrough.' }];
  const next = ref.findIndex((r) => r.at > now);
  const first = Math.max(0, (next === -1 ? ref.length : next) - 2);
  return ref.slice(first, first + rows).map((r, i) => {
    const answer = r.label.includes(' → ') ? `decide: ${r.label.slice(r.label.lastIndexOf(' → ') + 3)}` : r.label;
    return { mark: first + i === next ? '▶' : r.at <= now ? '·' : ' ', text: `${formatClock(r.at).replace('T+', '')}  ${ROLE_SHORT[r.role] ?? r.role} · ${answer}` };
  });
}
