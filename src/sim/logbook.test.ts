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
