/** What the scenes pass each other: a playable scenario and how to play it. */
import type { Scenario } from '../../scenario/schema/index.ts';
import type { SavedRun } from '../run/save.ts';
import type { Mode, Session, Speed } from '../run/session.ts';

/** A scenario that loaded cleanly, with its runbooks' markdown by runbook id. */
export interface Playable {
  scenario: Scenario;
  runbooks: ReadonlyMap<string, string>;
  /** Library scenarios can be found again after a reload; a dropped file cannot. */
  saveable: boolean;
  /** A dropped scenario's files (the scenario and its runbooks), kept with its runs in history. */
  files?: ReadonlyArray<{ name: string; text: string }>;
}

export interface PlayStart {
  playable: Playable;
  seed: number;
  mode: Mode;
  speed: Speed;
  resume?: SavedRun;
}

export interface DebriefStart {
  playable: Playable;
  session: Session;
  mode: Mode;
  /** A run reopened from history or imported from a file; absent for a run just played (which is kept in history). */
  origin?: 'history' | 'import';
  /** A line shown under the headline, e.g. whether an imported run replayed to the same debrief. */
  notice?: string;
}

/** What the history screen shows on arrival. */
export interface HistoryStart {
  notice?: string;
  /** The scenario selected in the picker: a choice log that names none is replayed on it. */
  scenarioId?: string;
}

/** What the picker shows on arrival: a note (e.g. a save that could not be restored). */
export interface PickerStart {
  notice?: string;
  /** Preselect this scenario (returning from a debrief). */
  scenarioId?: string;
  mode?: Mode;
  speed?: Speed;
}

export const SCENES = { boot: 'boot', picker: 'picker', desk: 'desk', debrief: 'debrief', history: 'history', progress: 'progress' } as const;
