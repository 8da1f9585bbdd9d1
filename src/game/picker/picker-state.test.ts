import { describe, expect, it } from 'vitest';
import { pickerCommand } from '../ui/keymap.ts';
import { applyPickerCommand, seedValue, type PickerState } from './picker-state.ts';

const base: PickerState = { selected: 0, count: 3, focus: 'list', mode: 'practice', speed: 1, seed: '4242', playable: true };
const press = (s: PickerState, key: string, shiftKey = false) => applyPickerCommand(s, pickerCommand({ key, shiftKey })!);

describe('picker keyboard', () => {
  it('moves through the list with arrows and wraps', () => {
    expect(press(base, 'ArrowDown').state.selected).toBe(1);
    expect(press(base, 'ArrowUp').state.selected).toBe(2);
  });

  it('tabs through the controls and changes mode and speed with arrows', () => {
    let s = press(base, 'Tab').state;
    expect(s.focus).toBe('mode');
    s = press(s, 'ArrowRight').state;
    expect(s.mode).toBe('assessed');
    s = press(press(s, 'Tab').state, 'ArrowRight').state;
    expect(s.speed).toBe(2);
    expect(press(base, 'Tab', true).state.focus).toBe('open');
  });

  it('edits the seed only while it has focus', () => {
    let s: PickerState = { ...base, focus: 'seed' };
    s = press(s, 'Backspace').state;
    s = press(s, '7').state;
    expect(s.seed).toBe('4247');
    expect(seedValue(s)).toBe(4247);
    expect(press(base, '7').state.seed).toBe('4242');
  });

  it('plays the typed seed when Enter is pressed on the seed field', () => {
    let s: PickerState = { ...base, focus: 'seed', seed: '' };
    for (const d of '12345') s = press(s, d).state;
    const { state, effect } = press(s, 'Enter');
    expect(effect).toBe('start');
    expect(seedValue(state)).toBe(12345);
  });

  it('plays with Enter from the mode and speed controls without changing them', () => {
    for (const focus of ['mode', 'speed'] as const) {
      const { state, effect } = press({ ...base, focus, speed: 2 }, 'Enter');
      expect(effect).toBe('start');
      expect(state.speed).toBe(2);
      expect(state.mode).toBe('practice');
    }
    expect(press({ ...base, focus: 'speed', speed: 2 }, ' ').state.speed).toBe(5);
  });

  it('pages through a long list of diagnostics', () => {
    expect(press(base, 'PageDown').effect).toBe('scroll-down');
    expect(press(base, 'PageUp').effect).toBe('scroll-up');
  });

  it('starts a playable scenario with Enter, and skips the controls of a broken one', () => {
    expect(press(base, 'Enter').effect).toBe('start');
    const broken = { ...base, playable: false };
    expect(press(broken, 'Enter').effect).toBe('none');
    expect(press(broken, 'Tab').state.focus).toBe('open');
    expect(press({ ...broken, focus: 'open' }, 'Enter').effect).toBe('open');
  });
});
