/**
 * `npm run bench` and `npm run bench:browser` print each figure as `name: value unit` and
 * everything else on `# ` lines, so that a tool can read the figures by one pattern. These
 * tests format made-up measurements: they never run a benchmark or read the clock.
 */
import { describe, expect, it } from 'vitest';
import { browserReport } from '../bench/browser-report.ts';
import { checkReport } from '../bench/check.ts';
import { engineReport } from '../bench/engine.ts';
import { formatFigure, formatReport } from '../bench/figure.ts';
import { runbookReport } from '../bench/runbook.ts';
import { scoringReport } from '../bench/scoring.ts';

const FIGURE = /^[^:]+: -?[0-9.]+ \S+$/;

const reports = {
  engine: engineReport({ hour: 2660.4, references: 1234.6 }),
  checker: checkReport({ files: 7, kB: 12, meanMs: 36.83, oneProblemMs: 39.9, largest: { name: 'scenarios/big/scenario.yaml', kB: 40, ms: 61.2 }, misindentedMs: 140.5 }),
  scoring: scoringReport({ scenario: 'auth-canary', debriefed: 1900.2, assessed: 48000, exploreMs: 612.7, explored: 1623 }),
  runbook: runbookReport({ '[': 120.5, link: 40, comment: 3.25 }),
  browser: browserReport({
    renderer: 'canvas',
    loads: 5,
    emptyPhaserInteractiveMs: 512.4,
    interactiveMedianMs: 581.3,
    interactiveMaxMs: 640,
    firstInputMs: 24,
    firstInputLongestTaskMs: 0,
    pickerIdleCores: 0.012,
    deskPausedCores: 0.03,
    desk10xCores: 0.21,
    frameMedianMs: 16.7,
    frameP95Ms: 16.71,
    frameP99Ms: 16.8,
    frames: 598,
    simSpeed: 100.2,
    memoryRuns: 20,
    memoryGrowthBytes: 310_000,
    initialJsBytes: 392_000,
    initialJsFiles: 3,
    emptyPhaserJsBytes: 360_000,
  }),
};

describe('bench output', () => {
  for (const [group, report] of Object.entries(reports)) {
    it(`${group}: notes first as # lines, then one name: value unit line per figure`, () => {
      const lines = formatReport(report);
      const notes = lines.filter((l) => l.startsWith('#'));
      const figures = lines.filter((l) => !l.startsWith('#'));
      expect(lines).toEqual([...notes, ...figures]);
      expect(notes.length).toBeGreaterThan(0);
      expect(figures).toHaveLength(report.figures.length);
      for (const line of figures) expect(line).toMatch(FIGURE);
    });
  }

  it('prints the engine, checker and scoring figures under stable names', () => {
    const lines = [reports.engine, reports.checker, reports.scoring].flatMap(formatReport).filter((l) => !l.startsWith('#'));
    expect(lines).toEqual([
      'auth-canary 60-sim-min playthroughs per second: 2660 /s',
      'auth-canary reference playthroughs per second: 1235 /s',
      'check time per file: 36.83 ms',
      'check time per file, one problem: 39.90 ms',
      'check time, largest library file: 61.20 ms',
      'check time, largest library file, one key mis-indented: 140.50 ms',
      'auth-canary playthroughs + debrief per second: 1900 /s',
      'auth-canary assessments per second: 48000 /s',
      'auth-canary explore reachable levels: 613 ms',
    ]);
  });

  it('keeps the measured context on the note lines, not in the figures', () => {
    const notes = formatReport(reports.checker).filter((l) => l.startsWith('#'));
    expect(notes.join('\n')).toContain('7 library scenarios, 12 kB each');
    expect(formatReport(reports.browser)[0]).toBe('# renderer: canvas');
  });

  it('formats negative and fractional values by the same pattern', () => {
    expect(formatFigure({ name: 'drift', value: -0.5, unit: 'ms' })).toBe('drift: -0.50 ms');
    expect(formatFigure({ name: 'drift', value: 0, unit: 'ms' })).toBe('drift: 0 ms');
    expect(formatFigure({ name: 'drift', value: -0.5, unit: 'ms' })).toMatch(FIGURE);
  });

  it('prints a value that could not be measured as a note', () => {
    expect(formatFigure({ name: 'desk_10x_frame_p95', value: NaN, unit: 'ms' })).toBe('# desk_10x_frame_p95: not measured');
  });

  it('refuses a name or unit that would break the pattern', () => {
    expect(() => formatFigure({ name: 'time: total', value: 1, unit: 'ms' })).toThrow(/colon/);
    expect(() => formatFigure({ name: 'time', value: 1, unit: 'ms (mean)' })).toThrow(/one word/);
    expect(() => formatFigure({ name: '# time', value: 1, unit: 'ms' })).toThrow();
  });
});
