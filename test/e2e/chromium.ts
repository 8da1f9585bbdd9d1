/**
 * Finds the Chromium the browser tests and `npm run bench:browser` drive: $CHROMIUM_PATH,
 * else chromium, chromium-browser or google-chrome on PATH or in /usr/bin. PATH is read
 * here, not by a shell, and nothing is spawned.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;
const FALLBACK_DIR = '/usr/bin';
const INSTALL = 'install Chromium: apt-get install -y chromium, or set CHROMIUM_PATH';

/** True for a file this process may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ChromiumLookup {
  env?: Record<string, string | undefined>;
  /** Whether a path is a program that can be run; checks the file system by default. */
  isExecutable?: (path: string) => boolean;
}

/**
 * The Chromium binary to launch. Prefers the names in order (chromium before
 * chromium-browser before google-chrome), each looked up like a shell would: the first
 * PATH directory that has it, then /usr/bin. Relative PATH entries are skipped. Throws
 * with the install instruction if none is found.
 */
export function findChromium({ env = process.env, isExecutable = isExecutableFile }: ChromiumLookup = {}): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file. ${INSTALL}`);
  }
  const dirs = [...new Set([...(env.PATH ?? '').split(delimiter).filter((d) => d !== '' && isAbsolute(d)), FALLBACK_DIR])];
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  throw new Error(`No Chromium found: looked for ${CHROMIUM_NAMES.join(', ')} on PATH and in ${FALLBACK_DIR}. ${INSTALL}`);
}
