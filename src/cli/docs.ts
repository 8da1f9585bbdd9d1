/**
 * `scenario docs [--check]`: regenerates the generated sections of docs/authoring.md (the
 * field reference and the diagnostic code index) so they always match the schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refreshAuthoringDoc, headingLink, type CodeEntry } from '../scenario/author/authoring-doc.ts';
import { markers, type JsonSchema } from '../scenario/author/field-reference.ts';
import { DIAGNOSTIC_CODES } from '../scenario/diagnostics.ts';
import { SCORING_CODES } from '../scoring/diagnostics.ts';
import type { CliIO, Command } from './io.ts';
import { generateSchemaText } from './schema.ts';

/** Where the guide lives, relative to the repository root. */
export const AUTHORING_PATH = 'docs/authoring.md';

/** Every diagnostic code, linked to the page that explains its fix. */
export function codeEntries(): CodeEntry[] {
  const loader = Object.entries(DIAGNOSTIC_CODES).map(([code, c]) => ({ code, ...c, doc: headingLink('diagnostics.md', code, c.name) }));
  const scoring = Object.entries(SCORING_CODES).map(([code, c]) => ({ code, ...c, doc: 'scoring.md#scoring-diagnostic-codes' }));
  return [...loader, ...scoring].sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** docs/authoring.md as it should be, given its current text. */
export function freshAuthoringDoc(current: string): { text: string; missing: string[] } {
  return refreshAuthoringDoc(current, JSON.parse(generateSchemaText()) as JsonSchema, codeEntries());
}

const USAGE = `usage: npm run scenario -- docs [--check]

Regenerates the generated sections of ${AUTHORING_PATH}: the reference of every scenario
field (from the schema's descriptions) and the index of diagnostic codes.
  --check   write nothing; exit 1 if the file is out of date`;

async function run(args: string[], io: CliIO): Promise<number> {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    io.stderr(`unexpected argument ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const path = join(io.cwd, AUTHORING_PATH);
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    io.stderr(`error: cannot read ${AUTHORING_PATH}`);
    return 1;
  }
  const { text, missing } = freshAuthoringDoc(current);
  if (missing.length > 0) {
    const lines = missing.map((name) => `  ${markers(name).begin}\n  ${markers(name).end}`);
    io.stderr(`error: ${AUTHORING_PATH} lacks the markers for ${missing.join(', ')}; put these lines where the section goes:\n${lines.join('\n')}`);
    return 1;
  }
  if (args.includes('--check')) {
    if (text === current) {
      io.stdout(`${AUTHORING_PATH} is up to date`);
      return 0;
    }
    io.stderr(`${AUTHORING_PATH} is out of date: run \`npm run scenario -- docs\``);
    return 1;
  }
  if (text === current) {
    io.stdout(`${AUTHORING_PATH} is already up to date`);
    return 0;
  }
  writeFileSync(path, text);
  io.stdout(`updated the generated sections of ${AUTHORING_PATH}`);
  return 0;
}

export const docsCommand: Command = { summary: `regenerate the field reference and code index in ${AUTHORING_PATH}`, usage: USAGE, run };
