/**
 * A read-only view of where the visible text is, for the end-to-end tests of hostile
 * text: whether any text runs off the screen or past the width it was told to wrap at.
 * It only reads game objects; tests still drive the game by keys.
 */
import type Phaser from 'phaser';

export interface PlacedText {
  scene: string;
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The width the text wraps at, or null for one-line text. */
  wrapWidth: number | null;
}

interface Node {
  type?: string;
  visible?: boolean;
  alpha?: number;
  list?: unknown;
}

function collect(scene: string, objects: readonly unknown[], out: PlacedText[]): void {
  for (const o of objects as Node[]) {
    if (o.visible === false || o.alpha === 0) continue;
    if (o.type === 'Text') {
      const t = o as unknown as Phaser.GameObjects.Text;
      if (t.text.trim() === '') continue;
      const b = t.getBounds();
      out.push({ scene, text: t.text, left: b.left, top: b.top, right: b.right, bottom: b.bottom, wrapWidth: t.style.wordWrapWidth ?? null });
    }
    if (Array.isArray(o.list)) collect(scene, o.list, out);
  }
}

/** Every visible, non-empty text in the running scenes, with its bounds at the design size. */
export function placedTexts(game: Phaser.Game): PlacedText[] {
  const out: PlacedText[] = [];
  for (const scene of game.scene.getScenes(true)) collect(scene.sys.settings.key, scene.sys.displayList?.list ?? [], out);
  return out;
}
