/** What a sub-command may touch: its output streams and the working directory. Tests pass fakes. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Where progress lines of a long command go, for a person watching; absent, none are shown. */
  progress?: (text: string) => void;
}

/** A sub-command: `run` returns the process exit code (0 ok, 1 problems found, 2 bad usage). */
export interface Command {
  /** One line for the command list. */
  summary: string;
  /** Usage lines, shown by `--help` and on bad usage. */
  usage: string;
  run: (args: string[], io: CliIO) => Promise<number>;
}

/** The real process: console output and the current directory. */
export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
  // Only to a terminal: a log or a pipe gets the report, not a ticker.
  ...(process.stderr.isTTY ? { progress: (text: string) => process.stderr.write(`${text}\n`) } : {}),
};
