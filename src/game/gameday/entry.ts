/**
 * Ways into a game day from outside the game-day screens: the picker's two buttons, and
 * an address opened straight away — `#join/CODE` (a player's link) or `#host/CODE` (the
 * host's own console after a reload).
 */
import type Phaser from 'phaser';
import { codeFromHash } from './join-link.ts';
import { ensureGameDayScenes, GAMEDAY_SCENES } from './scenes.ts';

/** The game-day screen an address fragment asks for, or null for none. */
export function gameDayRoute(hash: string): { scene: 'join' | 'host'; code: string } | null {
  const join = codeFromHash(hash);
  if (join) return { scene: 'join', code: join };
  const host = codeFromHash(hash.replace(/^#?host\//, '#join/'));
  if (/^#?host\//.test(hash) && host) return { scene: 'host', code: host };
  return null;
}

/** Opens the host form, the join form, or the screen an address asks for. */
export function openGameDay(scenes: Phaser.Scenes.ScenePlugin, game: Phaser.Game, what: 'host' | 'join' | { scene: 'join' | 'host'; code: string }): Promise<void> {
  return ensureGameDayScenes(game).then(() => {
    if (what === 'host') scenes.start(GAMEDAY_SCENES.host, {});
    else if (what === 'join') scenes.start(GAMEDAY_SCENES.join, {});
    else if (what.scene === 'join') scenes.start(GAMEDAY_SCENES.join, { code: what.code });
    else scenes.start(GAMEDAY_SCENES.host, { rejoin: what.code });
  });
}
