/**
 * Where the run in progress is kept: one key in a key-value store (localStorage in the
 * browser). Apart from the save's format (save.ts) so that the first screen can ask
 * whether a save exists without loading the validator.
 */

export const SAVE_KEY = 'burn-rate.run.v1';

/** The part of the Storage API the save needs (tests pass a Map-backed fake). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Whether anything is stored under the save's key. Never throws. */
export function hasSave(store: KeyValueStore): boolean {
  try {
    return store.getItem(SAVE_KEY) !== null;
  } catch {
    return false;
  }
}

/** Writes the run (as JSON); storage that is full or blocked is not worth interrupting a game for. */
export function writeSave(store: KeyValueStore, save: unknown): boolean {
  try {
    store.setItem(SAVE_KEY, JSON.stringify(save));
    return true;
  } catch {
    return false;
  }
}

export function clearSave(store: KeyValueStore): void {
  try {
    store.removeItem(SAVE_KEY);
  } catch {
    // Nothing to do: a store we cannot write holds nothing of ours.
  }
}

/** The message a player sees when a save could not be used. */
export function restoreFailedMessage(reason: string): string {
  return `Your saved run could not be restored: ${reason}. It has been discarded.`;
}
