/**
 * The desk's visual language in one place: one type family (IBM Plex Sans, with Plex Mono
 * for logs and code), one set of state colours used everywhere an alert, a budget or a
 * button shows state, and sizes that stay ≥ 14 px at the 1280×720 design size.
 */
import type Phaser from 'phaser';
import { fontMetrics, fontOf } from './font-metrics.ts';

export const WIDTH = 1280;
export const HEIGHT = 720;

// Noto Emoji (shipped) draws pictographs that the system fonts after it may not have.
export const FONT = '"IBM Plex Sans", "Noto Emoji", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif';
export const MONO = '"IBM Plex Mono", "Noto Emoji", "DejaVu Sans Mono", Menlo, Consolas, monospace';

/** Colours as CSS strings (Text) and numbers (Graphics) from one table. */
const HEX = {
  bg: '#0e1319',
  panel: '#151c25',
  panelHi: '#1c2632',
  border: '#2a3646',
  text: '#dde3ea',
  dim: '#93a1b3',
  // ≥ 4.5:1 on panel and panelHi (5.3 and 4.7), as faint text still has to be read.
  faint: '#8390a2',
  accent: '#5aa9ff',
  critical: '#ff5d5d',
  warning: '#ffb547',
  ok: '#4cc38a',
  info: '#8ab4ff',
  focus: '#ffd75e',
  own: '#9fd8ff',
} as const;
export type ColourName = keyof typeof HEX;

export const css = HEX;
export const num = Object.fromEntries(Object.entries(HEX).map(([k, v]) => [k, parseInt(v.slice(1), 16)])) as Record<ColourName, number>;

/** Series colours, picked to stay apart for common colour-vision deficiencies (blue/orange first). */
export const SERIES = ['#5aa9ff', '#ff9f43', '#c792ea', '#4cc38a', '#f778ba', '#e8d44d'] as const;
export const seriesNum = (i: number): number => parseInt((SERIES[i % SERIES.length] as string).slice(1), 16);
export const seriesCss = (i: number): string => SERIES[i % SERIES.length] as string;

/** Colour of an alert (or anything with a state): firing red, pending amber, resolved green. */
export function stateColour(state: string): ColourName {
  switch (state) {
    case 'firing':
      return 'critical';
    case 'pending':
      return 'warning';
    case 'resolved':
      return 'ok';
    default:
      return 'faint';
  }
}

export function severityColour(severity: string): ColourName {
  if (severity === 'critical' || severity === 'SEV1' || severity === 'SEV2') return 'critical';
  if (severity === 'warning' || severity === 'SEV3') return 'warning';
  return 'info';
}

/** Text styles by role. Sizes are at the 1280×720 design size. */
export function text(
  size: number,
  colour: ColourName | string = 'text',
  extra: Phaser.Types.GameObjects.Text.TextStyle = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT,
    fontSize: `${size}px`,
    color: colour in HEX ? HEX[colour as ColourName] : colour,
    // Crisp text when the canvas is scaled up to a large window.
    resolution: Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1)),
    ...extra,
    // Wrapped text breaks a word longer than the line (a URL, a hash, a hostile title)
    // instead of letting it run off its panel: Phaser's basic wrap never breaks a word.
    ...(extra.wordWrap ? { wordWrap: { useAdvancedWrap: true, ...extra.wordWrap } } : {}),
  };
  // The face's metrics, measured once rather than by every Text: set the font through
  // `extra`, not on the returned style, or they would be another face's.
  const metrics = extra.metrics ?? fontMetrics(fontOf(style));
  if (metrics) style.metrics = metrics;
  return style;
}

export function mono(size: number, colour: ColourName | string = 'text', extra: Phaser.Types.GameObjects.Text.TextStyle = {}) {
  return text(size, colour, { fontFamily: MONO, ...extra });
}

export const SIZE = { small: 14, body: 15, label: 16, title: 18, big: 24, huge: 44 } as const;
