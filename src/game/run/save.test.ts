import { describe, expect, it } from 'vitest';
import { SAVE_KEY, clearSave, readSave, restoreFailedMessage, writeSave, type KeyValueStore } from './save.ts';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const good = { scenarioId: 'auth-canary', seed: 42, mode: 'practice' as const, speed: 2 as const, choices: [{ at: 120, ack: true as const }, { at: 130, do: 'open-dashboard' }, { at: 200, choose: 'declare.sev2' }] };

describe('saved run', () => {
  it('round-trips a run in progress', () => {
    const store = memoryStore();
    expect(writeSave(store, good)).toBe(true);
    const read = readSave(store);
    expect(read).toEqual({ kind: 'ok', save: good });
    clearSave(store);
    expect(readSave(store)).toEqual({ kind: 'none' });
  });

  it('reports a save that is not JSON', () => {
    const read = readSave(memoryStore({ [SAVE_KEY]: '{"scenarioId": "auth' }));
    expect(read.kind).toBe('corrupt');
    if (read.kind === 'corrupt') expect(restoreFailedMessage(read.message)).toMatch(/^Your saved run could not be restored: the saved data is not valid JSON/);
  });

  it('reports where a save breaks the format', () => {
    const bad = { ...good, speed: 3, choices: [{ at: -1, do: 'x' }] };
    const read = readSave(memoryStore({ [SAVE_KEY]: JSON.stringify(bad) }));
    expect(read.kind).toBe('corrupt');
    if (read.kind === 'corrupt') expect(read.message).toMatch(/speed|choices/);
  });

  it('rejects a choice that does two things at once', () => {
    const bad = { ...good, choices: [{ at: 10, do: 'x', ack: true }] };
    expect(readSave(memoryStore({ [SAVE_KEY]: JSON.stringify(bad) })).kind).toBe('corrupt');
  });

  it('survives a store that throws', () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readSave(throwing)).toEqual({ kind: 'none' });
    expect(writeSave(throwing, good)).toBe(false);
    expect(() => clearSave(throwing)).not.toThrow();
  });
});
