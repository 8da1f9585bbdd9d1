import { describe, expect, it } from 'vitest';
import { assignActionKeys, deskCommand, keyLabel, pickerCommand } from './keymap.ts';

const actions = [
  { id: 'dash', label: 'Open the dashboard', key: 'd' },
  { id: 'ack-like', label: 'Acknowledge', key: 'a' },
  { id: 'digit', label: 'Page the DB team', key: '1' },
  { id: 'dup', label: 'Deploy history', key: 'd' },
  { id: 'roll', label: 'Roll back the canary', key: null },
];

describe('action keys', () => {
  it('keeps an author key unless the desk reserves it or it is taken', () => {
    const keys = assignActionKeys(actions);
    expect(keys.get('dash')).toBe('d');
    expect(keys.get('ack-like')).not.toBe('a');
    expect(keys.get('digit')).toMatch(/^[a-z]$/);
    expect(keys.get('dup')).not.toBe('d');
    expect(keys.get('roll')).toBe('r');
  });

  it('gives every action a distinct key, with shift once letters run out', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `x${i}`, label: `Step ${i}`, key: null }));
    const keys = assignActionKeys(many);
    expect(keys.size).toBe(40);
    expect(new Set(keys.values()).size).toBe(40);
    expect([...keys.values()].some((k) => /^[A-Z]$/.test(k))).toBe(true);
    expect([...keys.values()]).not.toContain('a');
  });

  it('prints keys as a key cap shows them', () => {
    expect(keyLabel('r')).toBe('R');
    expect(keyLabel('R')).toBe('⇧R');
    expect(keyLabel(' ')).toBe('Space');
  });
});

describe('desk keys', () => {
  const actionByKey = new Map([['r', 'roll']]);
  it('maps the desk keys', () => {
    const ctx = { promptOptions: 0, actionByKey };
    expect(deskCommand({ key: 'a' }, ctx)).toEqual({ type: 'ack' });
    expect(deskCommand({ key: ' ' }, ctx)).toEqual({ type: 'pause' });
    expect(deskCommand({ key: '=' }, ctx)).toEqual({ type: 'speed', step: 1 });
    expect(deskCommand({ key: '+' }, ctx)).toEqual({ type: 'speed', step: 1 });
    expect(deskCommand({ key: '-' }, ctx)).toEqual({ type: 'speed', step: -1 });
    expect(deskCommand({ key: 'Escape' }, ctx)).toEqual({ type: 'menu' });
    expect(deskCommand({ key: 'r' }, ctx)).toEqual({ type: 'act', action: 'roll' });
    expect(deskCommand({ key: 'r', ctrlKey: true }, ctx)).toBeNull();
    expect(deskCommand({ key: 'q' }, ctx)).toBeNull();
  });

  it('never lets a digit or Enter do anything without an open decision', () => {
    const ctx = { promptOptions: 0, actionByKey };
    for (const key of '123456789') expect(deskCommand({ key }, ctx)).toBeNull();
    expect(deskCommand({ key: 'Enter' }, ctx)).toBeNull();
  });

  it('lets a digit only pick an answer of an open decision, and Enter confirm it', () => {
    const ctx = { promptOptions: 3, actionByKey };
    expect(deskCommand({ key: '2' }, ctx)).toEqual({ type: 'select', index: 1 });
    expect(deskCommand({ key: '4' }, ctx)).toBeNull();
    expect(deskCommand({ key: 'Enter' }, ctx)).toEqual({ type: 'confirm' });
    expect(deskCommand({ key: 'r' }, ctx)).toEqual({ type: 'act', action: 'roll' });
  });

  it('keeps the speed keys apart from every answer key', () => {
    const ctx = { promptOptions: 9, actionByKey };
    const answers = new Set('123456789'.split('').filter((key) => deskCommand({ key }, ctx)?.type === 'select'));
    const speeds = ['-', '=', '+', '_'].filter((key) => deskCommand({ key }, ctx)?.type === 'speed');
    expect(answers.size).toBe(9);
    expect(speeds.length).toBe(4);
    for (const key of speeds) expect(answers.has(key)).toBe(false);
  });
});

describe('picker keys', () => {
  it('moves with arrows and Tab, plays with Enter, presses with Space, takes seed digits', () => {
    expect(pickerCommand({ key: 'ArrowDown' })).toEqual({ type: 'move', step: 1 });
    expect(pickerCommand({ key: 'Tab', shiftKey: true })).toEqual({ type: 'focus', step: -1 });
    expect(pickerCommand({ key: 'Enter' })).toEqual({ type: 'play' });
    expect(pickerCommand({ key: ' ' })).toEqual({ type: 'activate' });
    expect(pickerCommand({ key: '7' })).toEqual({ type: 'digit', digit: '7' });
    expect(pickerCommand({ key: 'x' })).toBeNull();
  });
});
