/**
 * When the engine's waiting conditions are worth checking. A message, question, transition
 * or ending waits on a condition; most ticks none of them can have changed, and checking
 * every one every tick would dominate a run. Each condition keeps a {@link Watch}: the
 * earliest time it could hold and the budget it needs passed. A settle pass that finds
 * nothing due records how long the run may stay quiet.
 */
import type { Condition } from '../scenario/schema/index.ts';
import { budgetFloor, holds, wakeTime, type RunView } from './conditions.ts';

/**
 * When a waiting condition is next worth checking: not before `wake`, nor while the budget
 * spent is at or below `floor`, unless the run's state moved past `version`.
 */
export interface Watch {
  wake: number;
  floor: number;
  version: number;
}

/** A watch that checks its condition at the first chance. */
export const watch = (): Watch => ({ wake: -Infinity, floor: -Infinity, version: -1 });

/** The wake bookkeeping of one run. */
export class Wakes {
  /** Earliest wake among the conditions checked in the current pass whose budget floor is passed. */
  private passWake = Infinity;
  /** Lowest budget floor among the others. */
  private passFloor = Infinity;
  /**
   * While the state is at `quietVersion`, time before `quietUntil` and the budget spent at or
   * below `quietFloor`, nothing waiting can fire.
   */
  private quietVersion = -1;
  private quietUntil = -Infinity;
  private quietFloor = -Infinity;

  /** True while nothing waiting can fire: no state change, wake time or budget floor since the last quiet pass. */
  quiet(version: number, t: number, budgetSpent: number): boolean {
    return version === this.quietVersion && t < this.quietUntil && budgetSpent <= this.quietFloor;
  }

  /** Starts a pass over every waiting condition. */
  beginPass(): void {
    this.passWake = Infinity;
    this.passFloor = Infinity;
  }

  /** Something other than a condition is due at `t` (a question's deadline). */
  deadline(t: number): void {
    if (t < this.passWake) this.passWake = t;
  }

  /** The pass found nothing due with the state at `version`: stay quiet until its earliest wake. */
  endQuietPass(version: number): void {
    this.quietVersion = version;
    this.quietUntil = this.passWake;
    this.quietFloor = this.passFloor;
  }

  /**
   * Whether a waiting condition holds now, with the run's state at `version`; skips the check
   * while it cannot (see wakeTime and budgetFloor).
   */
  due(c: Condition, w: Watch, view: RunView, version: number): boolean {
    if (w.version !== version || (view.t >= w.wake && view.budgetSpent > w.floor)) {
      if (holds(c, view)) return true;
      w.wake = wakeTime(c, view);
      w.floor = budgetFloor(c);
      w.version = version;
    }
    // Until the budget passes its floor, only the budget can wake this condition; after, only time.
    if (view.budgetSpent > w.floor) {
      if (w.wake < this.passWake) this.passWake = w.wake;
    } else if (w.floor < this.passFloor) {
      this.passFloor = w.floor;
    }
    return false;
  }
}
