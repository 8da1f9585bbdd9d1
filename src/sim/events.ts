/** The records a run produces: choices, events, logs. Plain JSON, so transcripts can be saved. */
import type { ActionKind, StatusUpdateContent } from '../scenario/schema/index.ts';
import type { AlertState } from './alerts.ts';
import type { FrozenView } from './conditions.ts';
import type { UpdateVerdict } from './status-update.ts';

/** What the player can send a run. */
export type PlayerEvent =
  /** `by` names the person in a team drill: their own lane of work (see Run.lanes). */
  /** `update`: with a status-update action, what the update says. */
  | { type: 'act'; action: string; update?: StatusUpdateContent; by?: string }
  | { type: 'choose'; prompt: string; option: string; by?: string }
  | { type: 'ack'; by?: string }
  /** A team drill's facilitator fires one of the scenario's injects. */
  | { type: 'inject'; inject: string }
  /** A team drill's facilitator speaks as a stakeholder (an ad hoc message). */
  | { type: 'say'; from: string; text: string };

/** A choice the run accepted, with the state of the run when it was made (for scoring). */
export interface ChoiceRecord {
  t: number;
  kind: 'act' | 'choose' | 'ack';
  /** Action id, "prompt.option", or "ack". */
  id: string;
  actionKind?: ActionKind;
  /** Completion time of an action; equals t for prompt answers and acks. */
  completedAt: number | null;
  view: FrozenView;
}

/** Everything that happens in a run, in order. */
export type RunEvent =
  | { t: number; type: 'phase'; phase: string; from: string | null }
  | { t: number; type: 'alert'; alert: string; from: AlertState; to: AlertState; value: number }
  | { t: number; type: 'page'; alert: string }
  | { t: number; type: 'ack'; alerts: string[]; by?: string }
  | { t: number; type: 'action.start'; action: string; until: number; by?: string }
  | { t: number; type: 'action.queued'; action: string; by?: string }
  | { t: number; type: 'action.done'; action: string; result: string | null; by?: string }
  | { t: number; type: 'rejected'; what: string; reason: string }
  | { t: number; type: 'prompt.open'; prompt: string }
  | { t: number; type: 'prompt.answer'; prompt: string; option: string; result: string | null; by?: string }
  | { t: number; type: 'prompt.lapse'; prompt: string; option: string | null }
  | { t: number; type: 'message'; from: string; text: string; message: string | null }
  | { t: number; type: 'reveal'; fact: string }
  | { t: number; type: 'declare'; severity: string }
  | { t: number; type: 'runbook'; runbook: string }
  | { t: number; type: 'marker'; label: string }
  | { t: number; type: 'inject'; inject: string }
  | { t: number; type: 'ending'; ending: string; outcome: string }
  /** A status update sent (at its action's start), with what it said and whether each field was true. */
  | { t: number; type: 'update'; action: string; verdict: UpdateVerdict }
  /** The incident was closed while it still burned: the close did not take and the page fired again. */
  | { t: number; type: 'reopen'; burn: number; ending: string };

/** One log line as the log viewer shows it. */
export interface LogEntry {
  t: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  source: string;
  text: string;
}
