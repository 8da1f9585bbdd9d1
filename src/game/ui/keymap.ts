/**
 * The keyboard map of the game. Pure: the scenes turn a key into a command here and then
 * do it, so the whole map is unit-tested and the help overlay lists exactly what works.
 */

/**
 * Speed steps down and up through the clock's speeds. Not digits: the digits belong to
 * decisions, and a speed key that could answer the VP would be a trap.
 */
export const SPEED_STEP_KEYS = { slower: '-', faster: '=' } as const;

/** The desk's own keys. Scenario actions never get these. */
export const DESK_KEYS = {
  ack: 'a',
  pause: ' ',
  help: '?',
  filter: '/',
  level: '\\',
} as const;

const RESERVED = new Set<string>([DESK_KEYS.ack, ...'0123456789']);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** An action as the key assigner needs it. */
export interface KeyedAction {
  id: string;
  label: string;
  key: string | null;
}

/**
 * Gives every action a key. An author's key is kept unless the desk reserves it or an
 * earlier action already has it; the rest get a letter from their label's words, then any
 * free letter, then shift+letter (written upper-case). Deterministic: same actions, same keys.
 */
export function assignActionKeys(actions: readonly KeyedAction[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>(RESERVED);
  for (const a of actions) {
    if (a.key && !taken.has(a.key)) {
      keys.set(a.id, a.key);
      taken.add(a.key);
    }
  }
  for (const a of actions) {
    if (keys.has(a.id)) continue;
    const words = a.label.toLowerCase().split(/[^a-z]+/).filter(Boolean);
    const candidates = [...words.map((w) => w[0] as string), ...a.label.toLowerCase().replace(/[^a-z]/g, ''), ...LETTERS];
    let key = candidates.find((c) => !taken.has(c));
    if (!key) key = [...LETTERS].map((c) => c.toUpperCase()).find((c) => !taken.has(c));
    if (!key) continue; // more than 50 actions: the schema caps at 80, the palette still offers a click
    keys.set(a.id, key);
    taken.add(key);
  }
  return keys;
}

/** How a key is printed on a key cap: "R", "⇧R", "Space". */
export function keyLabel(key: string): string {
  if (key === ' ') return 'Space';
  if (/^[A-Z]$/.test(key)) return `⇧${key}`;
  return key.toUpperCase();
}

/** The parts of a browser KeyboardEvent the map reads. */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/** What the desk should do with a key. */
export type DeskCommand =
  | { type: 'ack' }
  | { type: 'pause' }
  | { type: 'speed'; step: 1 | -1 }
  | { type: 'act'; action: string }
  | { type: 'select'; index: number }
  | { type: 'confirm' }
  | { type: 'tab'; step: 1 | -1 }
  | { type: 'scroll'; lines: number }
  | { type: 'filter' }
  | { type: 'level' }
  | { type: 'help' }
  | { type: 'menu' }
  | { type: 'chart-page'; step: 1 | -1 };

/** What the desk is showing, as far as the keyboard cares. */
export interface DeskKeyContext {
  /** Number of options of the open prompt, or 0 if none is open. */
  promptOptions: number;
  /** Action id for each assigned key. */
  actionByKey: ReadonlyMap<string, string>;
  shift?: boolean;
}

/** Turns a key press on the desk into a command, or null if it means nothing there. */
export function deskCommand(input: KeyInput, ctx: DeskKeyContext): DeskCommand | null {
  if (input.ctrlKey || input.altKey || input.metaKey) return null;
  const key = input.key;
  if (key === 'Escape') return { type: 'menu' };
  if (key === 'Tab') return { type: 'tab', step: ctx.shift ? -1 : 1 };
  if (key === 'PageDown') return { type: 'scroll', lines: 8 };
  if (key === 'PageUp') return { type: 'scroll', lines: -8 };
  if (key === ' ') return { type: 'pause' };
  // The digits only ever pick an answer of an open decision, and picking is not answering:
  // Enter confirms the picked answer. Off a decision the digits mean nothing.
  if (/^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return index < ctx.promptOptions ? { type: 'select', index } : null;
  }
  if (key === 'Enter') return ctx.promptOptions > 0 ? { type: 'confirm' } : null;
  if (key === SPEED_STEP_KEYS.slower || key === '_') return { type: 'speed', step: -1 };
  if (key === SPEED_STEP_KEYS.faster || key === '+') return { type: 'speed', step: 1 };
  if (key === ']') return { type: 'chart-page', step: 1 };
  if (key === '[') return { type: 'chart-page', step: -1 };
  if (key === DESK_KEYS.help) return { type: 'help' };
  if (key === DESK_KEYS.filter) return { type: 'filter' };
  if (key === DESK_KEYS.level) return { type: 'level' };
  if (key === DESK_KEYS.ack) return { type: 'ack' };
  const action = ctx.actionByKey.get(key);
  return action ? { type: 'act', action } : null;
}

/** What a key does on the picker: move through the list and controls, or activate. */
export type PickerCommand =
  | { type: 'move'; step: 1 | -1 }
  | { type: 'focus'; step: 1 | -1 }
  | { type: 'activate' }
  | { type: 'play' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'open-file' }
  | { type: 'digit'; digit: string }
  | { type: 'erase' }
  | { type: 'page'; step: 1 | -1 }
  | { type: 'close' };

/** Turns a key press on the picker into a command. Enter plays from anywhere; Space presses the focused control. */
export function pickerCommand(input: KeyInput & { shiftKey?: boolean }): PickerCommand | null {
  if (input.ctrlKey || input.altKey || input.metaKey) return null;
  switch (input.key) {
    case 'ArrowDown':
      return { type: 'move', step: 1 };
    case 'ArrowUp':
      return { type: 'move', step: -1 };
    case 'ArrowLeft':
      return { type: 'left' };
    case 'ArrowRight':
      return { type: 'right' };
    case 'Tab':
      return { type: 'focus', step: input.shiftKey ? -1 : 1 };
    case 'Enter':
      return { type: 'play' };
    case ' ':
      return { type: 'activate' };
    case 'Backspace':
    case 'Delete':
      return { type: 'erase' };
    case 'Escape':
      return { type: 'close' };
    case 'PageDown':
      return { type: 'page', step: 1 };
    case 'PageUp':
      return { type: 'page', step: -1 };
    case 'o':
      return { type: 'open-file' };
    default:
      return /^[0-9]$/.test(input.key) ? { type: 'digit', digit: input.key } : null;
  }
}
