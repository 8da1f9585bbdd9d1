/** A team log entry in plain words, as a debrief's shared timeline prints it. */
import type { Scenario } from '../scenario/schema/index.ts';
import { FIELD_WORDS, updateLine, type UpdateVerdict } from '../sim/status-update.ts';
import type { TeamLogEntry } from '../sim/team-log.ts';
import { SEAT_NAMES } from '../sim/team-roles.ts';

/** Whether a status update was true when it went out, in words. */
function truthWords(verdict: UpdateVerdict | undefined): string {
  if (!verdict) return '';
  return verdict.accurate ? ' (true when sent)' : ` (not true when sent: ${verdict.wrong.map((f) => FIELD_WORDS[f]).join(', ')})`;
}

/**
 * What an entry did, e.g. `took "Open the payments-gateway dashboard"` or `assigned Bo: cache`.
 * A status update adds what it said and, given the engine's verdict, whether that was true.
 */
export function describeEntry(scenario: Scenario, entry: TeamLogEntry, names: ReadonlyMap<string, string>, verdict?: UpdateVerdict): string {
  const e = entry.event;
  const name = (id: string | null) => (id === null ? 'everyone' : (names.get(id) ?? id));
  switch (e.type) {
    case 'act': {
      const took = `took "${scenario.actions.find((a) => a.id === e.action)?.label ?? e.action}"`;
      return e.update ? `${took}: "${updateLine(e.update)}"${truthWords(verdict)}` : took;
    }
    case 'choose': {
      const prompt = scenario.prompts.find((p) => p.id === e.prompt);
      const option = prompt?.options.find((o) => o.id === e.option);
      return `answered "${option?.label ?? e.option}"`;
    }
    case 'ack':
      return 'acknowledged the page';
    case 'inject':
      return `fired "${scenario.injects.find((i) => i.id === e.inject)?.label ?? e.inject}"`;
    case 'say':
      return `spoke as ${scenario.stakeholders.find((s) => s.id === e.from)?.name ?? e.from}: "${e.text}"`;
    case 'assign': {
      const action = scenario.actions.find((a) => a.id === e.task);
      return `assigned ${name(e.to)}: ${action ? `"${action.label}"` : e.task}`;
    }
    case 'ask-status':
      return `asked ${name(e.to)} for status`;
    case 'status':
      return `reported: "${e.text}"`;
    case 'handover':
      return `handed command to ${name(e.to)}`;
    case 'take-command':
      return 'took command';
    case 'join':
      return `joined as ${SEAT_NAMES[e.seat]}`;
    case 'remove':
      return `took ${name(e.player)} out of the drill`;
    case 'speed':
      return `set the speed to ${e.speed}x`;
    default:
      return `${e.type === 'end' ? 'ended' : e.type === 'start' ? 'started' : e.type === 'pause' ? 'paused' : 'resumed'} the drill`;
  }
}
