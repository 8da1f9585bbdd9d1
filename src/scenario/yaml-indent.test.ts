/**
 * Indentation mistakes made in real library scenarios, each at several places: the checker
 * must report each one once, on the line the author changed, saying what happened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = ['scenarios/db-pool-exhaustion/scenario.yaml', 'scenarios/retry-storm/scenario.yaml'];
/** Places per mistake per file, spread evenly over the file. */
const PLACES = 4;

const indentOf = (line: string) => line.length - line.trimStart().length;
/** Where a line's key starts (after any `- `), if it holds a plain `key:`. */
const keyLevel = (line: string) => {
  const m = /^( *)(- +)?[A-Za-z][\w-]*:(?: |$)/.exec(line);
  return m ? (m[1] as string).length + (m[2]?.length ?? 0) : undefined;
};

interface Mistake {
  name: string;
  /** The changed line, or undefined if the mistake cannot be made at line `i`. */
  apply: (lines: readonly string[], i: number) => string | undefined;
  /** The message for the changed line, given the original. */
  message: (original: string, changed: string, line: number) => RegExp;
}

const nextKey = (lines: readonly string[], i: number) => /^ +[A-Za-z][\w-]*:/.test(lines[i] as string) && keyLevel(lines[i - 1] as string) === indentOf(lines[i] as string);
const keyMessage = (original: string, changed: string, line: number) =>
  new RegExp(`^line ${line} is indented ${indentOf(changed)} spaces?; the keys around it are indented ${indentOf(original)}$`);

const MISTAKES: Mistake[] = [
  {
    name: 'a key indented two spaces too far',
    apply: (lines, i) => (nextKey(lines, i) ? `  ${lines[i]}` : undefined),
    message: keyMessage,
  },
  {
    name: 'one extra space before `when:`',
    apply: (lines, i) => (nextKey(lines, i) && /^ +when:/.test(lines[i] as string) ? ` ${lines[i]}` : undefined),
    message: keyMessage,
  },
  {
    name: 'a list item moved to column 1',
    apply: (lines, i) => {
      const line = lines[i] as string;
      const before = lines[i - 1] as string;
      return /^ +- /.test(line) && /^ +- /.test(before) && indentOf(before) === indentOf(line) ? line.trimStart() : undefined;
    },
    message: (original) => new RegExp(`^this list item starts at column 1, but the list above it is indented ${indentOf(original)} \\(its \`- \` at column ${indentOf(original) + 1}\\)$`),
  },
];

const cases = FILES.flatMap((file) => {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  return MISTAKES.flatMap((mistake) => {
    const places = lines.map((_, i) => i).filter((i) => i > 0 && mistake.apply(lines, i) !== undefined);
    const picked = Array.from({ length: Math.min(PLACES, places.length) }, (_, k) => places[Math.floor(((k + 0.5) * places.length) / PLACES)] as number);
    return picked.map((i) => ({ title: `line ${i + 1} of ${file.split('/')[1]}: ${mistake.name}`, file, lines, i, mistake }));
  });
});

describe('indentation mistakes in library scenarios', () => {
  it('has places to make every mistake in every file', () => {
    for (const file of FILES) for (const m of MISTAKES) expect(cases.filter((c) => c.file === file && c.mistake === m).length, `${m.name} in ${file}`).toBe(PLACES);
  });

  it.each(cases)('$title is reported once, on that line, in plain words', ({ file, lines, i, mistake }) => {
    const changed = mistake.apply(lines, i) as string;
    const text = lines.map((line, k) => (k === i ? changed : line)).join('\n');
    const { diagnostics } = loadScenario(text, { file });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ code: 'BR001', severity: 'error', line: i + 1, column: indentOf(changed) + 1 });
    expect(d?.message).toMatch(mistake.message(lines[i] as string, changed, i + 1));
    expect(d?.hint).toMatch(/^move (`[\w-]+:`|the `- `) \d+ spaces? (left|right), in line with (the )?`[^`]+` on line \d+$/);
  });
});

describe('a `: ` inside a value without quotes', () => {
  const at = (text: string) => loadScenario(text, { file: 'x.yaml' }).diagnostics.map((d) => `${d.line}:${d.column} ${d.message} | ${d.hint}`);
  const message = 'this `: ` is inside a value without quotes, so the value reads as another `key: value`';

  it('is reported at the colon, with the value quoted as the fix, in a block and inside { }', () => {
    expect(at('actions:\n  - id: x\n    label: Check the DB: replicas # why\n')).toEqual([`3:24 ${message} | put the whole value in quotes: label: "Check the DB: replicas"`]);
    expect(at('actions:\n  - { id: x, label: Check "the" DB: replicas }\n')).toEqual([`2:35 ${message} | put the whole value in quotes: label: 'Check "the" DB: replicas'`]);
  });

  it('leaves other syntax errors as they were', () => {
    expect(at('title: "never closed\n')[0]).toMatch(/^2:1 a value opened with " is never closed/);
    expect(at('a: [1, 2\nb: 3\n')[0]).toMatch(/not closed with `]`/);
  });
});
