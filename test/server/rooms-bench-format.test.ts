/** `npm run bench:rooms` prints like every bench: `# ` notes, then `name: value unit` lines. Made-up figures; nothing is timed. */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../bench/figure.ts';
import { roomsReport } from '../../bench/rooms.ts';

describe('room bench output', () => {
  it('counts the largest step under the limit as held, and prints one figure per line', () => {
    const lines = formatReport(
      roomsReport({
        limitMs: 50,
        seconds: 5,
        steps: [
          { rooms: 25, reports: 300, p50Ms: 2.1, p95Ms: 5, p99Ms: 9.5 },
          { rooms: 100, reports: 1200, p50Ms: 4.2, p95Ms: 20, p99Ms: 38 },
          { rooms: 200, reports: 2400, p50Ms: 30, p95Ms: 80, p99Ms: 120 },
        ],
      }),
    );
    const figures = lines.filter((l) => !l.startsWith('#'));
    expect(lines).toEqual([...lines.filter((l) => l.startsWith('#')), ...figures]);
    for (const f of figures) expect(f).toMatch(/^[^:]+: -?[0-9.]+ \S+$/);
    expect(figures[0]).toBe('game-day rooms held with p99 under 50 ms: 100 rooms');
    expect(figures).toContain('report to broadcast p99 at 200 rooms: 120 ms');
  });
});
