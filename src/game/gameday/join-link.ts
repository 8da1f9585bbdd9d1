/**
 * Join codes and links: what a player types or opens to reach a room. A code is short,
 * upper-case and free of look-alike characters, so it can be read off a projector; the
 * link is the game's own address with `#join/CODE`, which the boot screen routes.
 */

import { CODE_ALPHABET, CODE_LENGTH } from '../../server/join-code.ts';

// The alphabet has no 0/O, 1/I/L, which a room cannot tell apart at a distance.
export { CODE_ALPHABET, CODE_LENGTH };

/** Upper-cases what was typed and keeps only characters a code can hold. */
export function normaliseCode(typed: string): string {
  return [...typed.toUpperCase()].filter((c) => CODE_ALPHABET.includes(c)).join('').slice(0, CODE_LENGTH);
}

/** Whether a typed code is complete enough to try. */
export function codeLooksValid(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** The code in a `#join/CODE` address fragment, or null if the fragment is something else. */
export function codeFromHash(hash: string): string | null {
  const m = /^#?join\/([A-Za-z0-9]+)\/?$/.exec(hash.trim());
  if (!m) return null;
  const code = normaliseCode(m[1] as string);
  return codeLooksValid(code) ? code : null;
}

/** The link a host shows: the page address (without any fragment) and `#join/CODE`. */
export function joinLink(pageUrl: string, code: string): string {
  const base = pageUrl.split('#')[0] as string;
  return `${base}#join/${code}`;
}
