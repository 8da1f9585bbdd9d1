/**
 * Test helpers for the library's scenario story tests: load a scenario from
 * `scenarios/<id>/` the way the CLI does, and read what a run's telemetry and events say.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type LoadResult } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import type { Transcript } from '../../src/sim/runner.ts';

const LIBRARY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** Loads `scenarios/<id>/scenario.yaml` with its runbooks. Throws if it does not load. */
export function loadLibraryScenario(id: string): { loaded: LoadResult; scenario: Scenario } {
  const folder = join(LIBRARY, id);
  const loaded = loadScenario(readFileSync(join(folder, 'scenario.yaml'), 'utf8'), {
    file: `scenarios/${id}/scenario.yaml`,
    readFile: (path) => {
      try {
        return readFileSync(join(folder, path), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  if (!loaded.scenario) throw new Error(`scenarios/${id} does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return { loaded, scenario: loaded.scenario };
}

/** Mean of a recorded series over sim time [from, to] (seconds). */
export function mean(run: Transcript, key: string, from: number, to: number): number {
  const series = run.series[key];
  if (!series || series.length === 0) throw new Error(`no series ${key}`);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < run.time.length; i++) {
    const t = run.time[i] as number;
    if (t >= from && t <= to) {
      sum += series[i] as number;
      n++;
    }
  }
  if (n === 0) throw new Error(`no points of ${key} between ${from}s and ${to}s`);
  return sum / n;
}

/** Largest value of a recorded series over sim time [from, to] (seconds); the whole run by default. */
export function max(run: Transcript, key: string, from = 0, to = Infinity): number {
  const series = run.series[key];
  if (!series || series.length === 0) throw new Error(`no series ${key}`);
  let m = -Infinity;
  let n = 0;
  for (let i = 0; i < run.time.length; i++) {
    const t = run.time[i] as number;
    if (t >= from && t <= to) {
      m = Math.max(m, series[i] as number);
      n++;
    }
  }
  if (n === 0) throw new Error(`no points of ${key} between ${from}s and ${to}s`);
  return m;
}

/** Value of a recorded series at the first tick at or after sim time t (seconds). */
export function valueAt(run: Transcript, key: string, t: number): number {
  const series = run.series[key];
  if (!series || series.length === 0) throw new Error(`no series ${key}`);
  const i = run.time.findIndex((x) => x >= t);
  if (i < 0) throw new Error(`no point of ${key} at or after ${t}s`);
  return series[i] as number;
}

/** First sim time a series goes above a value, or null. */
export function firstAbove(run: Transcript, key: string, value: number): number | null {
  const series = run.series[key] as Float64Array;
  const i = series.findIndex((v) => v > value);
  return i < 0 ? null : (run.time[i] as number);
}

/** Sim time an alert first fired, or null. */
export function firstFiring(run: Transcript, alert: string): number | null {
  return run.events.find((e) => e.type === 'alert' && e.alert === alert && e.to === 'firing')?.t ?? null;
}

/** The phases the run went through, in order. */
export function phases(run: Transcript): string[] {
  return run.events.flatMap((e) => (e.type === 'phase' ? [e.phase] : []));
}

/** Sim time the run first entered a phase, or undefined. */
export function phaseAt(run: Transcript, phase: string): number | undefined {
  return run.events.find((e) => e.type === 'phase' && e.phase === phase)?.t;
}
