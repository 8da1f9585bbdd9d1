import { describe, expect, it } from 'vitest';
import type Phaser from 'phaser';
import { fitText } from './text-util.ts';

/**
 * A one-line Text stand-in whose glyphs are 7 px wide (the ellipsis 5 px), with padding:
 * enough of Phaser's Text for fitText, counting how often the text is drawn.
 */
function fakeText(style: { wordWrapWidth?: number } = {}) {
  const glyphs = (s: string) => [...s].reduce((w, c) => w + (c === '…' ? 5 : 7), 0);
  const t = {
    text: '',
    width: 0,
    drawn: 0,
    letterSpacing: 0,
    padding: { left: 3, right: 3 },
    canvas: {},
    context: { measureText: (s: string) => ({ width: glyphs(s) + 0.4 }) },
    style: { strokeThickness: 0, fixedWidth: 0, wordWrapWidth: style.wordWrapWidth ?? null, wordWrapCallback: null, syncFont: () => undefined },
    setText(value: string) {
      t.text = value;
      t.width = Math.ceil(glyphs(value) + 0.4) + 6;
      t.drawn++;
      return t;
    },
  };
  return t;
}

const fit = (t: ReturnType<typeof fakeText>, value: string, max: number) => fitText(t as unknown as Phaser.GameObjects.Text, value, max);

describe('fitting one line of text to a width', () => {
  it('leaves text that fits as it is', () => {
    const t = fakeText();
    fit(t, 'checkout-api', 200);
    expect(t.text).toBe('checkout-api');
  });

  it('cuts text that is too wide at the longest prefix that fits with its ellipsis, drawing it once more', () => {
    const t = fakeText();
    fit(t, 'intermediate · up to 9 min · orders-api', 120);
    // 16 glyphs (112) + ellipsis (5) + 0.4 rounded up + padding (6) = 124 > 120; 15 fit, and the cut drops its space.
    expect(t.text).toBe('intermediate ·…');
    expect(t.width).toBeLessThanOrEqual(120);
    expect(t.drawn).toBe(2);
  });

  it('cuts wrapped text by drawing each try, with the same answer', () => {
    const t = fakeText({ wordWrapWidth: 500 });
    fit(t, 'intermediate · up to 9 min · orders-api', 120);
    expect(t.text).toBe('intermediate ·…');
    expect(t.drawn).toBeGreaterThan(3);
  });
});
