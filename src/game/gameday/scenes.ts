/**
 * The game-day screens load only when someone hosts or joins, so single play never
 * downloads them (nor the room client). One call adds them all to the game.
 */
import type Phaser from 'phaser';

export const GAMEDAY_SCENES = {
  host: 'gameday-host',
  join: 'gameday-join',
  console: 'gameday-console',
  desk: 'gameday-desk',
  debrief: 'gameday-debrief',
} as const;

let loading: Promise<void> | null = null;

/** Adds the game-day scenes to the game once; later calls wait for the same load. */
export function ensureGameDayScenes(game: Phaser.Game): Promise<void> {
  loading ??= Promise.all([import('./HostScene.ts'), import('./JoinScene.ts'), import('./ConsoleScene.ts'), import('./TeamDeskScene.ts'), import('./TeamDebriefScene.ts')]).then(([host, join, console, desk, debrief]) => {
    const add = (key: string, scene: typeof Phaser.Scene) => {
      if (!game.scene.keys[key]) game.scene.add(key, scene, false);
    };
    add(GAMEDAY_SCENES.host, host.HostScene);
    add(GAMEDAY_SCENES.join, join.JoinScene);
    add(GAMEDAY_SCENES.console, console.ConsoleScene);
    add(GAMEDAY_SCENES.desk, desk.TeamDeskScene);
    add(GAMEDAY_SCENES.debrief, debrief.TeamDebriefScene);
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
