/** The browser's localStorage as the save's key-value store, or null where it is blocked. */
import type { KeyValueStore } from '../run/save.ts';

export function browserStore(): KeyValueStore | null {
  try {
    const store = globalThis.localStorage;
    return store ?? null;
  } catch {
    // Some privacy modes throw on mere access; the game then plays without saves.
    return null;
  }
}
