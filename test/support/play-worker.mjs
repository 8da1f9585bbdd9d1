// A worker thread that plays scenarios for the fuzz (see play-guard.ts): a play that
// never returns can then be stopped from outside and named, instead of hanging the run.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { playFor } = await tsImport('./play-run.ts', import.meta.url);
parentPort.on('message', ({ id, scenario, seed, ticks }) => {
  try {
    parentPort.postMessage({ id, ok: true, figures: playFor(scenario, seed, ticks) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
