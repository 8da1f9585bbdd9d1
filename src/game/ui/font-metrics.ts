/**
 * A face's vertical metrics, measured once per font and remembered. Phaser measures them
 * again for every Text it makes (a canvas, a font switch and a text measure each time),
 * which was a third of the time the picker took to build; a style that carries the
 * metrics skips that. Measured as Phaser does (the ascent and descent of its test string
 * on a 2D canvas), and only once the face has loaded: a fallback face's are not kept.
 */
import type Phaser from 'phaser';

type Metrics = Phaser.Types.GameObjects.Text.TextMetrics;

/** Phaser's default test string (TextStyle#testString), character for character. */
const TEST = '|M\u00c3\u2030qgy';

const known = new Map<string, Metrics>();
let context: CanvasRenderingContext2D | null | undefined;

/** The CSS font Phaser sets on its canvas for a style: style, size and family, in that order. */
export function fontOf(style: Phaser.Types.GameObjects.Text.TextStyle): string {
  const size = typeof style.fontSize === 'number' ? `${style.fontSize}px` : (style.fontSize ?? '16px');
  return [style.fontStyle ?? '', size, style.fontFamily ?? 'Courier'].join(' ').trim();
}

/** The metrics of `font`, or undefined where they cannot be measured yet (no canvas, face not loaded). */
export function fontMetrics(font: string): Metrics | undefined {
  const hit = known.get(font);
  if (hit) return { ...hit };
  if (typeof document === 'undefined' || !document.fonts?.check(font)) return undefined;
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.font = font;
  const m = context.measureText(TEST);
  if (!('actualBoundingBoxAscent' in m)) return undefined;
  const metrics = { ascent: m.actualBoundingBoxAscent, descent: m.actualBoundingBoxDescent, fontSize: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent };
  known.set(font, metrics);
  return { ...metrics };
}
