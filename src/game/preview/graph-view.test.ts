import { describe, expect, it } from 'vitest';
import { centredOn, clampView, fitsAt, fittedView, fitZoom, LEGIBLE_ZOOM, MARGIN, MAX_ZOOM, onScreen, openingView, panBy, visibleRect, zoomAbout } from './graph-view.ts';

const viewport = { width: 1200, height: 380 };
const wide = { width: 3000, height: 600 };
const small = { width: 500, height: 200 };
const start = { x: 4, y: 280, width: 170, height: 40 };

/** The graph's edges (with the margin) on screen, in viewport pixels. */
function graphOnScreen(view: { zoom: number; x: number; y: number }, world: { width: number; height: number }) {
  return onScreen({ x: -MARGIN, y: -MARGIN, width: world.width + 2 * MARGIN, height: world.height + 2 * MARGIN }, view, viewport);
}

describe('the graph view', () => {
  it('opens a graph too large for the area at legible size on the start box, as far as the graph reaches', () => {
    expect(fitZoom(wide, viewport)).toBeLessThan(0.4);
    const v = openingView(wide, viewport, start);
    expect(v.zoom).toBe(LEGIBLE_ZOOM);
    // The start box is at the left edge of the graph: the view stops there rather than show empty space.
    const g = graphOnScreen(v, wide);
    expect(g.x).toBeCloseTo(0);
    const box = onScreen(start, v, viewport);
    expect(box.y + box.height / 2).toBeCloseTo(viewport.height / 2);
    expect(box.x).toBeGreaterThan(0);
  });

  it('opens a graph that fits at legible size whole and in the middle, never enlarged', () => {
    const v = openingView(small, viewport, start);
    expect(v).toEqual({ zoom: 1, x: 250, y: 100 });
    expect(fitsAt(v.zoom, small, viewport)).toBe(true);
  });

  it('fits the whole graph, margin included, and centres it', () => {
    const v = fittedView(wide, viewport);
    const g = graphOnScreen(v, wide);
    expect(Math.max(g.width / viewport.width, g.height / viewport.height)).toBeCloseTo(1);
    expect(g.x + g.width / 2).toBeCloseTo(viewport.width / 2);
    expect(g.y + g.height / 2).toBeCloseTo(viewport.height / 2);
  });

  it('keeps the zoom between showing all and twice the legible size', () => {
    expect(clampView({ zoom: 0.01, x: 0, y: 0 }, wide, viewport).zoom).toBeCloseTo(fitZoom(wide, viewport));
    expect(clampView({ zoom: 9, x: 0, y: 0 }, wide, viewport).zoom).toBe(MAX_ZOOM);
  });

  it('cannot be panned past the graph edges', () => {
    let v = openingView(wide, viewport, start);
    for (let i = 0; i < 100; i++) v = panBy(v, 500, 500, wide, viewport);
    const g = graphOnScreen(v, wide);
    expect(g.x + g.width).toBeCloseTo(viewport.width);
    expect(g.y + g.height).toBeCloseTo(viewport.height);
    for (let i = 0; i < 100; i++) v = panBy(v, -500, -500, wide, viewport);
    const back = graphOnScreen(v, wide);
    expect(back.x).toBeCloseTo(0);
    expect(back.y).toBeCloseTo(0);
  });

  it('pans by screen pixels whatever the zoom', () => {
    const v = { zoom: 2, x: 1500, y: 300 };
    const moved = panBy(v, 100, -40, wide, viewport);
    expect(moved.x - v.x).toBeCloseTo(50);
    expect(moved.y - v.y).toBeCloseTo(-20);
  });

  it('zooms about the pointer: the graph point under it stays put', () => {
    const v = { zoom: 1, x: 1500, y: 300 };
    const at = { x: 900, y: 100 };
    const before = visibleRect(v, viewport);
    const point = { x: before.x + at.x, y: before.y + at.y };
    const z = zoomAbout(v, 1.5, at, wide, viewport);
    expect(z.zoom).toBe(1.5);
    const after = onScreen({ ...point, width: 0, height: 0 }, z, viewport);
    expect(after.x).toBeCloseTo(at.x);
    expect(after.y).toBeCloseTo(at.y);
  });

  it('centres a box, zoomed in to legible size', () => {
    const box = { x: 1400, y: 200, width: 170, height: 40 };
    const v = centredOn(box, Math.max(0.3, LEGIBLE_ZOOM), wide, viewport);
    const r = onScreen(box, v, viewport);
    expect(r.x + r.width / 2).toBeCloseTo(viewport.width / 2);
    expect(r.y + r.height / 2).toBeCloseTo(viewport.height / 2);
    expect(r.width).toBe(170);
  });
});
