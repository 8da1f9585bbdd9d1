/**
 * The type family's faces, asked for as soon as the page's script runs: the browser only
 * downloads a face once something uses it, and Phaser draws text into canvases that keep
 * whatever face was there when they were drawn, so the boot screen waits for these.
 */
const FACES = ['400 16px "IBM Plex Sans"', '600 16px "IBM Plex Sans"', 'italic 400 16px "IBM Plex Sans"', '400 14px "IBM Plex Mono"', '600 14px "IBM Plex Mono"'];

let loading: Promise<unknown> | null = null;

/** Starts loading every face (once); resolves when all are ready. */
export function requestFonts(): Promise<unknown> {
  loading ??= typeof document !== 'undefined' && document.fonts ? Promise.all(FACES.map((f) => document.fonts.load(f))) : Promise.resolve();
  return loading;
}
