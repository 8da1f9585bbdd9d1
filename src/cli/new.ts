/**
 * `scenario new <id> [--from-service <file.yaml> | --from-postmortem <file.md>]`: writes a
 * new scenario folder from the commented template (or from a service file or a
 * postmortem), then checks what it wrote so the author starts from a known-good file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { countDiagnostics, formatDiagnostic, plural, sortDiagnostics, type Diagnostic } from '../scenario/diagnostics.ts';
import { renderDraft, type Draft } from '../scenario/author/draft.ts';
import { scenarioFromPostmortem } from '../scenario/author/from-postmortem.ts';
import { servicePartFromYaml } from '../scenario/author/from-service.ts';
import { scenarioIdProblem } from '../scenario/author/scenario-id.ts';
import { scenarioTemplate } from '../scenario/author/template.ts';
import type { CliIO, Command } from './io.ts';
import { displayPath, loadScenarioFile } from './scenario-files.ts';
import { readRegularFile, UnreadableFile } from './safe-read.ts';
import { scoringCheck } from './scoring-check.ts';

const USAGE = `usage: npm run scenario -- new <id> [--from-service <file.yaml> | --from-postmortem <file.md>]

Creates scenarios/<id>/ with a commented scenario.yaml and its runbooks. The file checks
clean and plays as it is: edit it one part at a time, checking as you go.
  --from-service <file.yaml>     fill the service, SLOs, alerts and runbooks from a service
                                 ownership file (see docs/examples/service.yaml)
  --from-postmortem <file.md>    build the phases, actions and messages from a postmortem's
                                 timeline (see docs/examples/postmortem.md)

The id is the folder name: lowercase letters, digits and dashes, e.g. checkout-latency.
Exit code: 0 when written, 1 if the folder exists or an input file has problems, 2 on bad usage.`;

interface Options {
  id?: string;
  service?: string;
  postmortem?: string;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--from-service' || a === '--from-postmortem') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `${a} needs a file`;
      if (a === '--from-service') o.service = value;
      else o.postmortem = value;
    } else if (a.startsWith('-')) {
      return `unknown option ${a}`;
    } else if (o.id === undefined) {
      o.id = a;
    } else {
      return `unexpected argument ${a}: give one id`;
    }
  }
  if (o.service && o.postmortem) return 'use --from-service or --from-postmortem, not both';
  return o;
}

/** Far more than any postmortem or service file; a bigger input is probably the wrong file. */
const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** Reads an input file; a plain message (not a stack trace) if it cannot be read. Pipes and devices are refused, never waited on. */
function readInput(path: string, io: CliIO): string | undefined {
  try {
    return readRegularFile(resolve(io.cwd, path), MAX_INPUT_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      error instanceof UnreadableFile ? error.message : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    io.stderr(`error: cannot read ${path}: ${reason}`);
    return undefined;
  }
}

function report(diagnostics: readonly Diagnostic[], io: CliIO): void {
  for (const d of sortDiagnostics(diagnostics)) io.stderr(formatDiagnostic(d));
}

/** The draft the options ask for, or undefined after printing why not. */
function makeDraft(id: string, o: Options, io: CliIO): Draft | undefined {
  if (o.service) {
    const text = readInput(o.service, io);
    if (text === undefined) return undefined;
    const part = servicePartFromYaml(text, displayPath(o.service, io.cwd));
    report(part.diagnostics, io);
    if (!part.value) {
      io.stderr(`\nno scenario written: fix ${plural(countDiagnostics(part.diagnostics).errors, 'problem')} in ${o.service} first`);
      return undefined;
    }
    return scenarioTemplate(id, { service: part.value });
  }
  if (o.postmortem) {
    const text = readInput(o.postmortem, io);
    if (text === undefined) return undefined;
    const draft = scenarioFromPostmortem(id, text, displayPath(o.postmortem, io.cwd));
    report(draft.diagnostics, io);
    if (!draft.value) {
      io.stderr(`\nno scenario written: fix ${plural(countDiagnostics(draft.diagnostics).errors, 'problem')} in ${o.postmortem} first`);
      return undefined;
    }
    return draft.value;
  }
  return scenarioTemplate(id);
}

async function run(args: string[], io: CliIO): Promise<number> {
  const o = parseArgs(args);
  if (typeof o === 'string') {
    io.stderr(`${o}\n\n${USAGE}`);
    return 2;
  }
  if (o.id === undefined) {
    io.stderr(`give the new scenario an id\n\n${USAGE}`);
    return 2;
  }
  const problem = scenarioIdProblem(o.id);
  if (problem) {
    io.stderr(`error: ${problem}`);
    return 2;
  }
  const folder = join(io.cwd, 'scenarios', o.id);
  const shown = `scenarios/${o.id}`;
  if (existsSync(folder)) {
    io.stderr(`error: ${shown} already exists; nothing was written.\n  choose another id, or delete or rename the folder first`);
    return 1;
  }
  const draft = makeDraft(o.id, o, io);
  if (!draft) return 1;

  const files = renderDraft(draft);
  for (const file of files) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text, { flag: 'wx' });
    io.stdout(`created ${shown}/${file.path}`);
  }

  // Check what was written exactly as `check` would: loader, graph and scoring checks.
  const scenarioFile = `${shown}/scenario.yaml`;
  const path = join(folder, 'scenario.yaml');
  const found = scoringCheck(loadScenarioFile(path, scenarioFile), path, scenarioFile, []);
  const counts = countDiagnostics(found);
  for (const d of sortDiagnostics(found)) io.stdout(formatDiagnostic(d));
  io.stdout(
    counts.errors + counts.warnings === 0
      ? `\n${scenarioFile} checks clean.`
      : `\n${scenarioFile}: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} to work through.`,
  );
  io.stdout(
    [
      '',
      'next:',
      `  edit ${scenarioFile} (search for TODO)`,
      `  npm run scenario -- check ${scenarioFile}`,
      `  npm run scenario -- graph ${scenarioFile}`,
      ...(draft.scenario.scoring?.references?.length ? [`  npm run scenario -- play ${scenarioFile} --persona L3`] : []),
      '  the guide: docs/authoring.md',
    ].join('\n'),
  );
  return 0;
}

export const newCommand: Command = { summary: 'create scenarios/<id>/ from a template, a service file or a postmortem', usage: USAGE, run };
