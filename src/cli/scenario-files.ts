/** Reading scenarios from disk for the CLI: discovery, size guard, runbooks beside the file. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import { loadScenario, type LoadResult } from '../scenario/load.ts';
import { DEFAULT_MAX_SIZE, tooLargeMessage } from '../scenario/prescan.ts';

/** Every `scenarios/<id>/scenario.yaml` under `root`, sorted, as paths relative to `root`. */
export function findScenarioFiles(root: string): string[] {
  const dir = join(root, 'scenarios');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'scenario.yaml')))
    .map((entry) => ['scenarios', entry.name, 'scenario.yaml'].join('/'))
    .sort();
}

/** A `readFile` that reads files inside the scenario's folder and nowhere else. */
export function folderReader(scenarioPath: string): (relativePath: string) => string | undefined {
  const folder = resolve(dirname(scenarioPath));
  return (relativePath) => {
    const target = resolve(folder, relativePath);
    if (target !== folder && !target.startsWith(folder + sep)) return undefined;
    try {
      return readFileSync(target, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * Loads a scenario file from disk. `display` is the name diagnostics carry. Files far
 * beyond the size cap are refused without reading them. Throws only if the file
 * itself cannot be read (missing, a directory, no permission).
 */
export function loadScenarioFile(path: string, display: string = path): LoadResult {
  const size = statSync(path).size;
  // UTF-8 takes at most 4 bytes per UTF-16 unit, so this many bytes is surely too many characters.
  if (size > 4 * DEFAULT_MAX_SIZE) {
    const { message, hint } = tooLargeMessage(size, DEFAULT_MAX_SIZE);
    const diagnostic: Diagnostic = { file: display, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'BR002', message, hint };
    return { runbooks: {}, diagnostics: [diagnostic] };
  }
  return loadScenario(readFileSync(path, 'utf8'), { file: display, readFile: folderReader(path) });
}

/** A path as the user should see it: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}
