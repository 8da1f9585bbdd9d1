/**
 * `scenario graph <file> [--markdown] [--out <file>]`: prints the scenario's phases and
 * endings as a Mermaid state diagram, which GitHub, GitLab and most editors render.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../scenario/diagnostics.ts';
import { scenarioToMermaid } from '../scenario/author/graph.ts';
import type { CliIO, Command } from './io.ts';
import { displayPath, loadScenarioFile, scenarioFile } from './scenario-files.ts';

const USAGE = `usage: npm run scenario -- graph <file> [--markdown] [--out <file>]

Prints the scenario as a Mermaid state diagram: phases, endings (coloured by outcome) and
what moves the incident between them (a condition, time, action or answer). Parts no run
can reach are grey and dashed.
  --markdown     wrap it in a \`\`\`mermaid block, ready to paste into a README or an issue
  --out <file>   write it to a file instead of printing it

Exit code: 0 on success, 1 if the scenario has errors, 2 on bad usage.`;

async function run(args: string[], io: CliIO): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  let markdown = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--markdown') markdown = true;
    else if (a === '--out') {
      out = args[++i];
      if (out === undefined || out.startsWith('--')) {
        io.stderr(`--out needs a file\n\n${USAGE}`);
        return 2;
      }
    } else if (a.startsWith('-') || file !== undefined) {
      io.stderr(`unexpected argument ${a}\n\n${USAGE}`);
      return 2;
    } else file = a;
  }
  if (file === undefined) {
    io.stderr(`give the scenario file to draw\n\n${USAGE}`);
    return 2;
  }
  const { path: scenarioPath, display } = scenarioFile(file, io.cwd);
  const result = loadScenarioFile(scenarioPath, display);
  if (!result.scenario || hasErrors(result.diagnostics)) {
    for (const d of sortDiagnostics(result.diagnostics)) io.stderr(formatDiagnostic(d));
    if (result.diagnostics.some((d) => d.code === 'BR010')) return 1;
    io.stderr(`\nno graph: ${display} has errors; fix them (npm run scenario -- check ${display}) and try again`);
    return 1;
  }
  const mermaid = scenarioToMermaid(result.scenario);
  const text = markdown ? `\`\`\`mermaid\n${mermaid}\`\`\`\n` : mermaid;
  if (out === undefined) {
    io.stdout(text.trimEnd());
    return 0;
  }
  writeFileSync(resolve(io.cwd, out), text);
  io.stdout(`wrote ${displayPath(out, io.cwd)}`);
  return 0;
}

export const graphCommand: Command = { summary: 'print a scenario as a Mermaid state diagram', usage: USAGE, run };
