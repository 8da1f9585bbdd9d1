/**
 * The desk's pause menu (Esc) and help sheet (?). Both stop the clock while open and put it
 * back as it was when closed; the menu also restarts the run or leaves it.
 */
import { formatClock } from '../ui/format.ts';
import type { SimClock } from './clock.ts';
import type { DeskModals } from './desk-modals.ts';
import { helpLines } from './desk-text.ts';

export interface PauseMenuHooks {
  /** Sim time now, for the menu's heading. */
  now: () => number;
  /** Actions on offer now with their keys, for the help sheet. */
  offered: () => Array<{ label: string; key: string | undefined }>;
  /** Saves the run (a pause is where a player may close the tab). */
  save: () => void;
  restart: () => void;
  leave: () => void;
  /** Something on the desk changed: redraw. */
  changed: () => void;
}

export class PauseMenu {
  /** Whether the clock was paused before help or the menu stopped it (null: neither is open). */
  private resumeTo: boolean | null = null;

  constructor(
    private readonly modals: DeskModals,
    private readonly clock: SimClock,
    private readonly hooks: PauseMenuHooks,
  ) {}

  openHelp(): void {
    this.hold();
    this.modals.open('help', {
      kicker: 'Keys · the clock is paused',
      title: 'Everything works from the keyboard',
      body: helpLines(this.hooks.offered()),
      choices: [{ label: 'Close and carry on', key: 'Esc', onPick: () => this.release() }],
      width: 1040,
    });
  }

  openMenu(): void {
    this.hold();
    this.modals.open('menu', {
      kicker: `Paused at ${formatClock(this.hooks.now())}`,
      title: 'The clock is stopped',
      body: 'Nothing moves while this menu is open. Restarting or leaving drops this run: its choices so far are not kept.',
      choices: [
        { label: 'Resume the shift', key: '1', onPick: () => this.release(), tone: 'primary' },
        { label: 'Restart this scenario (same seed)', key: '2', onPick: () => this.leaveBy(this.hooks.restart) },
        { label: 'Back to the scenarios', key: '3', onPick: () => this.leaveBy(this.hooks.leave) },
        { label: 'Keys', key: '4', onPick: () => this.openHelp() },
      ],
      width: 560,
    });
  }

  private hold(): void {
    if (this.resumeTo === null) this.resumeTo = this.clock.paused;
    this.clock.paused = true;
    this.hooks.save();
    this.hooks.changed();
  }

  private release(): void {
    this.modals.close();
    if (this.resumeTo !== null) this.clock.paused = this.resumeTo;
    this.resumeTo = null;
    this.hooks.changed();
  }

  private leaveBy(go: () => void): void {
    this.modals.close();
    this.resumeTo = null;
    go();
  }
}
