/**
 * The type family's faces, asked for as soon as the page's script runs: the browser only
 * downloads a face once something uses it, and Phaser draws text into canvases that keep
 * whatever face was there when they were drawn, so the boot screen waits for these.
 */
import type Phaser from 'phaser';

const FACES = ['400 16px "IBM Plex Sans"', '600 16px "IBM Plex Sans"', 'italic 400 16px "IBM Plex Sans"', '400 14px "IBM Plex Mono"', '600 14px "IBM Plex Mono"'];

let loading: Promise<unknown> | null = null;

/** Starts loading every face (once); resolves when all are ready. */
export function requestFonts(): Promise<unknown> {
  loading ??= typeof document !== 'undefined' && document.fonts ? Promise.all(FACES.map((f) => document.fonts.load(f))) : Promise.resolve();
  return loading;
}

/** Pictographs (emoji): drawn from the shipped Noto Emoji where the system has none. */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

interface Redrawable {
  text?: unknown;
  updateText?: () => unknown;
  list?: unknown;
}

function redraw(objects: readonly unknown[]): void {
  for (const o of objects as Redrawable[]) {
    if (typeof o.text === 'string' && typeof o.updateText === 'function' && PICTOGRAPH.test(o.text)) o.updateText();
    if (Array.isArray(o.list)) redraw(o.list);
  }
}

/**
 * The emoji face comes in slices by Unicode range, and the browser fetches a slice only
 * when text first needs it: that text is drawn with a fallback (often a box) and Phaser
 * keeps the drawing. When a face arrives, text holding pictographs is drawn again.
 */
export function redrawWhenFacesArrive(game: Phaser.Game): void {
  if (typeof document === 'undefined' || !document.fonts) return;
  const arrived = () => {
    for (const scene of game.scene.getScenes(true)) redraw(scene.sys.displayList?.list ?? []);
  };
  document.fonts.addEventListener('loadingdone', arrived);
  game.events.once('destroy', () => document.fonts.removeEventListener('loadingdone', arrived));
}
