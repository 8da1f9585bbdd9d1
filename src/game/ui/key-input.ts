/**
 * One key press, one call. Phaser's keyboard plugin re-reads its whole pending queue each
 * time a key arrives, so two presses inside one slow frame (typing, Shift+letter, a 10×
 * desk on a software renderer) reach a scene's handler two or three times. Scenes listen
 * here instead: one listener on the page for the scene's life, each browser event handled
 * exactly once, removed when the scene shuts down.
 */
import Phaser from 'phaser';

export interface KeyListenOptions {
  /** Keys whose auto-repeat (a held key) is wanted, e.g. scrolling; other repeats are dropped. */
  repeats?: (e: KeyboardEvent) => boolean;
}

/** Calls `handler` once per key press while `scene` runs. */
export function listenKeys(scene: Phaser.Scene, handler: (e: KeyboardEvent) => void, options: KeyListenOptions = {}): void {
  const onKey = (e: KeyboardEvent) => {
    if (!scene.sys.isActive()) return;
    if (e.repeat && !options.repeats?.(e)) return;
    handler(e);
  };
  window.addEventListener('keydown', onKey);
  const stop = () => window.removeEventListener('keydown', onKey);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
  scene.events.once(Phaser.Scenes.Events.DESTROY, stop);
}
