import { describe, expect, it } from 'vitest';
import { LogBook } from './logbook.ts';

const a = { level: 'info' as const, source: 'pod-a', text: 'ok' };
const b = { level: 'error' as const, source: 'pod-b', text: 'boom' };

describe('log book', () => {
  it('keeps lines in order and reads them back', () => {
    const log = new LogBook(10);
    log.push(1, a);
    log.push(2, b);
    expect(log.toArray()).toEqual([
      { t: 1, ...a },
      { t: 2, ...b },
    ]);
    expect(JSON.parse(JSON.stringify(log))).toEqual(log.toArray());
  });

  it('drops the oldest lines beyond its capacity and counts them', () => {
    const log = new LogBook(3);
    for (let t = 0; t < 5; t++) log.push(t, t % 2 ? b : a);
    expect(log.length).toBe(3);
    expect(log.dropped).toBe(2);
    expect(log.toArray().map((e) => e.t)).toEqual([2, 3, 4]);
    expect(log.tail(2).map((e) => e.text)).toEqual(['boom', 'ok']);
  });

  it('grows to its capacity without losing lines', () => {
    const log = new LogBook(1000);
    for (let t = 0; t < 1200; t++) log.push(t, a);
    expect(log.length).toBe(1000);
    expect(log.at(0)?.t).toBe(200);
    expect(log.at(999)?.t).toBe(1199);
  });
});

describe('streamed lines', () => {
  const stream = (every: number) => ({ level: 'info' as const, source: 'pod', text: `every ${every}`, every });
  const play = (readEachTick: boolean) => {
    const log = new LogBook(10_000, 42, 2.5);
    log.startStreams(0, [stream(3), stream(7)]);
    for (let t = 10; t <= 600; t += 10) {
      log.advanceTo(t);
      if (t === 300) {
        log.push(t, { level: 'warn', source: 'deploy', text: 'rolled back' });
        log.startStreams(t, [stream(20)]);
      }
      if (readEachTick) void log.length;
    }
    return log.toArray();
  };

  it('writes the same lines in the same order whether read every tick or once at the end', () => {
    const eager = play(true);
    expect(play(false)).toEqual(eager);
    expect(eager.length).toBeGreaterThan(100);
  });

  it('stops a phase\'s streams when the next begins, and keeps time order', () => {
    const lines = play(false);
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.t).toBeGreaterThanOrEqual(lines[i - 1]!.t);
    expect(lines.some((l) => l.text === 'every 3' && l.t > 300)).toBe(false);
    expect(lines.filter((l) => l.text === 'every 20' && l.t > 300).length).toBeGreaterThan(10);
    expect(lines.find((l) => l.text === 'rolled back')?.t).toBe(300);
  });

  it('writes nothing beyond the horizon', () => {
    const log = new LogBook(100, 1, 1);
    log.startStreams(0, [stream(5)]);
    log.advanceTo(60);
    expect(log.toArray().every((l) => l.t <= 60)).toBe(true);
    expect(log.length).toBeGreaterThanOrEqual(8);
  });
});
