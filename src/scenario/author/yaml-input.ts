/**
 * Reading a YAML input file (a service ownership file) against a Zod schema, with the
 * loader's own machinery: the same syntax checks, the same located plain-words messages
 * and the same diagnostic shape as a scenario gets.
 */
import { isMap, isSeq } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.ts';
import { checkCharacters, checkNesting } from '../prescan.ts';
import { Reporter } from '../report.ts';
import { reportSchemaIssues } from '../schema-issues.ts';
import { parseYaml, toPlainData } from '../yaml-source.ts';

export interface InputResult<T> {
  /** Set only when there are no errors. */
  value?: T;
  diagnostics: Diagnostic[];
}

/**
 * Parses `text` as YAML and validates it. `what` names the file in messages ("a service
 * file"); `example` points at a file to copy. Never throws.
 */
export function readYamlInput<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  what: { name: string; example: string },
): InputResult<z.output<S>> {
  const report = new Reporter(file, text);
  const result: InputResult<z.output<S>> = { diagnostics: [] };
  const clean = checkCharacters(text, report);
  const doc = clean !== undefined && checkNesting(clean, report) ? parseYaml(clean, report) : undefined;
  const contents = doc?.contents;
  if (doc && (contents === null || contents === undefined)) {
    report.atOffset('BR004', 0, 0, `the file is empty, but ${what.name} was expected`, { hint: `copy ${what.example} and edit it` });
  } else if (contents && !isMap(contents)) {
    const range = contents.range ?? [0, 0, 0];
    report.atOffset('BR005', range[0], range[1], `the file holds ${isSeq(contents) ? 'a list' : 'a single value'}, but ${what.name} is a mapping of \`key: value\` fields`, {
      hint: `see ${what.example} for the expected shape`,
    });
  } else if (doc) {
    const { data, usable } = toPlainData(doc, report);
    if (usable) {
      const parsed = schema.safeParse(data);
      if (parsed.success) result.value = parsed.data;
      else reportSchemaIssues(parsed.error.issues, schema, data, report);
    }
  }
  result.diagnostics = report.finish();
  if (report.errorCount > 0) delete result.value;
  return result;
}
