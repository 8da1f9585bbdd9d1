/** Small helpers for Phaser Text: skip redundant re-renders, and fit one line to a width. */
import type Phaser from 'phaser';

/** Sets text only when it changed: every setText re-renders a canvas and re-uploads it. */
export function setText(t: Phaser.GameObjects.Text, value: string): void {
  if (t.text !== value) t.setText(value);
}

/** Sets one line of text, cut with an ellipsis if wider than `maxWidth`. */
export function fitText(t: Phaser.GameObjects.Text, value: string, maxWidth: number): void {
  setText(t, value);
  if (t.width <= maxWidth) return;
  let lo = 0;
  let hi = value.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    t.setText(`${value.slice(0, mid).trimEnd()}…`);
    if (t.width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  t.setText(`${value.slice(0, lo).trimEnd()}…`);
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
