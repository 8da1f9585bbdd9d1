/**
 * Checks on values the schema cannot express field by field: one-of-three effect
 * targets, cohort shares, SLO and latency consistency, reference choice shape, and
 * the runbook files themselves.
 */
import { checkLoops } from './loops.ts';
import type { ScenarioParts } from './parts.ts';
import type { Reporter } from './report.ts';
import { effectsSites } from './walk.ts';

/** Formats seconds back the way an author writes them: "90s", "5m", "1.5h". */
export function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/**
 * Telemetry effects need exactly one target; cohort shares add to 1; SLOs and latencies
 * make sense. A part that did not parse (undefined in `s`) is not checked.
 */
export function checkValues(s: ScenarioParts, report: Reporter): void {
  for (const { effects, path } of effectsSites(s)) {
    effects.telemetry.forEach((t, k) => {
      const given = (['to', 'factor', 'reset'] as const).filter((key) => t[key] !== undefined);
      if (given.length === 1) return;
      const at = [...path, 'telemetry', k];
      if (given.length === 0) {
        report.atPath('BR040', at, `the change to \`${t.metric}\` says where it starts but not where it goes`, {
          hint: 'add `to: <value>`, `factor: <multiple of the baseline>` or `reset: true`',
        });
      } else {
        report.atPath('BR040', at, `the change to \`${t.metric}\` gives ${given.map((g) => `\`${g}\``).join(' and ')}; give only one`, {
          hint: '`to` is an absolute value, `factor` a multiple of the baseline, `reset: true` goes back to the baseline',
        });
      }
    });
  }

  const total = s.telemetry.cohorts?.reduce((sum, c) => sum + c.share, 0) ?? 1;
  if (Math.abs(total - 1) > 1e-6) {
    report.atPath('BR041', ['telemetry', 'cohorts'], `cohort shares add up to ${Number(total.toFixed(6))}, not 1`, {
      hint: 'each share is the part of the baseline request rate that cohort carries; together they should be 1',
    });
  }

  s.service.slos.forEach((slo, i) => {
    if (slo.kind === 'latency' && slo.thresholdMs === undefined) {
      report.atPath('BR042', ['service', 'slos', i, 'kind'], `latency SLO \`${slo.id}\` has no \`thresholdMs\``, {
        hint: 'add `thresholdMs: <ms>`: a request slower than that counts against the SLO',
      });
    }
  });

  const latency = s.telemetry.latency;
  if (latency && latency.p50 > latency.p95) {
    report.atPath('BR043', ['telemetry', 'latency', 'p95'], `p95 (${latency.p95} ms) is below p50 (${latency.p50} ms)`, {
      hint: 'percentiles never decrease: p50 ≤ p95 ≤ p99',
    });
  }
  if (latency && latency.p95 > latency.p99) {
    report.atPath('BR043', ['telemetry', 'latency', 'p99'], `p99 (${latency.p99} ms) is below p95 (${latency.p95} ms)`, {
      hint: 'percentiles never decrease: p50 ≤ p95 ≤ p99',
    });
  }

  s.scoring.references.forEach((ref, i) => {
    let previous = 0;
    ref.choices.forEach((choice, j) => {
      const at = ['scoring', 'references', i, 'choices', j];
      const given = (['do', 'choose', 'ack'] as const).filter((key) => choice[key] !== undefined);
      if (given.length !== 1) {
        report.atPath('BR045', at, `a choice must give exactly one of \`do\`, \`choose\` or \`ack\`, this one gives ${given.length ? given.map((g) => `\`${g}\``).join(' and ') : 'none'}`, {
          hint: 'split it into one choice per line, each with its own `at`',
        });
      }
      if (choice.at < previous) {
        report.atPath('BR046', [...at, 'at'], `this choice at ${formatSeconds(choice.at)} comes before the previous one at ${formatSeconds(previous)}`, {
          hint: 'list choices in time order, as the player would make them',
        });
      } else if (s.timeLimit !== undefined && choice.at >= s.timeLimit) {
        report.atPath('BR046', [...at, 'at'], `this choice at ${formatSeconds(choice.at)} is at or after the time limit (${formatSeconds(s.timeLimit)})`, {
          hint: 'the run has already ended by then; move it earlier or remove it',
        });
      }
      previous = Math.max(previous, choice.at);
    });
  });

  // Here rather than with the graph checks, which run only on a file with no errors: a
  // certain loop is an error, so the scenario must not load.
  checkLoops(s.phases, report);
}

/**
 * The longest runbook the desk shows, in characters. Real runbooks are a few kB; the bound
 * keeps a pasted log or a hostile file from costing the desk seconds to lay out.
 */
export const MAX_RUNBOOK_SIZE = 64 * 1024;

const kib = (n: number) => (n >= 1024 ? `${Math.round((n / 1024) * 10) / 10} KiB` : `${n} characters`);

/**
 * Reads every runbook through `readFile`, reporting files it cannot find or that are
 * longer than `maxSize` characters. Returns
 * the markdown by runbook id. Without `readFile` nothing is read or reported.
 */
export function loadRunbooks(
  s: Pick<ScenarioParts, 'runbooks'>,
  readFile: ((relativePath: string) => string | undefined) | undefined,
  report: Reporter,
  maxSize: number = MAX_RUNBOOK_SIZE,
): Record<string, string> {
  const runbooks: Record<string, string> = {};
  if (!readFile) return runbooks;
  s.runbooks.forEach((runbook, i) => {
    let text: string | undefined;
    let failure: string | undefined;
    try {
      text = readFile(runbook.file);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (typeof text === 'string' && text.length > maxSize) {
      report.atPath('BR048', ['runbooks', i, 'file'], `the runbook file \`${runbook.file}\` is ${kib(text.length)}, more than the ${kib(maxSize)} a runbook may be`, {
        hint: 'a runbook is a page or two of steps; split it, or link to the long document instead of copying it in',
      });
      return;
    }
    if (typeof text === 'string') {
      runbooks[runbook.id] = text;
      return;
    }
    report.atPath('BR044', ['runbooks', i, 'file'], `the runbook file \`${runbook.file}\` cannot be ${failure ? 'read' : 'found'}`, {
      hint: failure ? `reading it failed: ${failure}` : 'the path is relative to the folder that holds scenario.yaml',
    });
  });
  return runbooks;
}
