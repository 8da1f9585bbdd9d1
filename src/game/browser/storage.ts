/** The browser's localStorage as the store for the save and the history, or null where it is blocked. */
import type { ListableStore } from '../run/history.ts';

export function browserStore(): ListableStore | null {
  try {
    const store = globalThis.localStorage;
    return store ?? null;
  } catch {
    // Some privacy modes throw on mere access; the game then plays without saves.
    return null;
  }
}
