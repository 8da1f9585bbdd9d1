/**
 * Editor support, checked with a real JSON Schema validator. Editors' YAML support reads
 * scenarios/scenario.schema.json (draft-07) for completion, hover help and red squiggles;
 * the game reads scenarios with the Zod loader. The two must agree: every library
 * scenario passes both, and every broken example in test/fixtures/diagnostics is caught
 * by the loader and — where the fault is structural — by the editor too.
 */
import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioFromPostmortem } from '../src/scenario/author/from-postmortem.ts';
import { servicePartFromYaml } from '../src/scenario/author/from-service.ts';
import { renderDraft, type Draft } from '../src/scenario/author/draft.ts';
import { scenarioTemplate } from '../src/scenario/author/template.ts';
import { ALL_CODES } from '../src/scenario/diagnostics.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { FIXTURES, fixtureReader } from './support/scenario-text.ts';

const ROOT = join(FIXTURES, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'scenario.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/**
 * What the editor's validator makes of each fixture's data. "rejects": the fault is one
 * the JSON Schema can express (a type, a required field, an unknown key, an enum, a range,
 * a pattern), so the author sees it while typing. "accepts": the fault is beyond JSON
 * Schema (references between ids, refinements, the phase graph, file-level limits), so
 * only `scenario check` finds it. "no data": the YAML itself does not parse.
 * A new fixture, or a schema change that moves a fault from one side to the other, fails
 * the test until this table says which side it is on.
 */
const EDITOR: Record<string, 'rejects' | 'accepts' | 'no data'> = {
  BR001: 'no data',
  BR002: 'accepts', // the file is too long; its content is a valid scenario
  BR003: 'accepts', // control characters inside a text value
  BR004: 'rejects', // an empty document is null, not a mapping
  BR005: 'rejects', // a list where the scenario mapping belongs
  BR006: 'accepts', // a duplicate key: the parser keeps one value
  BR007: 'rejects', // the alias bomb expands into lists where `tags` wants text
  BR008: 'rejects', // the deep nesting sits where `tags` wants text
  BR009: 'accepts', // an unknown tag on a text value still reads as text
  BR011: 'rejects',
  BR012: 'rejects',
  BR013: 'rejects',
  BR014: 'rejects',
  BR015: 'rejects',
  BR016: 'rejects',
  BR017: 'accepts', // a `.refine()` rule: JSON Schema cannot say it
  BR020: 'accepts',
  BR021: 'accepts',
  BR022: 'accepts',
  BR023: 'accepts',
  BR024: 'accepts',
  BR025: 'accepts',
  BR026: 'accepts',
  BR027: 'accepts',
  BR028: 'accepts',
  BR029: 'accepts',
  BR030: 'accepts',
  BR031: 'accepts',
  BR040: 'accepts',
  BR041: 'accepts',
  BR042: 'accepts',
  BR043: 'accepts',
  BR044: 'accepts',
  BR045: 'accepts',
  BR046: 'accepts',
  BR047: 'accepts',
  BR048: 'accepts',
  BR049: 'accepts', // a control character is valid JSON text
  BR050: 'accepts',
  BR051: 'accepts',
  BR052: 'accepts',
  BR053: 'accepts',
  BR054: 'accepts',
  BR055: 'accepts',
  BR057: 'accepts',
  BR058: 'accepts',
  BR090: 'rejects', // hundreds of unknown keys
};

/** The structural codes: faults the editor must flag as the author types. */
const STRUCTURAL = ['BR004', 'BR005', 'BR011', 'BR012', 'BR013', 'BR014', 'BR015', 'BR016'];

function editorErrors(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const libraryIds = readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(ROOT, 'scenarios', e.name, 'scenario.yaml')))
  .map((e) => e.name)
  .sort();

describe('the library in the editor', () => {
  it('has scenarios to check', () => {
    expect(libraryIds.length).toBeGreaterThan(0);
  });
  for (const id of libraryIds) {
    it(`scenarios/${id}/scenario.yaml validates against scenario.schema.json`, () => {
      const data = parse(readFileSync(join(ROOT, 'scenarios', id, 'scenario.yaml'), 'utf8'));
      expect(editorErrors(data)).toEqual([]);
    });
  }
});

describe('generated scenarios in the editor', () => {
  const service = servicePartFromYaml(readFileSync(join(ROOT, 'docs/examples/service.yaml'), 'utf8'), 'service.yaml').value;
  const postmortem = scenarioFromPostmortem('from-pm', readFileSync(join(ROOT, 'docs/examples/postmortem.md'), 'utf8'), 'pm.md').value;
  const drafts: Array<[string, Draft | undefined]> = [
    ['the template', scenarioTemplate('fresh')],
    ['--from-service', service && scenarioTemplate('from-service', { service })],
    ['--from-postmortem', postmortem],
  ];
  for (const [name, draft] of drafts) {
    it(`${name} validates against scenario.schema.json`, () => {
      expect(draft).toBeDefined();
      const [yaml] = renderDraft(draft as Draft);
      expect(editorErrors(parse(yaml?.text ?? ''))).toEqual([]);
    });
  }
});

interface Fixture {
  code: string;
  text: string;
  maxSize?: number;
  maxRunbookSize?: number;
}

// Loader codes only: a scoring code's fixture (BR068, BR069) loads clean and is reported by the
// checker's scoring, which test/diagnostics-fixtures.test.ts covers.
const fixtures: Fixture[] = readdirSync(join(FIXTURES, 'diagnostics'))
  .filter((f) => /^BR\d{3}\.yaml$/.test(f) && (ALL_CODES as readonly string[]).includes(f.slice(0, 5)))
  .sort()
  .map((f) => {
    const text = readFileSync(join(FIXTURES, 'diagnostics', f), 'utf8');
    const maxSize = /^# options: .*maxSize=(\d+)/m.exec(text)?.[1];
    const maxRunbookSize = /^# options: .*maxRunbookSize=(\d+)/m.exec(text)?.[1];
    return { code: f.slice(0, 5), text, ...(maxSize ? { maxSize: Number(maxSize) } : {}), ...(maxRunbookSize ? { maxRunbookSize: Number(maxRunbookSize) } : {}) };
  });

describe('broken examples: the loader and the editor agree', () => {
  it('every fixture code is classified, and the structural ones are all expected to be rejected', () => {
    expect(fixtures.map((f) => f.code).filter((c) => !(c in EDITOR))).toEqual([]);
    expect(STRUCTURAL.filter((c) => EDITOR[c] !== 'rejects')).toEqual([]);
    expect(STRUCTURAL.filter((c) => !fixtures.some((f) => f.code === c))).toEqual([]);
    expect(Object.keys(EDITOR).filter((c) => !ALL_CODES.includes(c as (typeof ALL_CODES)[number]))).toEqual([]);
  });

  for (const fixture of fixtures) {
    it(`${fixture.code}: the loader reports it; the editor ${EDITOR[fixture.code] ?? '(unclassified)'} it`, () => {
      const loaded = loadScenario(fixture.text, {
        file: `${fixture.code}.yaml`,
        readFile: fixtureReader(join(FIXTURES, 'diagnostics')),
        ...(fixture.maxSize ? { maxSize: fixture.maxSize } : {}),
        ...(fixture.maxRunbookSize ? { maxRunbookSize: fixture.maxRunbookSize } : {}),
      });
      expect(loaded.diagnostics.map((d) => d.code)).toContain(fixture.code);
      if (loaded.diagnostics.some((d) => d.code === fixture.code && d.severity === 'error')) expect(loaded.scenario).toBeUndefined();

      const verdict = EDITOR[fixture.code];
      // What an editor validates: the data, as far as the YAML reads at all.
      const doc = parseDocument(fixture.text, { uniqueKeys: false, logLevel: 'silent' });
      if (doc.errors.length > 0) {
        expect(verdict).toBe('no data');
        return;
      }
      expect(verdict).not.toBe('no data');
      const errors = editorErrors(doc.toJS({ maxAliasCount: -1 }));
      if (verdict === 'rejects') expect(errors.length, 'the editor should flag this fault').toBeGreaterThan(0);
      else expect(errors, 'the editor flags a fault it was not expected to see').toEqual([]);
    });
  }
});

describe('hover help in the exported schema', () => {
  type Node = { description?: string; properties?: Record<string, Node>; items?: Node };
  const root = schema as Node;
  const at = (...path: string[]) => path.reduce<Node | undefined>((node, key) => (key === '[]' ? node?.items : node?.properties?.[key]), root);

  it('describes the fields an author hovers over', () => {
    expect(at('actions', '[]', 'cost')?.description).toBe('Sim time the action takes. Its effects land when it completes.');
    expect(at('timeLimit')?.description).toContain('The run ends');
    expect(at('phases', '[]', 'transitions', '[]', 'when', 'inPhaseFor')?.description).toContain('current phase has lasted');
    expect(at('service', 'slos', '[]', 'objective')?.description).toContain('99.9');
  });

  it('describes every field at every depth: in lists, in each kind of a union, in shared definitions', () => {
    interface Any {
      description?: string;
      properties?: Record<string, Any>;
      items?: Any;
      anyOf?: Any[];
      oneOf?: Any[];
      allOf?: Any[];
      definitions?: Record<string, Any>;
      $defs?: Record<string, Any>;
      additionalProperties?: Any | boolean;
    }
    const missing: string[] = [];
    const walk = (node: Any | undefined, at: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description) missing.push(`${at}.${key}`);
        walk(child, `${at}.${key}`);
      }
      walk(node.items, `${at}[]`);
      for (const union of ['anyOf', 'oneOf', 'allOf'] as const) node[union]?.forEach((option, i) => walk(option, `${at}<${union} ${i}>`));
      for (const defs of ['definitions', '$defs'] as const) for (const [name, def] of Object.entries(node[defs] ?? {})) walk(def, `#${name}`);
      if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${at}{}`);
    };
    walk(schema as Any, '');
    expect(missing).toEqual([]);
  });
});
