/**
 * `npm run scenario -- <command> …`: a small dispatcher. Each sub-command lives in
 * its own module and exports a {@link Command}; add one by adding a line below.
 */
import './plain-env.ts';
import { pathToFileURL } from 'node:url';
import { checkCommand } from './check.ts';
import { docsCommand } from './docs.ts';
import { graphCommand } from './graph.ts';
import { processIO, type CliIO, type Command } from './io.ts';
import { newCommand } from './new.ts';
import { playCommand } from './play.ts';
import { schemaCommand } from './schema.ts';

/** Sub-commands by name; `npm run scenario -- <name>` runs one. */
export const commands: Record<string, Command> = {
  check: checkCommand,
  new: newCommand,
  graph: graphCommand,
  docs: docsCommand,
  play: playCommand,
  schema: schemaCommand,
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['usage: npm run scenario -- <command> [options]', '', 'commands:', ...lines, '', 'run a command with --help for its options'].join('\n');
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(args: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(`unknown command \`${name}\`\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`scenario ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
