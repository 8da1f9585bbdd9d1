/**
 * A file with problems is read by the quick parser, and each problem located by parsing
 * only the part of the file that holds it. The answer must be the positional path's, to
 * the column: the same codes, messages, hints, lines, columns and order. Checked two ways:
 * every value path of every library scenario (and keys and items that are not there) is
 * located as the whole file's document locates it; and seeded edits of every scenario
 * (misspelt references, values of the wrong type, the fuzz test's slips) load the same on
 * both paths. `FUZZ_SCALE=20 npx vitest run test/located-agreement` runs twenty times as
 * many edits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load as quickParse } from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, quickLoad, type LoadOptions } from '../src/scenario/load.ts';
import { locatePath, type PathSegment } from '../src/scenario/positions.ts';
import { RegionLocator } from '../src/scenario/region-positions.ts';
import { PARSE_OPTIONS } from '../src/scenario/yaml-source.ts';
import { editedVersions, misspellId, mutate, splicedSections, swapValue, type Edit } from './support/mutate.ts';
import { FIXTURES, fixtureReader } from './support/scenario-text.ts';

const SCENARIOS = join(FIXTURES, '..', '..', 'scenarios');
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const MINIMAL = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');

const library = readdirSync(SCENARIOS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Every value path in `data`, plus a key and an index that are not there under each mapping and list. */
function pathsIn(data: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(path);
  if (Array.isArray(data)) {
    data.forEach((item, i) => pathsIn(item, [...path, i], out));
    out.push([...path, data.length], [...path, 'id']);
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) pathsIn(value, [...path, key], out);
    out.push([...path, 'notThere'], [...path, 0]);
  }
  return out;
}

/** True if `path` goes on past an alias in `doc`: a key beyond one is where its anchor is, maybe far from the alias. */
function pastAlias(doc: Document, path: readonly PathSegment[]): boolean {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) return true;
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return false;
  }
  return false;
}

describe('locating a path by parsing only its part of the file', () => {
  for (const id of library) {
    it(`gives the whole document's range for every path in scenarios/${id}, with LF and CRLF line ends`, () => {
      const original = readFileSync(join(SCENARIOS, id, 'scenario.yaml'), 'utf8');
      for (const text of [original, crlf(original)]) {
        const data = quickParse(text, { schema: CORE_SCHEMA });
        const doc = parseDocument(text, PARSE_OPTIONS);
        // The empty path (the whole file) is left to the whole document.
        const paths = pathsIn(data).slice(1);
        const check = (locator: RegionLocator, path: PathSegment[], key: boolean) =>
          expect(locator.locate(path, { key }), `${JSON.stringify(path)}${key ? ' (key)' : ''}`).toEqual(locatePath(doc, path, { key }));
        const values = new RegionLocator(text, data, Infinity);
        const keys = new RegionLocator(text, data, Infinity);
        const keysPastAliases = new RegionLocator(text, data, Infinity);
        for (const path of paths) {
          check(values, path, false);
          check(pastAlias(doc, path) ? keysPastAliases : keys, path, true);
        }
        // The library is plain YAML: no path should have needed the whole file but a key past an alias.
        expect(values.parsedWhole).toBe(false);
        expect(keys.parsedWhole).toBe(false);
      }
    });
  }
});

interface Tally {
  compared: number;
  located: number;
}

/** Loads `text` on both paths and holds them to the same result; counts the quick path's answers with problems. */
function agree(text: string, options: LoadOptions, label: string, tally: Tally): void {
  const full = loadScenario(text, { ...options, quick: false });
  const quick = quickLoad(text, options);
  tally.compared++;
  if (!quick) return;
  if (quick.diagnostics.length > 0) tally.located++;
  expect(quick, label).toEqual(full);
}

const EDITS: Array<[string, Edit, number]> = [
  ['misspelt references', misspellId, 10],
  ['values of the wrong type', swapValue, 10],
  ['hand-edit slips', mutate, 10],
];

describe('a file with problems loads the same on the quick and the positional path', () => {
  for (const [index, id] of library.entries()) {
    it(`on edited versions of scenarios/${id} and of its sections`, () => {
      const folder = join(SCENARIOS, id);
      const options = { file: 'x.yaml', readFile: fixtureReader(folder) };
      const original = readFileSync(join(folder, 'scenario.yaml'), 'utf8');
      const tally: Tally = { compared: 0, located: 0 };
      for (const [e, [name, edit, count]] of EDITS.entries()) {
        const seedBase = index * 1_000_003 + e * 100_003;
        for (const [text, label] of editedVersions(original, seedBase, count * SCALE, edit)) agree(text, options, `${name}, ${label}`, tally);
        for (const [text, label] of editedVersions(crlf(original), seedBase + 50_000, Math.ceil((count * SCALE) / 5), edit)) agree(text, options, `${name}, CRLF, ${label}`, tally);
        // Sections of the scenario spliced into the minimal one: its constructs at a fraction of the parse time.
        splicedSections(original, MINIMAL).forEach((piece, p) => {
          for (const [text, label] of editedVersions(piece, seedBase + (p + 1) * 1_009, 4 * SCALE, edit)) agree(text, options, `${name}, section ${p}, ${label}`, tally);
        });
      }
      // Most edits leave YAML both parsers read alike: the quick path must have answered for many of them.
      expect(tally.located).toBeGreaterThan(tally.compared / 4);
    });
  }
});

/**
 * YAML the indentation scan does not read, or that the two parsers read differently,
 * each in the minimal scenario with and without a misspelt reference (`goto: recoverd`):
 * the quick path must still answer as the positional one does, by its fallbacks.
 */
const UNUSUAL: Array<[string, Array<[string, string]>]> = [
  ['a number only yaml reads as one (-.5)', [['label: Compare canary and stable', 'label: -.5']]],
  ['a number only js-yaml reads as one (0b1010)', [['duration: 10', 'duration: 0b1010']]],
  ['a signed hex number', [['duration: 10', 'duration: -0x1f']]],
  ['minus zero', [['rps: 200', 'rps: -0']]],
  ['a comment glued to a closing quote', [['title: Canary failing', 'title: "Canary failing"#c']]],
  ['a comment glued to a closing bracket', [['      reveal: [canary-bad]', '      reveal: [canary-bad]#c']]],
  ['a key in brackets that names a field', [['    title: Canary failing', '    [title]: Canary failing']]],
  ['a tab after a value', [['title: Canary failing', 'title: Canary failing\t']]],
  ['a tab before a comment', [['title: Canary failing', 'title: Canary failing\t# c']]],
  ['a lone carriage return', [['title: Canary failing', 'title: Canary\rfailing']]],
  ['a comment at the margin between items', [['  - id: recovered', '# between\n  - id: recovered']]],
  ['a comment between an item and its last key', [['    transitions:', '  # c\n    transitions:']]],
  ['a value over two lines', [['text: Customers say checkout fails now and then.', 'text: Customers say checkout fails\n      now and then.']]],
  ['a value on the line after its key', [['text: Customers say checkout fails now and then.', 'text:\n      Customers say checkout fails now and then.']]],
  ['a text block with an indentation indicator', [['title: Canary failing', 'title: |2\n       Canary failing']]],
  ['a kept text block ending an item', [['    title: Canary rolled back\n', '    title: |+\n      Canary rolled back\n\n\n']]],
  ['a folded text block with a more indented line', [['title: Canary failing', 'title: >\n      Canary\n        failing\n      now']]],
  ['a list at its key\'s indentation', [['      reveal: [canary-bad]', '      reveal:\n      - canary-bad']]],
  ['a list at its key\'s indentation, misspelt inside', [['      reveal: [canary-bad]', '      reveal:\n      - canary-bda']]],
  ['a list in a list', [['      reveal: [canary-bad]', '      reveal:\n        - - canary-bad']]],
  ['an anchor and an alias', [['        - { metric: errorRatio, cohort: canary, reset: true }', '        - &r { metric: errorRatio, cohort: canary, reset: true }\n        - *r']]],
  ['a misspelling behind an alias', [['      telemetry:\n        - { metric: errorRatio, cohort: canary, to: 0.2', '      telemetry: &t\n        - { metric: errorRatio, cohort: canry, to: 0.2'], ['        - { metric: errorRatio, cohort: canary, reset: true }', '        - { metric: errorRatio, cohort: canary, reset: true }\n    logs: *t']]],
  ['an unknown key behind an alias', [['    onEnter:\n      telemetry:\n        - { metric: errorRatio, cohort: canary, to: 0.2', '    onEnter: &e\n      colour: red\n      telemetry:\n        - { metric: errorRatio, cohort: canary, to: 0.2'], ['    title: Canary rolled back\n    onEnter:\n      telemetry:\n        - { metric: errorRatio, cohort: canary, reset: true }', '    title: Canary rolled back\n    onEnter: *e']]],
  ['a merge key', [['    title: Canary rolled back\n', '    title: Canary rolled back\n    <<: { x: 1 }\n']]],
  ['an explicit key', [['    title: Canary failing', '    ? title\n    : Canary failing']]],
  ['a bracketed key', [['    title: Canary failing', '    title: Canary failing\n    [a]: b']]],
  ['a quoted key', [['    title: Canary failing', '    "title": Canary failing']]],
  ['a space before a colon', [['    title: Canary failing', '    title : Canary failing']]],
  ['a document start line', [['format: 1', '---\nformat: 1']]],
  ['a document start line with a comment', [['format: 1', '--- # scenario\nformat: 1']]],
  ['a byte order mark', [['# The smallest', '\ufeff# The smallest']]],
  ['a very long line', [['text: Customers say checkout fails now and then.', `text: ${'very '.repeat(300)}long`]]],
  ['a missing top-level field', [['title: Minimal canary incident\n', '']]],
  ['an unknown top-level key', [['difficulty: tutorial', 'difficulty: tutorial\ndificulty: tutorial']]],
  ['an empty value', [['    title: Canary failing', '    title:']]],
  ['an empty value with a comment', [['    title: Canary failing', '    title:   # later']]],
  ['an empty list item', [['      reveal: [canary-bad]', '      reveal:\n        -\n        - canary-bad']]],
  ['trailing spaces after keys', [['    onEnter:\n', '    onEnter:   \n'], ['    transitions:\n', '    transitions:  \n']]],
  ['a whole phase in brackets', [['  - id: failing\n    title: Canary failing\n    onEnter:\n      telemetry:\n        - { metric: errorRatio, cohort: canary, to: 0.2, shape: ramp, over: 2m }', '  - { id: failing, title: Canary failing, onEnter: { telemetry: [{ metric: errorRatio, cohort: canry, to: 0.2 }] } }']]],
  ['the top level indented', [['format: 1', '  format: 1']]],
  ['a huge number', [['rps: 200', 'rps: 1e999']]],
  ['infinity', [['rps: 200', 'rps: .inf']]],
];

describe('unusual YAML with a problem loads the same on both paths', () => {
  const options = { file: 'x.yaml', readFile: fixtureReader(FIXTURES) };
  for (const [name, edits] of UNUSUAL) {
    it(name, () => {
      for (const misspelt of [true, false]) {
        let text = misspelt ? MINIMAL.replace('goto: recovered', 'goto: recoverd') : MINIMAL;
        for (const [from, to] of edits) {
          expect(text.includes(from), from).toBe(true);
          text = text.replace(from, to);
        }
        const full = loadScenario(text, { ...options, quick: false });
        if (misspelt) expect(full.diagnostics.length).toBeGreaterThan(0);
        expect(loadScenario(text, options)).toEqual(full);
      }
    });
  }
});
