/**
 * `scenario schema [--check]`: writes scenarios/scenario.schema.json from the Zod
 * schema, so that editors offer completion and hover help while a trainer types.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FORMAT_VERSION, Scenario } from '../scenario/schema/index.ts';
import type { CliIO, Command } from './io.ts';

/** Where the generated schema lives, relative to the repository root. */
export const SCHEMA_PATH = 'scenarios/scenario.schema.json';
const SCHEMA_ID = `https://burn-rate.invalid/schema/scenario-v${FORMAT_VERSION}.json`;

/** The scenario JSON Schema as text: draft-07 (what editors' YAML support reads), describing what authors write. */
export function generateSchemaText(): string {
  const generated = z.toJSONSchema(Scenario, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const schema = { $schema, $id: SCHEMA_ID, ...rest, title: 'Burn Rate scenario' };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const USAGE = `usage: npm run scenario -- schema [--check]

Writes ${SCHEMA_PATH} from the scenario schema in src/scenario/schema.
  --check   write nothing; exit 1 if the file is missing or out of date`;

async function run(args: string[], io: CliIO): Promise<number> {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    io.stderr(`unexpected argument ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const path = join(io.cwd, SCHEMA_PATH);
  const fresh = generateSchemaText();
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (args.includes('--check')) {
    if (current === fresh) {
      io.stdout(`${SCHEMA_PATH} is up to date`);
      return 0;
    }
    io.stderr(`${SCHEMA_PATH} is ${current === undefined ? 'missing' : 'out of date'}: run \`npm run scenario -- schema\``);
    return 1;
  }
  if (current === fresh) {
    io.stdout(`${SCHEMA_PATH} is already up to date`);
    return 0;
  }
  writeFileSync(path, fresh);
  io.stdout(`wrote ${SCHEMA_PATH}`);
  return 0;
}

/** The `schema` sub-command. */
export const schemaCommand: Command = { summary: `write ${SCHEMA_PATH} for editor completion (--check: verify it)`, usage: USAGE, run };
