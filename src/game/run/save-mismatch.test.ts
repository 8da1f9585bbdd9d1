/**
 * A save restored on a scenario that changed, or holding times no run reaches, is not
 * replayed silently: the player is told what changed, and the save is kept aside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES } from '../../../test/support/scenario-text.ts';
import { Scenario } from '../../scenario/schema/index.ts';
import { DISCARDED_KEY, SAVE_KEY, discardSave, readSave, restoreFailedMessage, saveMismatch, scenarioHash, type KeyValueStore, type SavedRun } from './save.ts';
import { Session } from './session.ts';

const minimal = () => Scenario.parse(parse(readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')));

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** A save made the way the game makes one: by playing. */
function playedSave(scenario: Scenario): { save: SavedRun; store: ReturnType<typeof memoryStore> } {
  const store = memoryStore();
  const session = new Session({ scenario, runbooks: new Map(), seed: 3, mode: 'practice', speed: 1, saveable: true }, store);
  for (let i = 0; i < 6; i++) session.step();
  session.act('compare-cohorts');
  const read = readSave(store);
  if (read.kind !== 'ok') throw new Error('the game did not save');
  return { save: read.save, store };
}

describe('saves and the scenario they were made on', () => {
  it('store the scenario content hash, and restore on the same scenario', () => {
    const scenario = minimal();
    const { save } = playedSave(scenario);
    expect(save.scenarioHash).toBe(scenarioHash(scenario));
    expect(saveMismatch(save, minimal())).toBeNull();
  });

  it('say which saved choices the changed scenario no longer has', () => {
    const { save } = playedSave(minimal());
    const changed = minimal();
    changed.actions = changed.actions.filter((a) => a.id !== 'compare-cohorts');
    expect(saveMismatch(save, changed)).toBe(
      'the scenario "minimal" has changed since this run was saved: its choices name an action or answer the scenario no longer has (`compare-cohorts`)',
    );
  });

  it('say the scenario changed even when every choice still names something', () => {
    const { save } = playedSave(minimal());
    const changed = minimal();
    changed.title = 'Minimal canary incident, revised';
    expect(saveMismatch(save, changed)).toMatch(/has changed since this run was saved: its content differs/);
  });

  it('refuse a save whose choices lie past the time limit instead of running the clock to the end', () => {
    const { save } = playedSave(minimal());
    const late = { ...save, scenarioHash: undefined, choices: [...save.choices, { at: 1e6, do: 'rollback' }] } as SavedRun;
    expect(saveMismatch(late, minimal())).toBe("it reaches 1000000s, past the scenario's time limit of 30m");
  });

  it('refuse `at: 1e300` and infinite-looking times as out of the save format', () => {
    for (const [field, value] of [['at', 1e300], ['t', 1e300]] as const) {
      const { save } = playedSave(minimal());
      const raw = field === 'at' ? { ...save, choices: [{ at: value, ack: true }] } : { ...save, t: value };
      const read = readSave(memoryStore({ [SAVE_KEY]: JSON.stringify(raw) }));
      expect(read.kind).toBe('corrupt');
      if (read.kind === 'corrupt') expect(read.message).toMatch(/at most 1000000000 seconds/);
    }
  });

  it('say a 5,001-choice save holds too many choices', () => {
    const { save } = playedSave(minimal());
    const raw = { ...save, choices: Array.from({ length: 5001 }, (_, i) => ({ at: i, ack: true })) };
    const read = readSave(memoryStore({ [SAVE_KEY]: JSON.stringify(raw) }));
    expect(read).toEqual({ kind: 'corrupt', message: 'the saved run does not fit the save format at choices: a save holds at most 5000 choices' });
  });

  it('keep a discarded save aside, one deep, instead of deleting it', () => {
    const store = memoryStore({ [SAVE_KEY]: 'first', [DISCARDED_KEY]: 'older' });
    discardSave(store);
    expect(store.data.get(SAVE_KEY)).toBeUndefined();
    expect(store.data.get(DISCARDED_KEY)).toBe('first');
    expect(restoreFailedMessage('x')).toBe('Your saved run could not be restored: x. It has been set aside in this browser, not deleted.');
  });
});
