/** Small helpers for Phaser Text: skip redundant re-renders, and fit one line to a width. */
import type Phaser from 'phaser';

/** Sets text only when it changed: every setText re-renders a canvas and re-uploads it. */
export function setText(t: Phaser.GameObjects.Text, value: string): void {
  if (t.text !== value) t.setText(value);
}

/**
 * The width a one-line text would have if set to a string, measured without drawing it
 * (Phaser's own sum: the line's measured width, rounded up, and the padding), or null for
 * a style that sum does not cover (wrapped, spaced or fixed-width text).
 */
function measurer(t: Phaser.GameObjects.Text): ((value: string) => number) | null {
  const style = t.style;
  if (style.wordWrapWidth || style.wordWrapCallback || style.fixedWidth || t.letterSpacing) return null;
  style.syncFont(t.canvas, t.context);
  return (value) => Math.ceil(style.strokeThickness + t.context.measureText(value).width) + (t.padding.left ?? 0) + (t.padding.right ?? 0);
}

/** The longest cut of `value` (with an ellipsis) whose width is at most `maxWidth`. */
function longestCut(value: string, maxWidth: number, widthOf: (value: string) => number): string {
  const cut = (n: number) => `${value.slice(0, n).trimEnd()}…`;
  let lo = 0;
  let hi = value.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (widthOf(cut(mid)) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}

/** Sets one line of text, cut with an ellipsis if wider than `maxWidth`. */
export function fitText(t: Phaser.GameObjects.Text, value: string, maxWidth: number): void {
  setText(t, value);
  if (t.width <= maxWidth) return;
  // Each setText draws the text's canvas again: measure the tries, draw only the answer.
  const measure = measurer(t);
  if (measure) {
    t.setText(longestCut(value, maxWidth, measure));
    if (t.width <= maxWidth) return;
  }
  // A style the measure does not cover, or a measure that disagreed: draw each try.
  t.setText(
    longestCut(value, maxWidth, (cut) => {
      t.setText(cut);
      return t.width;
    }),
  );
}

/** Sets wrapped text cut to at most `lines` lines, the last ending in an ellipsis if cut. */
export function setLines(t: Phaser.GameObjects.Text, value: string, lines: number): void {
  const wrapped = t.getWrappedText(value);
  if (wrapped.length <= lines) {
    setText(t, value);
    return;
  }
  const kept = wrapped.slice(0, lines);
  const last = kept[lines - 1] ?? '';
  // Drop the last word for the ellipsis; a line that is one unbroken word loses two letters instead.
  const cut = last.replace(/\s*\S*$/, '');
  kept[lines - 1] = `${cut.length > 0 ? cut : last.slice(0, -2)}…`;
  setText(t, kept.join('\n'));
}
