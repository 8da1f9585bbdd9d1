/**
 * Plays scenarios in a worker thread under a wall-clock guard: a play that takes longer
 * than the guard is stopped (the worker is ended and a fresh one started) and reported by
 * the name of the input, rather than hanging the test run.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { PlayFigures } from './play-run.ts';

type Answer = { id: number; ok: true; figures: PlayFigures } | { id: number; ok: false; error: string };

/** Figures over every play so far. */
export interface GuardTotals {
  plays: number;
  ticks: number;
  choices: number;
  endings: number;
  slowestMs: number;
  slowest: string;
}

export class PlayGuard {
  private worker: Worker | null = null;
  private next = 0;
  readonly totals: GuardTotals = { plays: 0, ticks: 0, choices: 0, endings: 0, slowestMs: 0, slowest: '' };

  constructor(
    /** Longest a single play may take, in milliseconds of wall-clock time. */
    readonly guardMs: number,
    /** Ticks each play runs at most. */
    readonly ticks: number,
  ) {}

  private start(): Worker {
    this.worker ??= new Worker(new URL('./play-worker.mjs', import.meta.url));
    return this.worker;
  }

  /** Plays `scenario`; resolves with an error message naming `label` if it throws or outlasts the guard. */
  async play(label: string, scenario: Scenario, seed: number): Promise<string | undefined> {
    const worker = this.start();
    const id = this.next++;
    const began = performance.now();
    // The first play also waits for the worker to start and compile: not held against it.
    const guard = this.totals.plays === 0 ? this.guardMs + 60_000 : this.guardMs;
    const answer = await new Promise<Answer | 'timeout'>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const timer = setTimeout(() => {
        done();
        resolve('timeout');
      }, guard);
      const onMessage = (m: Answer) => {
        if (m.id !== id) return;
        done();
        resolve(m);
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, scenario, seed, ticks: this.ticks });
    });
    const ms = performance.now() - began;
    if (answer === 'timeout') {
      await this.stop();
      return `${label}: playing it did not finish within ${guard} ms`;
    }
    if (!answer.ok) return `${label}: playing it threw ${answer.error}`;
    const t = this.totals;
    t.plays++;
    t.ticks += answer.figures.ticks;
    t.choices += answer.figures.choices;
    if (answer.figures.ended) t.endings++;
    if (ms > t.slowestMs && t.plays > 1) {
      t.slowestMs = ms;
      t.slowest = label;
    }
    return undefined;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
