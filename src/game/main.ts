/** The game's configuration and its factory: 1280×720, scaled to fit any window. */
import Phaser from 'phaser';
import { BootScene } from './boot/BootScene.ts';
import { PickerScene } from './picker/PickerScene.ts';
import { chooseRenderer, probeWebGl } from './browser/renderer.ts';
import { keysOnce } from './browser/keys-once.ts';
import { frameStats, renderOnDemand } from './browser/render-on-demand.ts';
import { placedTexts } from './browser/layout-probe.ts';
import { redrawWhenFacesArrive } from './ui/fonts.ts';
import { css, HEIGHT, WIDTH } from './ui/theme.ts';

export function startGame(parent: string | HTMLElement): Phaser.Game {
  keysOnce();
  const game = new Phaser.Game({
    type: chooseRenderer(location.search, probeWebGl()) === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: css.bg,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // The desk is text and lines, not sprites: smooth scaling reads better than pixel snapping.
    render: { antialias: true, antialiasGL: false, roundPixels: true },
    disableContextMenu: true,
    banner: false,
    audio: { noAudio: true },
    // The desk and debrief are added when a run starts (play-scenes.ts).
    scene: [BootScene, PickerScene],
  });
  renderOnDemand(game);
  redrawWhenFacesArrive(game);
  // Frames drawn and skipped, for the browser benchmark (read only).
  (globalThis as { __burnRateFrames?: () => { drawn: number; skipped: number } }).__burnRateFrames = () => frameStats(game);
  // Where the visible text is, for the end-to-end layout tests (read only).
  (globalThis as { __burnRateTexts?: () => unknown }).__burnRateTexts = () => placedTexts(game);
  return game;
}
