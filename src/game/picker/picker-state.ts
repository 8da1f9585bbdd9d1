/**
 * The picker's UI state — selection, focus, mode, speed, seed text — and how keys change
 * it. Pure and tested; the scene draws it and acts on `start` and `open`.
 */
import type { PickerCommand } from '../ui/keymap.ts';
import type { Mode, Speed } from '../run/session.ts';

export const FOCUS = ['list', 'mode', 'speed', 'seed', 'play', 'open'] as const;
export type Focus = (typeof FOCUS)[number];
export const MODES: Mode[] = ['practice', 'assessed'];
export const SPEED_CHOICES: Speed[] = [1, 2, 5, 10];

export interface PickerState {
  selected: number;
  count: number;
  focus: Focus;
  mode: Mode;
  speed: Speed;
  seed: string;
  /** Whether the selected scenario can be played. */
  playable: boolean;
}

/** What the scene must do after a key, besides redrawing. */
export type PickerEffect = 'none' | 'start' | 'open' | 'new-seed' | 'scroll-down' | 'scroll-up';

function cycle<T>(list: readonly T[], value: T, step: number): T {
  const i = list.indexOf(value);
  return list[(i + step + list.length) % list.length] as T;
}

/** Focus stops a broken scenario cannot use are skipped. */
function focusable(state: PickerState): Focus[] {
  return state.playable ? [...FOCUS] : ['list', 'open'];
}

export function applyPickerCommand(state: PickerState, cmd: PickerCommand): { state: PickerState; effect: PickerEffect } {
  const stops = focusable(state);
  const at = stops.indexOf(state.focus);
  switch (cmd.type) {
    case 'focus':
      return { state: { ...state, focus: stops[(Math.max(0, at) + cmd.step + stops.length) % stops.length] as Focus }, effect: 'none' };
    case 'move':
      if (state.focus === 'list') {
        if (state.count === 0) return { state, effect: 'none' };
        return { state: { ...state, selected: (state.selected + cmd.step + state.count) % state.count }, effect: 'none' };
      }
      return { state: { ...state, focus: stops[(Math.max(0, at) + cmd.step + stops.length) % stops.length] as Focus }, effect: 'none' };
    case 'left':
    case 'right': {
      const step = cmd.type === 'left' ? -1 : 1;
      if (state.focus === 'mode') return { state: { ...state, mode: cycle(MODES, state.mode, step) }, effect: 'none' };
      if (state.focus === 'speed') return { state: { ...state, speed: cycle(SPEED_CHOICES, state.speed, step) }, effect: 'none' };
      return { state, effect: 'none' };
    }
    case 'play':
      // Enter plays the selected scenario with the mode, speed and seed shown, whichever
      // control has focus: a typed seed is what gets played.
      if (state.focus === 'open') return { state, effect: 'open' };
      return { state, effect: state.playable ? 'start' : 'none' };
    case 'activate':
      // Space presses the focused control.
      if (state.focus === 'list' || state.focus === 'play') return { state, effect: state.playable ? 'start' : 'none' };
      if (state.focus === 'open') return { state, effect: 'open' };
      if (state.focus === 'seed') return { state, effect: 'none' };
      if (state.focus === 'mode') return { state: { ...state, mode: cycle(MODES, state.mode, 1) }, effect: 'none' };
      return { state: { ...state, speed: cycle(SPEED_CHOICES, state.speed, 1) }, effect: 'none' };
    case 'digit':
      if (state.focus !== 'seed') return { state, effect: 'none' };
      return { state: { ...state, seed: (state.seed === '0' ? '' : state.seed).concat(cmd.digit).slice(0, 9) }, effect: 'none' };
    case 'erase':
      if (state.focus !== 'seed') return { state, effect: 'none' };
      return { state: { ...state, seed: state.seed.slice(0, -1) }, effect: 'none' };
    case 'open-file':
      return { state, effect: 'open' };
    case 'page':
      return { state, effect: cmd.step > 0 ? 'scroll-down' : 'scroll-up' };
    case 'close':
      return { state: { ...state, focus: 'list' }, effect: 'none' };
  }
}

/** The seed to play with: the typed digits, or 0 if the field is empty. */
export function seedValue(state: PickerState): number {
  const n = Number.parseInt(state.seed, 10);
  return Number.isFinite(n) ? Math.min(n, 0xffffffff) : 0;
}
