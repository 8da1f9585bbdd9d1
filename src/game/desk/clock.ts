/**
 * Real time → sim time. At 1× one engine tick is due every TICK_MS of real time, so with
 * the default 10 s tick one real second is ten sim seconds: a 30-minute incident plays
 * in three minutes, fast enough to feel the budget drain, slow enough to read a log line.
 * Faster speeds shorten the interval. The scene calls `advance(dt)` every frame and steps
 * the engine as many times as it returns; never more than MAX_TICKS_PER_FRAME, and debt
 * beyond that is dropped rather than carried, so a slow frame or a hidden tab can never
 * turn into a burst of work (the sim simply runs a little slower than the wall clock).
 */

/** Real milliseconds per engine tick at 1×. */
export const TICK_MS = 1000;
/** Most engine ticks one frame may run. */
export const MAX_TICKS_PER_FRAME = 3;
/** Speeds offered to the player. */
export const SPEEDS = [1, 2, 5, 10] as const;

/** Fastest the clock runs while a decision is open: the player gets a readable window. */
export const DECISION_SPEED = 1;

export class SimClock {
  speed: number;
  paused = false;
  /** When set, the clock runs no faster than this (a decision is open). */
  cap: number | null = null;
  private carry = 0;

  constructor(speed = 1) {
    this.speed = speed;
  }

  /** Feeds one frame's real time (ms); returns how many engine ticks to run now. */
  advance(realMs: number): number {
    if (this.paused || !(realMs > 0)) return 0;
    this.carry += realMs * this.effectiveSpeed;
    // A hair of slack so 60 frames of 1000/60 ms make a whole tick despite rounding.
    const due = Math.floor((this.carry + 1e-6) / TICK_MS);
    if (due <= 0) return 0;
    const run = Math.min(due, MAX_TICKS_PER_FRAME);
    this.carry = due > MAX_TICKS_PER_FRAME ? 0 : Math.max(0, this.carry - run * TICK_MS);
    return run;
  }

  /** Fraction of the way to the next tick (0–1), for smooth motion between ticks. */
  get phase(): number {
    return this.carry / TICK_MS;
  }

  /** The speed the clock actually runs at now. */
  get effectiveSpeed(): number {
    return this.cap === null ? this.speed : Math.min(this.speed, this.cap);
  }

  /** One step slower or faster through SPEEDS, stopping at the ends. */
  step(direction: 1 | -1): number {
    const i = SPEEDS.findIndex((s) => s === this.speed);
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 0 : i) + direction))] as number;
    this.speed = next;
    return next;
  }

  setSpeed(speed: number): void {
    this.speed = speed;
  }

  togglePause(): boolean {
    this.paused = !this.paused;
    return this.paused;
  }
}
