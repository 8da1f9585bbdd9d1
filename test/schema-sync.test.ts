import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaText, SCHEMA_PATH } from '../src/cli/schema.ts';
import { MINIMAL } from './support/scenario-text.ts';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');

describe('scenarios/scenario.schema.json', () => {
  it('is what `npm run scenario -- schema` generates now (run it after changing the schema)', () => {
    expect(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8')).toBe(generateSchemaText());
  });

  it('is bound to scenario files in the editor settings', () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas'?: Record<string, unknown> };
    const globs = settings['yaml.schemas']?.[`./${SCHEMA_PATH}`];
    expect(globs).toContain('scenarios/**/scenario.yaml');
  });

  it('accepts the minimal scenario and flags a typo, as an editor would', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(generateSchemaText()) as object);
    expect(validate(parse(MINIMAL))).toBe(true);
    expect(validate(parse(MINIMAL.replace('    transitions:', '    transtions:')))).toBe(false);
  });
});
