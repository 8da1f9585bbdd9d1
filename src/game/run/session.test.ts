import { describe, expect, it } from 'vitest';
import { Scenario } from '../../scenario/schema/index.ts';
import { fixtureInput } from '../../../test/fixtures/sim-fixture.ts';
import { readHistory, type ListableStore } from './history.ts';
import { readSave, type KeyValueStore } from './save.ts';
import { Session, type SessionConfig } from './session.ts';

const scenario = Scenario.parse(fixtureInput);

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function listableStore(): ListableStore {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const config = (): SessionConfig => ({ scenario, runbooks: new Map(), seed: 7, mode: 'practice', speed: 1, saveable: true });

describe('browser session', () => {
  it('saves after every choice and resumes to the same run', () => {
    const store = memoryStore();
    const a = new Session(config(), store);
    for (let i = 0; i < 30; i++) a.step();
    a.act('look');
    for (let i = 0; i < 12; i++) a.step();
    if (a.snapshot().pager.length > 0) a.ack();
    for (let i = 0; i < 9; i++) a.step();
    const read = readSave(store);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.save.choices[0]).toEqual({ at: 300, do: 'look' });
    const b = Session.resume(config(), read.save, store);
    // A save carries the clock only to the last whole minute; run b up to a.
    while (b.run.t < a.run.t) b.step();
    expect(b.run.t).toBe(a.run.t);
    expect(b.run.budgetSpent).toBe(a.run.budgetSpent);
    expect(b.snapshot().facts).toEqual(a.snapshot().facts);
  });

  it('clears the save once the run is over', () => {
    const store = memoryStore();
    const s = new Session(config(), store);
    s.act('promote');
    for (let i = 0; i < 20 && !s.run.ended; i++) s.step();
    expect(s.run.ended).toBe(true);
    expect(readSave(store).kind).toBe('none');
  });

  it('moves a finished run from the save into the history in the same step, so a reload on the ending loses nothing', () => {
    const store = listableStore();
    const s = new Session(config(), store);
    s.act('promote');
    for (let i = 0; i < 20 && !s.run.ended; i++) s.step();
    expect(readSave(store).kind).toBe('none');
    expect(s.kept).toEqual({ ok: true, note: null });
    const { entries } = readHistory(store);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ scenario: { id: 'fixture' }, seed: 7, mode: 'practice', choices: [{ at: 0, do: 'promote' }], source: 'library', ending: 'Worse' });
    // Saving again (the desk saves on pause and when hidden) keeps it once.
    s.save();
    expect(readHistory(store).entries).toHaveLength(1);
  });

  it('offers the scenario hint for a choice', () => {
    const s = new Session(config(), null);
    expect(s.hintFor({ at: 0, do: 'nope' })).toBeNull();
  });
});
