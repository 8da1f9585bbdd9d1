/**
 * Runbook figures: CPU time to read and lay out hostile runbooks of 256 KB (four times the
 * size the checker lets through), with a measurer that costs nothing, so the figure is the
 * markdown reader's and the layout's own work.
 */
import { parseMarkdown } from '../src/game/desk/markdown.ts';
import { layoutBlocks } from '../src/game/desk/markdown-layout.ts';
import type { Report } from './figure.ts';

const INPUTS: ReadonlyArray<[string, string]> = [
  ['[', '['],
  ['[x](', 'link'],
  ['<!--', 'comment'],
];

/** What was measured: CPU milliseconds per input name. */
export function runbookReport(ms: Record<string, number>): Report {
  return {
    notes: ['runbook: CPU milliseconds to read and lay out 256 KB of one repeated piece, median of five rounds'],
    figures: Object.entries(ms).map(([name, value]) => ({ name: `runbook 256 KB of ${name} read and laid out`, value, unit: 'ms' })),
  };
}

function cpuMs(fn: () => void, rounds = 5): number {
  fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return Math.round((samples[Math.floor(rounds / 2)] as number) * 100) / 100;
}

export function runbookFigures(): Report {
  const metrics = { lineHeight: () => 22, blockGap: 8, indent: 20 };
  const ms: Record<string, number> = {};
  for (const [piece, name] of INPUTS) {
    const text = piece.repeat(Math.ceil((256 * 1024) / piece.length));
    ms[name] = cpuMs(() => layoutBlocks(parseMarkdown(text), 400, (t) => t.length * 8, metrics));
  }
  return runbookReport(ms);
}
