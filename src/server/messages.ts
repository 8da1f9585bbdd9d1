/** Turns validated client messages into team log events, and Zod issues into plain words. */
import type { z } from 'zod';
import type { TeamEvent } from '../sim/team-log.ts';
import type { ClientMessage, ClientMessageType } from './protocol.ts';

/** A validation failure as one line: where, and what is wrong, for at most three problems. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '';
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return parts.join('; ') + more;
}

/** The log event a validated message asks for. */
export function toTeamEvent<K extends ClientMessageType>(type: K, payload: ClientMessage<K>): TeamEvent {
  const p = payload as ClientMessage<ClientMessageType> & Record<string, unknown>;
  switch (type) {
    case 'act': {
      const update = (payload as ClientMessage<'act'>).update;
      return { type: 'act', action: p.action as string, ...(update ? { update } : {}) };
    }
    case 'choose':
      return { type: 'choose', prompt: p.prompt as string, option: p.option as string };
    case 'ack':
      return { type: 'ack' };
    case 'assign':
      return { type: 'assign', to: p.to as string, task: p.task as string };
    case 'askStatus':
      return { type: 'ask-status', to: (p.to as string | null) ?? null };
    case 'status':
      return { type: 'status', text: p.text as string };
    case 'handover':
      return { type: 'handover', to: p.to as string };
    case 'takeCommand':
      return { type: 'take-command' };
    default: {
      const c = payload as ClientMessage<'control'>;
      switch (c.op) {
        case 'speed':
          return { type: 'speed', speed: c.speed };
        case 'inject':
          return { type: 'inject', inject: c.inject };
        case 'say':
          return { type: 'say', from: c.from, text: c.text };
        case 'remove':
          return { type: 'remove', player: c.player };
        default:
          return { type: c.op };
      }
    }
  }
}
