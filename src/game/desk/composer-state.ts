/**
 * The status-update composer's state, without drawing: which field has focus, what was
 * picked in each, and what a key does. Nothing is pre-selected, and an update is sent
 * only by a deliberate confirm once every field has a choice — the composer never guesses
 * what the player meant to say.
 */
import type { StatusUpdateContent } from '../../scenario/schema/index.ts';
import { UPDATE_FIELDS, UPDATE_WORDS, type UpdateField } from '../../sim/status-update.ts';

/** The field titles the composer shows. */
export const FIELD_TITLES: Readonly<Record<UpdateField, string>> = {
  impact: 'Who is affected',
  known: 'What we know',
  doing: 'What we are doing',
  next: 'Next update',
};

/** The choices of one field, in the order the composer numbers them. */
export function fieldChoices(field: UpdateField): Array<{ value: string; label: string }> {
  return Object.entries(UPDATE_WORDS[field]).map(([value, label]) => ({ value, label: label as string }));
}

/** What the composer holds while open. */
export interface ComposerState {
  /** The action the update is sent with. */
  action: string;
  /** Index into UPDATE_FIELDS of the field with focus. */
  focus: number;
  picks: Partial<Record<UpdateField, string>>;
}

/** What a key press did. */
export type ComposerStep =
  | { type: 'state'; state: ComposerState }
  | { type: 'send'; action: string; update: StatusUpdateContent }
  | { type: 'cancel' }
  /** A key the composer does not use: swallowed, so nothing behind it reacts. */
  | { type: 'ignored' };

/** A fresh composer for `action`: focus on the first field, nothing picked. */
export function openComposer(action: string): ComposerState {
  return { action, focus: 0, picks: {} };
}

/** True once every field has a choice. */
export function complete(state: ComposerState): boolean {
  return UPDATE_FIELDS.every((f) => state.picks[f] !== undefined);
}

/**
 * The composer's answer to a key: ↑/↓ (or Shift+Tab/Tab) move between fields, a digit
 * picks that choice in the focused field and moves to the next field still empty, Enter
 * sends once all four are picked, Esc cancels.
 */
export function composerKey(state: ComposerState, key: string, shift = false): ComposerStep {
  const fields = UPDATE_FIELDS.length;
  if (key === 'Escape') return { type: 'cancel' };
  if (key === 'ArrowDown' || (key === 'Tab' && !shift)) return { type: 'state', state: { ...state, focus: (state.focus + 1) % fields } };
  if (key === 'ArrowUp' || (key === 'Tab' && shift)) return { type: 'state', state: { ...state, focus: (state.focus + fields - 1) % fields } };
  if (key === 'Enter') {
    if (!complete(state)) return { type: 'state', state: { ...state, focus: firstEmpty(state) ?? state.focus } };
    return { type: 'send', action: state.action, update: state.picks as StatusUpdateContent };
  }
  if (/^[1-9]$/.test(key)) {
    const field = UPDATE_FIELDS[state.focus] as UpdateField;
    const choice = fieldChoices(field)[Number(key) - 1];
    if (!choice) return { type: 'ignored' };
    const picks = { ...state.picks, [field]: choice.value };
    const next = firstEmpty({ ...state, picks }, state.focus);
    return { type: 'state', state: { ...state, picks, focus: next ?? state.focus } };
  }
  return { type: 'ignored' };
}

/** The first field without a choice, looking after `from` first and then from the top. */
function firstEmpty(state: ComposerState, from = -1): number | undefined {
  const order = [...UPDATE_FIELDS.keys()];
  const after = order.filter((i) => i > from);
  const before = order.filter((i) => i <= from);
  return [...after, ...before].find((i) => state.picks[UPDATE_FIELDS[i] as UpdateField] === undefined);
}
