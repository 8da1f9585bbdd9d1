/**
 * Where the run in progress is kept: one key in a key-value store (localStorage in the
 * browser). Apart from the save's format (save.ts) so that the first screen can ask
 * whether a save exists without loading the validator.
 */

export const SAVE_KEY = 'burn-rate.run.v1';
/** Where the last save that could not be restored is kept (one, the newest). */
export const DISCARDED_KEY = `${SAVE_KEY}.discarded`;

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

/**
 * Sets the saved run aside instead of deleting it: it is kept as the one discarded save
 * (replacing any older one), so a run that could not be restored is not lost.
 */
export function discardSave(store: KeyValueStore): void {
  try {
    const raw = store.getItem(SAVE_KEY);
    if (raw !== null) store.setItem(DISCARDED_KEY, raw);
  } catch {
    // Storage that is full or blocked cannot keep it; the message still says what happened.
  }
  clearSave(store);
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
  return `Your saved run could not be restored: ${reason}. It has been set aside in this browser, not deleted.`;
}
