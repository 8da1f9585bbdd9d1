import { describe, expect, it } from 'vitest';
import { MAX_TICKS_PER_FRAME, SimClock, TICK_MS } from './clock.ts';

describe('sim clock', () => {
  it('runs one tick per TICK_MS of real time at 1×', () => {
    const clock = new SimClock(1);
    let ticks = 0;
    for (let i = 0; i < 60; i++) ticks += clock.advance(TICK_MS / 60);
    expect(ticks).toBe(1);
  });

  it('runs ten times as many ticks at 10×, spread over frames', () => {
    const clock = new SimClock(10);
    const perFrame: number[] = [];
    for (let i = 0; i < 60; i++) perFrame.push(clock.advance(TICK_MS / 60));
    expect(perFrame.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...perFrame)).toBe(1);
  });

  it('never runs more than a few ticks in one frame and drops the rest of a long stall', () => {
    const clock = new SimClock(10);
    expect(clock.advance(60_000)).toBe(MAX_TICKS_PER_FRAME);
    expect(clock.advance(1)).toBe(0);
  });

  it('stands still while paused', () => {
    const clock = new SimClock(5);
    clock.togglePause();
    expect(clock.advance(10_000)).toBe(0);
    clock.togglePause();
    expect(clock.advance(TICK_MS / 5)).toBe(1);
  });

  it('runs no faster than the cap while a decision is open, and at full speed again after', () => {
    const clock = new SimClock(10);
    clock.cap = 1;
    let ticks = 0;
    for (let i = 0; i < 60; i++) ticks += clock.advance(TICK_MS / 60);
    expect(ticks).toBe(1);
    clock.cap = null;
    ticks = 0;
    for (let i = 0; i < 60; i++) ticks += clock.advance(TICK_MS / 60);
    expect(ticks).toBe(10);
  });

  it('steps through the speeds and stops at the ends', () => {
    const clock = new SimClock(1);
    expect(clock.step(-1)).toBe(1);
    expect(clock.step(1)).toBe(2);
    expect(clock.step(1)).toBe(5);
    expect(clock.step(1)).toBe(10);
    expect(clock.step(1)).toBe(10);
    expect(clock.step(-1)).toBe(5);
  });
});
