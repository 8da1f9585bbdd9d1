import { describe, expect, it } from 'vitest';
import { applyHostKey, hostSeed, type HostForm } from './host-form.ts';
import { applyJoinKey, initialJoinForm, type JoinForm } from './join-form.ts';

function typeJoin(form: JoinForm, keys: string[]): { form: JoinForm; effect: string } {
  let out = { form, effect: 'none' as string };
  for (const k of keys) out = applyJoinKey(out.form, k);
  return out;
}

describe('join form', () => {
  it('takes a typed code, a name and a seat, then joins on Enter', () => {
    const { form, effect } = typeJoin(initialJoinForm(), [...'k7qx2m', 'Enter', ...'Ana', 'Enter', 'ArrowRight', 'Enter']);
    expect(form).toMatchObject({ code: 'K7QX2M', name: 'Ana', seat: 'comms' });
    expect(effect).toBe('join');
  });

  it('opened from a link, it starts on the name with the code filled in', () => {
    const form = initialJoinForm('K7QX2M');
    expect(form.focus).toBe('name');
    expect(typeJoin(form, [...'Bo', 'Enter', '1', 'Enter']).form.seat).toBe('ic');
  });

  it('says in plain words what is missing instead of joining', () => {
    const out = applyJoinKey({ ...initialJoinForm('K7QX2M'), focus: 'join' }, 'Enter');
    expect(out.effect).toBe('none');
    expect(out.form.problem).toMatch(/name/);
    const noCode = applyJoinKey({ ...initialJoinForm(), name: 'Ana', focus: 'join' }, 'Enter');
    expect(noCode.form.problem).toMatch(/room code/);
  });

  it('does not let a name start with a space or run past its limit', () => {
    const f = typeJoin({ ...initialJoinForm('K7QX2M') }, [' ', ...'x'.repeat(40)]).form;
    expect(f.name).toBe('x'.repeat(24));
  });
});

describe('host form', () => {
  const base: HostForm = { selected: 0, count: 3, seed: '42', speed: 1, focus: 'scenario' };

  it('chooses the scenario, types a seed, steps the speed and hosts', () => {
    let f = applyHostKey(base, 'ArrowDown').form;
    expect(f.selected).toBe(1);
    f = applyHostKey(f, 'Tab').form;
    for (const k of ['Backspace', 'Backspace', '7']) f = applyHostKey(f, k).form;
    expect(hostSeed(f)).toBe(7);
    f = applyHostKey(f, 'Tab').form;
    f = applyHostKey(f, 'ArrowRight').form;
    expect(f.speed).toBe(2);
    f = applyHostKey(f, 'Tab').form;
    expect(applyHostKey(f, 'Enter').effect).toBe('host');
  });

  it('offers nothing to host when no scenario is playable', () => {
    expect(applyHostKey({ ...base, count: 0 }, 'Enter').effect).toBe('none');
  });
});
