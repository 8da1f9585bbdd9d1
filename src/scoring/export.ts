/**
 * Debrief files: JSON out, JSON back in. Import never throws: a damaged or foreign file
 * gets a plain-words reason, so the game can say what is wrong and carry on.
 */
import type { z } from 'zod';
import { Debrief, DEBRIEF_FORMAT, DEBRIEF_VERSION } from './debrief-schema.ts';

export { debriefToMarkdown } from './markdown.ts';

/** The debrief as pretty-printed JSON, ready to save or paste. */
export function debriefToJson(debrief: Debrief): string {
  return `${JSON.stringify(debrief, null, 2)}\n`;
}

/** Result of reading a debrief file. */
export type DebriefImport = { ok: true; debrief: Debrief } | { ok: false; error: string };

/** "dimensions[2].level" from a Zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || 'the top level';
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `at ${formatPath(i.path)}: ${i.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problem${issues.length - 3 === 1 ? '' : 's'})` : '';
  return `${shown.join('; ')}${more}`;
}

/** Reads a debrief from JSON text or an already-parsed value. Never throws. */
export function parseDebrief(input: string | unknown): DebriefImport {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `This file is not valid JSON, so it cannot be a debrief (${(e as Error).message}).` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'This is not a Burn Rate debrief: a debrief is a JSON object.' };
  }
  const header = value as { format?: unknown; version?: unknown };
  if (header.format !== DEBRIEF_FORMAT) {
    return { ok: false, error: `This is not a Burn Rate debrief: it should say "format": "${DEBRIEF_FORMAT}".` };
  }
  if (header.version !== DEBRIEF_VERSION) {
    const newer = typeof header.version === 'number' && header.version > DEBRIEF_VERSION;
    return {
      ok: false,
      error: newer
        ? `This debrief was saved by a newer version of Burn Rate (debrief version ${header.version}); this one reads version ${DEBRIEF_VERSION}.`
        : `This debrief has an unknown version (${JSON.stringify(header.version)}); this version of Burn Rate reads version ${DEBRIEF_VERSION}.`,
    };
  }
  const parsed = Debrief.safeParse(value);
  if (!parsed.success) return { ok: false, error: `This debrief is damaged and cannot be shown: ${describeIssues(parsed.error.issues)}.` };
  return { ok: true, debrief: parsed.data };
}
