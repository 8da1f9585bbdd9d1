/**
 * Cheap checks on the raw text before the YAML parser sees it. The parser is fine on
 * honest files but slow or memory-hungry on hostile ones (megabytes of input, tens of
 * thousands of nested brackets), and it accepts control characters silently.
 */
import type { Reporter } from './report.ts';

/** Files above this many characters are refused unread; real scenarios are well under 200 kB. */
export const DEFAULT_MAX_SIZE = 2 * 1024 * 1024;

/** Deeper nesting than this is refused; a scenario nests about ten levels. */
export const MAX_NESTING = 64;

/** More stray control characters than this and the file is treated as binary. */
const BINARY_THRESHOLD = 16;

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** A diagnostic for a file too large to read, usable before the text is even loaded. */
export function tooLargeMessage(size: number, maxSize: number): { message: string; hint: string } {
  return {
    message: `the file is ${formatSize(size)}, more than the ${formatSize(maxSize)} a scenario may be`,
    hint: 'a scenario file holds a few hundred lines; is this the right file?',
  };
}

function isDisallowed(code: number): boolean {
  // YAML allows tab, line feed, carriage return and printable characters; NEL (0x85) is allowed too.
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code === 0x7f) return true;
  if (code >= 0x80 && code <= 0x9f) return code !== 0x85;
  return code === 0xfffe || code === 0xffff;
}

function describeChar(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Any character {@link isDisallowed} refuses, or U+FFFD: a regular expression scans far faster than a loop. */
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd-\uffff]/;

/**
 * Reports NUL bytes and control characters. Returns the text to parse (stray control
 * characters blanked out, offsets unchanged), or undefined if the file looks binary.
 */
export function checkCharacters(text: string, report: Reporter): string | undefined {
  // Nearly every file is clean: one scan says so.
  if (!SUSPECT.test(text)) return text;
  const nul = text.indexOf('\0');
  const stray: number[] = [];
  let replacement = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replacement++;
    else if (isDisallowed(code)) stray.push(i);
  }
  if (nul !== -1 || stray.length > BINARY_THRESHOLD || replacement > BINARY_THRESHOLD) {
    const at = nul !== -1 ? nul : (stray[0] ?? text.indexOf('\ufffd'));
    report.atOffset('BR003', at, at + 1, 'the file holds binary data, not YAML text', {
      hint: 'a scenario is a UTF-8 text file; check that you opened scenario.yaml and not an image or an archive',
    });
    return undefined;
  }
  if (stray.length === 0) return text;
  const chars = text.split('');
  for (const at of stray) {
    const code = text.charCodeAt(at);
    report.atOffset('BR003', at, at + 1, `the control character ${describeChar(code)} is not allowed in a scenario`, {
      hint: 'delete it; it is invisible in most editors (often pasted from a terminal or a PDF)',
    });
    chars[at] = ' ';
  }
  return chars.join('');
}

/** True if the character before `i` (skipping spaces) lets a flow collection start at `i`. */
function startsFlow(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0) return true;
  return ':-,[{?\n'.includes(text[j] as string) || text[j] === '\r';
}

/**
 * Finds nesting deeper than {@link MAX_NESTING}: flow brackets (`[[[[…`) and compact
 * block sequences (`- - - - x`). Scans quotes and comments approximately; it only needs
 * to be right about files that nest absurdly deep. Returns false if it reported.
 */
export function checkNesting(text: string, report: Reporter): boolean {
  let depth = 0;
  if (!dashesFit(text, 0, report)) return false;
  // Jump from one character that matters to the next: most of a file is plain text.
  const scan = /[\n#"'[\]{}]/g;
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n') {
      if (!dashesFit(text, i + 1, report)) return false;
    } else if (c === '#' && (i === 0 || ' \t\n\r'.includes(text[i - 1] as string))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      scan.lastIndex = end;
    } else if ((c === '"' || c === "'") && startsFlow(text, i)) {
      scan.lastIndex = skipQuoted(text, i, c) + 1;
    } else if ((c === '[' || c === '{') && startsFlow(text, i)) {
      depth++;
      if (depth > MAX_NESTING) {
        tooDeep(report, i, i + 1);
        return false;
      }
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return true;
}

/** False (and reported) if the line starting at `i` opens more than {@link MAX_NESTING} compact `- ` items. */
function dashesFit(text: string, i: number, report: Reporter): boolean {
  let j = i;
  while (text[j] === ' ') j++;
  let dashes = 0;
  while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
    dashes++;
    j += 2;
    while (text[j] === ' ' || text[j] === '\t') j++;
  }
  if (dashes <= MAX_NESTING) return true;
  tooDeep(report, i, j);
  return false;
}

function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

function tooDeep(report: Reporter, start: number, end: number): void {
  report.atOffset('BR008', start, end, `lists and mappings are nested more than ${MAX_NESTING} levels deep here`, {
    hint: 'a scenario nests about ten levels; look for unbalanced brackets or a runaway list',
  });
}
