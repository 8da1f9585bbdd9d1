import { describe, expect, it } from 'vitest';
import { complete, composerKey, fieldChoices, openComposer, type ComposerState } from './composer-state.ts';

function keys(state: ComposerState, ...pressed: string[]) {
  let s = state;
  for (const k of pressed) {
    const step = composerKey(s, k);
    if (step.type !== 'state') return step;
    s = step.state;
  }
  return { type: 'state' as const, state: s };
}

describe('status update composer state', () => {
  it('starts empty, with focus on who is affected', () => {
    const s = openComposer('status-update');
    expect(s).toEqual({ action: 'status-update', focus: 0, picks: {} });
    expect(complete(s)).toBe(false);
  });

  it('does not send until every field has a choice; Enter moves to the first empty field instead', () => {
    const half = keys(openComposer('u'), '2', '1');
    expect(half).toMatchObject({ type: 'state', state: { focus: 2, picks: { impact: 'ongoing', known: 'nothing' } } });
    expect(composerKey((half as { state: ComposerState }).state, 'Enter')).toMatchObject({ type: 'state', state: { focus: 2 } });
  });

  it('sends exactly the four choices made, in any order of fields', () => {
    const step = keys(openComposer('u'), 'ArrowDown', 'ArrowDown', 'ArrowDown', '4', '3', '3', '2', 'Enter');
    expect(step).toEqual({ type: 'send', action: 'u', update: { impact: 'restored', known: 'cause', doing: 'mitigating', next: 'none' } });
  });

  it('ignores a digit with no choice behind it and cancels on Escape', () => {
    expect(composerKey(openComposer('u'), '7')).toEqual({ type: 'ignored' });
    expect(composerKey(openComposer('u'), 'Escape')).toEqual({ type: 'cancel' });
    expect(fieldChoices('next').map((c) => c.value)).toEqual(['15m', '30m', '60m', 'none']);
  });
});
