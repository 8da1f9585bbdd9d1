/**
 * The yardstick for the first screen: Phaser with the game's renderer choice and scale
 * settings and one scene that draws one line of text. "Interactive" is when that scene
 * has been created, as the picker's is when its list is drawn.
 */
import Phaser from 'phaser';
import { chooseRenderer, probeWebGl } from '../../src/game/browser/renderer.ts';

class Empty extends Phaser.Scene {
  create(): void {
    this.add.text(640, 360, 'An empty Phaser page', { fontFamily: 'sans-serif', fontSize: '24px', color: '#93a1b3' }).setOrigin(0.5);
    (globalThis as { __burnRate?: { screen: string } }).__burnRate = { screen: 'picker' };
  }
}

new Phaser.Game({
  type: chooseRenderer(location.search, probeWebGl()) === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
  parent: 'game-container',
  width: 1280,
  height: 720,
  backgroundColor: '#0e1319',
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  banner: false,
  audio: { noAudio: true },
  scene: [Empty],
});
