import { describe, expect, it } from 'vitest';
import { addRun, entryId, HISTORY_PREFIX, readHistory, type HistoryEntry, type ListableStore } from './history.ts';

/** localStorage as a Map, with an optional byte quota like a real browser's. */
function memoryStore(quota = Infinity): ListableStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const used = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (map.get(k)?.length ?? 0) + v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

function entry(finishedAt: string, over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: entryId(finishedAt, 7),
    finishedAt,
    scenario: { id: 'tutorial', title: 'Tutorial' },
    mode: 'assessed',
    seed: 7,
    level: 'L3',
    dimensions: [{ dimension: 'mastery', title: 'Mastery', level: 'L3' }],
    ending: 'Service restored',
    choices: [{ at: 90, ack: true }, { at: 120, do: 'open-dashboard' }],
    source: 'library',
    ...over,
  };
}

describe('history of finished runs', () => {
  it('keeps runs and lists them newest first', () => {
    const store = memoryStore();
    addRun(store, entry('2026-12-01T10:00:00.000Z'));
    addRun(store, entry('2026-12-03T10:00:00.000Z', { level: 'L4' }));
    const read = readHistory(store);
    expect(read.entries.map((e) => e.level)).toEqual(['L4', 'L3']);
    expect(read.entries[1]?.choices).toEqual([{ at: 90, ack: true }, { at: 120, do: 'open-dashboard' }]);
  });

  it('reports a damaged entry in plain words, leaves it in storage and still lists the others', () => {
    const store = memoryStore();
    addRun(store, entry('2026-12-01T10:00:00.000Z'));
    store.setItem(`${HISTORY_PREFIX}broken`, '{"id": "x", "seed": -1');
    store.setItem(`${HISTORY_PREFIX}odd`, JSON.stringify({ ...entry('2026-12-02T10:00:00.000Z'), mode: 'arcade' }));
    const read = readHistory(store);
    expect(read.entries).toHaveLength(1);
    expect(read.damaged.map((d) => d.message).sort()).toEqual(['it does not fit the history format at mode: Invalid option: expected one of "practice"|"assessed"', 'it is not valid JSON']);
    expect(store.map.has(`${HISTORY_PREFIX}broken`)).toBe(true);
  });

  it('keeps a dropped file with its run, and when storage is full keeps the run without the file and says so', () => {
    const files = [{ name: 'mine.yaml', text: 'x'.repeat(3000) }];
    const roomy = memoryStore();
    expect(addRun(roomy, entry('2026-12-01T10:00:00.000Z', { source: 'file', files }))).toEqual({ ok: true, note: null });
    expect(readHistory(roomy).entries[0]?.files).toEqual(files);

    const tight = memoryStore(2000);
    const kept = addRun(tight, entry('2026-12-01T10:00:00.000Z', { source: 'file', files }));
    expect(kept).toMatchObject({ ok: true, note: expect.stringMatching(/not its scenario file/) });
    expect(readHistory(tight).entries[0]?.files).toBeUndefined();
  });

  it('tells the player to export when not even the run fits', () => {
    const full = memoryStore(100);
    expect(addRun(full, entry('2026-12-01T10:00:00.000Z'))).toEqual({ ok: false, message: expect.stringMatching(/^Storage is full: .*Export it now/) });
  });
});
