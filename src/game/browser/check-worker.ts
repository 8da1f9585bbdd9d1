/**
 * A Web Worker that loads and checks dropped scenario files, so that a large or broken
 * file keeps the picker answering keys while it is checked. It runs the same loader as
 * everywhere else and posts back plain data (structured clone keeps the runbook map).
 */
import './zod-jitless.ts';
import { loadDropped } from '../picker/library.ts';
import type { PickedFile } from './files.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PickedFile[]>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  try {
    scope.postMessage({ ok: true, entries: loadDropped(event.data) });
  } catch (error) {
    scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
