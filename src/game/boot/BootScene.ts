/**
 * Boot: waits for the type family, then resumes a saved run or opens the picker. A save
 * that cannot be used is discarded with a plain message on the picker — never a crash.
 */
import Phaser from 'phaser';
import { bundledListings, loadBundled } from '../picker/bundled.ts';
import { ensurePlayScenes } from './play-scenes.ts';
import { SCENES, type PickerStart, type PlayStart } from './play.ts';
import type { SavedRun } from '../run/save.ts';
import { discardSave, hasSave, restoreFailedMessage } from '../run/save-slot.ts';
import { browserStore } from '../browser/storage.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { requestFonts } from '../ui/fonts.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { gameDayRoute, openGameDay } from '../gameday/entry.ts';

export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    exposeTestHook({ screen: 'boot' });
    this.cameras.main.setBackgroundColor(css.bg);
    this.add.text(640, 360, 'Burn Rate', text(SIZE.big, 'dim')).setOrigin(0.5);
    const fonts = requestFonts();
    // Text drawn before its font arrives is drawn in a fallback and stays so: wait, briefly.
    const timeout = new Promise((resolve) => setTimeout(resolve, 2500));
    void Promise.race([fonts, timeout])
      .catch(() => undefined)
      .then(() => this.route())
      .catch((error: unknown) => this.scene.start(SCENES.picker, { notice: restoreFailedMessage(error instanceof Error ? error.message : String(error)) } satisfies PickerStart));
  }

  private async route(): Promise<void> {
    // A game-day link (#join/CODE, or the host's #host/CODE) goes straight to its screen.
    const gameDay = gameDayRoute(location.hash);
    if (gameDay) {
      void openGameDay(this.scene, this.game, gameDay).catch((error: unknown) => {
        this.scene.start(SCENES.picker, { notice: `Could not open the game day: ${error instanceof Error ? error.message : String(error)}` } satisfies PickerStart);
      });
      return;
    }
    const store = browserStore();
    // The save's validator (and Zod with it) loads only when there is a save to check.
    const saved = store && hasSave(store) ? (await import('../run/save.ts')).readSave(store) : ({ kind: 'none' } as const);
    if (saved.kind === 'ok') {
      void this.resume(saved.save).catch((error: unknown) => {
        if (store) discardSave(store);
        const reason = error instanceof Error ? error.message : String(error);
        this.scene.start(SCENES.picker, { notice: restoreFailedMessage(reason) } satisfies PickerStart);
      });
      return;
    }
    if (saved.kind === 'corrupt') {
      if (store) discardSave(store);
      this.scene.start(SCENES.picker, { notice: restoreFailedMessage(saved.message) } satisfies PickerStart);
      return;
    }
    this.scene.start(SCENES.picker, {} satisfies PickerStart);
  }

  private async resume(save: SavedRun): Promise<void> {
    const listing = bundledListings().find((e) => e.id === save.scenarioId && e.ok);
    if (!listing) throw new Error(`the scenario "${save.scenarioId}" is not in the library (or no longer loads)`);
    const [entry] = await Promise.all([loadBundled(listing), ensurePlayScenes(this.game)]);
    if (!entry.playable) throw new Error(`the scenario "${save.scenarioId}" no longer loads`);
    const { saveMismatch } = await import('../run/save.ts');
    const mismatch = saveMismatch(save, entry.playable.scenario);
    if (mismatch) throw new Error(mismatch);
    const start: PlayStart = { playable: entry.playable, seed: save.seed, mode: save.mode, speed: save.speed, resume: save };
    this.scene.start(SCENES.desk, start);
  }
}
