/** `npm run bench:rooms` prints like every bench: `# ` notes, then `name: value unit` lines. Made-up figures; nothing is timed. */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../bench/figure.ts';
import { roomsReport } from '../../bench/rooms.ts';

describe('room bench output', () => {
  it('counts the largest step that, with every smaller one, stayed under the limit as held, and prints one figure per line', () => {
    const lines = formatReport(
      roomsReport({
        limitMs: 50,
        seconds: 5,
        steps: [
          { rooms: 25, scheduled: 250, sent: 250, reports: 250, p50Ms: 2.1, p95Ms: 5, p99Ms: 9.5 },
          { rooms: 100, scheduled: 1000, sent: 1000, reports: 1000, p50Ms: 4.2, p95Ms: 20, p99Ms: 38 },
          { rooms: 200, scheduled: 2000, sent: 2000, reports: 2000, p50Ms: 30, p95Ms: 80, p99Ms: 120 },
        ],
      }),
    );
    const figures = lines.filter((l) => !l.startsWith('#'));
    expect(lines).toEqual([...lines.filter((l) => l.startsWith('#')), ...figures]);
    for (const f of figures) expect(f).toMatch(/^[^:]+: -?[0-9.]+ \S+$/);
    expect(figures[0]).toBe('game-day rooms held with p99 under 50 ms: 100 rooms');
    expect(figures).toContain('report to broadcast p99 at 200 rooms: 120 ms');
  });

  it('holds no step above one that failed, and counts reports never back against the p99', () => {
    const report = roomsReport({
      limitMs: 50,
      seconds: 5,
      steps: [
        { rooms: 25, scheduled: 250, sent: 250, reports: 250, p50Ms: 2, p95Ms: 5, p99Ms: 9 },
        { rooms: 100, scheduled: 1000, sent: 640, reports: 600, p50Ms: 9, p95Ms: Infinity, p99Ms: Infinity },
        { rooms: 200, scheduled: 2000, sent: 2000, reports: 2000, p50Ms: 9, p95Ms: 20, p99Ms: 40 },
      ],
    });
    const lines = formatReport(report);
    const figures = lines.filter((l) => !l.startsWith('#'));
    for (const f of figures) expect(f).toMatch(/^[^:]+: -?[0-9.]+ \S+$/);
    expect(figures[0]).toBe('game-day rooms held with p99 under 50 ms: 25 rooms');
    expect(figures.some((f) => f.startsWith('report to broadcast p99 at 100 rooms'))).toBe(false);
    expect(lines).toContain('# rooms: 100 rooms, 640 of 1000 scheduled reports sent, 600 back: p50 9.0 ms, p95 never back, p99 never back');
  });
});
