/** Reading scenarios from disk for the CLI: discovery, size guard, runbooks beside the file. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { didYouMean, type Diagnostic } from '../scenario/diagnostics.ts';
import { normaliseLineEnds } from '../scenario/line-ends.ts';
import { loadScenario, type LoadResult } from '../scenario/load.ts';
import { DEFAULT_MAX_SIZE, tooLargeMessage } from '../scenario/prescan.ts';
import { readRegularFile, UnreadableFile } from './safe-read.ts';

/** Largest runbook file read; the browser reads no file larger either. */
export const MAX_RUNBOOK_BYTES = 4 * 1024 * 1024;

/** Every `scenarios/<id>/scenario.yaml` under `root`, sorted, as paths relative to `root`. */
export function findScenarioFiles(root: string): string[] {
  const dir = join(root, 'scenarios');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'scenario.yaml')))
    .map((entry) => ['scenarios', entry.name, 'scenario.yaml'].join('/'))
    .sort();
}

/**
 * A `readFile` that reads regular files inside the scenario's folder and nowhere else,
 * symlinks included. A missing file is undefined; one that is there but may not be read
 * throws, with the reason in words (the loader shows it as the hint).
 */
export function folderReader(scenarioPath: string): (relativePath: string) => string | undefined {
  const folder = resolve(dirname(scenarioPath));
  return (relativePath) => {
    const target = resolve(folder, relativePath);
    if (target !== folder && !target.startsWith(folder + sep)) throw new UnreadableFile("the path leads outside the scenario's folder");
    try {
      return normaliseLineEnds(readRegularFile(target, MAX_RUNBOOK_BYTES, folder));
    } catch (error) {
      if (error instanceof UnreadableFile) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new UnreadableFile((error as Error).message);
    }
  };
}

/** A diagnostic for the whole file, at its first line. */
function fileDiagnostic(file: string, code: 'BR002' | 'BR010', message: string, hint: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code, message, hint };
}

/** Why `path` cannot be read as a scenario, in words, with what to do about it. */
function unreadable(path: string, display: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EISDIR') {
    // A scenario's own folder never gets here: scenarioFile names the scenario.yaml in it.
    return fileDiagnostic(display, 'BR010', `\`${display}\` is a folder, not a scenario file`, 'give the path of a scenario file, e.g. scenarios/<id>/scenario.yaml');
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const folder = dirname(path);
    let near: string | undefined;
    try {
      near = didYouMean(basename(path), readdirSync(folder));
    } catch {
      near = undefined;
    }
    const hint = near
      ? `did you mean \`${join(dirname(display), near).split(sep).join('/')}\`?`
      : 'check the path; a relative path starts from the folder the command runs in';
    return fileDiagnostic(display, 'BR010', `there is no file \`${display}\``, hint);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return fileDiagnostic(display, 'BR010', `\`${display}\` cannot be read: permission denied`, 'check the file\'s permissions');
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof UnreadableFile) {
    return fileDiagnostic(display, 'BR010', `\`${display}\` cannot be read: ${reason}`, 'a scenario is a regular YAML file; give the path of one, e.g. scenarios/<id>/scenario.yaml');
  }
  return fileDiagnostic(display, 'BR010', `\`${display}\` cannot be read: ${reason}`, 'check that the path names a readable scenario file');
}

/**
 * Loads a scenario file from disk. `display` is the name diagnostics carry. Files far
 * beyond the size cap are refused without reading them; a path that is not a readable
 * file (missing, a folder, no permission) gives a BR010 diagnostic. Never throws.
 */
export function loadScenarioFile(path: string, display: string = path): LoadResult {
  let text: string;
  try {
    // UTF-8 takes at most 4 bytes per UTF-16 unit, so this many bytes is surely too many characters.
    text = normaliseLineEnds(readRegularFile(path, 4 * DEFAULT_MAX_SIZE));
  } catch (error) {
    if (error instanceof UnreadableFile && error.size !== undefined) {
      const { message, hint } = tooLargeMessage(error.size, DEFAULT_MAX_SIZE);
      return { runbooks: {}, diagnostics: [fileDiagnostic(display, 'BR002', message, hint)] };
    }
    return { runbooks: {}, diagnostics: [unreadable(path, display, error)] };
  }
  return loadScenario(text, { file: display, readFile: folderReader(path) });
}

/** True for a folder that holds a `scenario.yaml`. */
function isScenarioFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && existsSync(join(path, 'scenario.yaml'));
  } catch {
    return false;
  }
}

/**
 * The scenario file a command-line argument names, as an absolute path and as shown: a
 * scenario's folder (one holding a `scenario.yaml`) stands for the file in it, as an author
 * naturally types it.
 */
export function scenarioFile(arg: string, cwd: string): { path: string; display: string } {
  const path = resolve(cwd, arg);
  if (isScenarioFolder(path)) return { path: join(path, 'scenario.yaml'), display: `${displayPath(arg, cwd).replace(/\/+$/, '')}/scenario.yaml` };
  return { path, display: displayPath(arg, cwd) };
}

/** A path as the user should see it: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}
