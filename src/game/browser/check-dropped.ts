/**
 * Checks dropped scenario files off the main thread: each batch goes to a fresh Web Worker
 * (see check-worker.ts), which ends when it answers. Checking a large broken file can take
 * seconds; the picker keeps drawing and answering keys meanwhile.
 */
import type { LibraryEntry } from '../picker/library.ts';
import type { PickedFile } from './files.ts';

type WorkerAnswer = { ok: true; entries: LibraryEntry[] } | { ok: false; error: string };

/** The dropped files as library entries, loaded and checked in a worker. */
export function checkDropped(files: PickedFile[]): Promise<LibraryEntry[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.entries);
      else reject(new Error(`checking the file failed: ${event.data.error}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`checking the file failed: ${event.message || 'the checker could not start'}`));
    };
    worker.postMessage(files);
  });
}
