/**
 * The desk and the debrief — and with them the engine, the scorer and XState — load only
 * when a run starts, so the picker comes up with Phaser and little else.
 */
import type Phaser from 'phaser';
import { SCENES } from './play.ts';

let loading: Promise<void> | null = null;

/** Adds the desk and debrief scenes to the game once; later calls wait for the same load. */
export function ensurePlayScenes(game: Phaser.Game): Promise<void> {
  loading ??= Promise.all([import('../desk/DeskScene.ts'), import('../debrief/DebriefScene.ts')]).then(([desk, debrief]) => {
    if (!game.scene.keys[SCENES.desk]) game.scene.add(SCENES.desk, desk.DeskScene, false);
    if (!game.scene.keys[SCENES.debrief]) game.scene.add(SCENES.debrief, debrief.DebriefScene, false);
  });
  // A failed download (offline, a new deploy) may succeed on the next try.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
