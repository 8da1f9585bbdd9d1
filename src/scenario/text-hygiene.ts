/**
 * Invisible characters in a scenario's text values. YAML's double-quoted escapes (`"\r"`,
 * `"\u202E"`, `"\x07"`) put characters into values that the raw-text scan never sees: a
 * carriage return that draws one line over another, a right-to-left override that
 * reverses everything after it on the screen, a bell. They are taken out at load, each
 * value reported once, so the game shows what the author meant to write.
 */
import type { PathSegment } from './positions.ts';
import type { Reporter } from './report.ts';

/**
 * C0 and C1 controls other than tab and line feed, and the explicit bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Marks such as
 * U+200F (right-to-left mark) change no order beyond themselves and stay.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const NAMES: Record<number, string> = {
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

function describe(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  return name ? `${hex} (${name})` : hex;
}

/**
 * The text without unsafe characters: a carriage return before a line feed goes, one on
 * its own becomes a space (a title must stay one line), and every other one is removed.
 */
export function cleanText(value: string): string {
  return value.replace(/\r\n/g, '\n').replace(/\r/g, ' ').replace(UNSAFE_ALL, '');
}

/**
 * Cleans every text value of parsed scenario data in place, reporting each value it
 * changed (BR049, a warning) at that value's place in the file.
 */
export function cleanTextValues(data: unknown, report: Reporter): void {
  // One path, extended and shortened as the walk goes: copied only when something is reported.
  const path: PathSegment[] = [];
  const clean = (value: string): string => {
    if (!UNSAFE.test(value)) return value;
    const found = [...new Set([...value].filter((c) => UNSAFE.test(c)).map((c) => c.codePointAt(0) as number))];
    const listed = found.slice(0, 3).map(describe).join(', ');
    const more = found.length > 3 ? ` and ${found.length - 3} more` : '';
    report.atPath('BR049', [...path], `the text holds the invisible control character${found.length > 1 ? 's' : ''} ${listed}${more}, which the game removes`, {
      hint: 'delete it from the text (it often comes from a `\\r`, `\\u…` or `\\x…` escape in double quotes, or from pasted text); write a line break as a real new line',
    });
    return cleanText(value);
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        const item: unknown = value[i];
        if (typeof item === 'string') value[i] = clean(item);
        else walk(item);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        path.push(key);
        const item = record[key];
        if (typeof item === 'string') {
          const cleaned = clean(item);
          if (cleaned !== item) record[key] = cleaned;
        } else walk(item);
        path.pop();
      }
    }
  };
  walk(data);
}
