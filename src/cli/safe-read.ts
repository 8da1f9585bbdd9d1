/**
 * Reading a file the CLI was pointed at, or that a scenario names, without trusting what
 * the path turns out to be: only regular files are read (a named pipe would block for
 * ever, `/dev/zero` never ends), never more than a bounded number of bytes, and when a
 * folder is given, never a file that resolves outside it (a shared scenario archive can
 * carry a symlink to anywhere).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';

/** Why a file was not read, in words; `code` is Node's error code when there was one. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly code?: string,
    /** Set when the file is larger than allowed. */
    readonly size?: number,
  ) {
    super(message);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a regular file of at most `maxBytes` bytes as UTF-8. With `within`, the file's
 * real path (symlinks resolved) must lie inside that folder. Throws {@link UnreadableFile}
 * with a plain reason otherwise, or the file system's own error (ENOENT, EACCES…).
 */
export function readRegularFile(path: string, maxBytes: number, within?: string): string {
  if (within !== undefined) {
    const folder = realpathSync(within);
    const real = realpathSync(path);
    if (real !== folder && !real.startsWith(folder + sep)) {
      const link = lstatSync(path).isSymbolicLink() ? 'is a link to' : 'resolves to';
      throw new UnreadableFile(`it ${link} \`${real}\`, outside the scenario's folder`);
    }
  }
  const before = statSync(path);
  if (before.isDirectory()) throw new UnreadableFile('it is a folder', 'EISDIR');
  if (!before.isFile()) throw new UnreadableFile(`it is ${kindOf(before)}, not a regular file`, 'ENOTREG');
  if (before.size > maxBytes) throw new UnreadableFile(`it is ${before.size} bytes, more than the ${maxBytes} allowed`, 'EFBIG', before.size);
  // Non-blocking, and checked again once open: the path may have been swapped for a pipe meanwhile.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new UnreadableFile(`it is ${kindOf(opened)}, not a regular file`, 'ENOTREG');
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new UnreadableFile(`it grew past the ${maxBytes} bytes allowed while being read`, 'EFBIG', length);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
