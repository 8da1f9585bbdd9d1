/**
 * Where the preview's graph camera looks: a zoom and the graph point at the middle of the
 * viewport, kept so that the graph can never be panned out of sight. Pure arithmetic on
 * sizes, so the scene only copies a view onto its camera and tests can check the rules
 * without a browser.
 *
 * Graph text is drawn at the theme's small size in graph units, so zoom 1 is the least
 * zoom at which every word is as large as the rest of the game's small text.
 */

/** A width and height, in graph units (the world) or screen pixels (the viewport). */
export interface Extent {
  width: number;
  height: number;
}

/** A box in graph units. */
export interface Rect extends Extent {
  x: number;
  y: number;
}

/** What the camera shows: `zoom` screen pixels per graph unit, centred on graph point (x, y). */
export interface View {
  zoom: number;
  x: number;
  y: number;
}

/** The zoom at which graph text is as large as the game's small text. */
export const LEGIBLE_ZOOM = 1;
/** The most a player can zoom in. */
export const MAX_ZOOM = 2;
/** Graph units kept free around the graph, so boxes never touch the viewport's edge. */
export const MARGIN = 16;

/** The zoom that shows the whole graph, never enlarging it past the legible size. */
export function fitZoom(world: Extent, viewport: Extent): number {
  const w = world.width + 2 * MARGIN;
  const h = world.height + 2 * MARGIN;
  if (w <= 0 || h <= 0) return LEGIBLE_ZOOM;
  return Math.min(LEGIBLE_ZOOM, viewport.width / w, viewport.height / h);
}

/** Whether the whole graph is in view at this zoom. */
export function fitsAt(zoom: number, world: Extent, viewport: Extent): boolean {
  return (world.width + 2 * MARGIN) * zoom <= viewport.width + 0.5 && (world.height + 2 * MARGIN) * zoom <= viewport.height + 0.5;
}

/** One axis: the centre stays where the graph (with its margin) fills the view, or the graph sits in the middle. */
function clampAxis(centre: number, size: number, span: number): number {
  const half = span / 2;
  if (size + 2 * MARGIN <= span) return size / 2;
  return Math.min(Math.max(centre, -MARGIN + half), size + MARGIN - half);
}

/** The view moved and zoomed just enough to stay within the allowed zoom and show only the graph. */
export function clampView(view: View, world: Extent, viewport: Extent): View {
  const zoom = Math.min(MAX_ZOOM, Math.max(fitZoom(world, viewport), view.zoom));
  return {
    zoom,
    x: clampAxis(view.x, world.width, viewport.width / zoom),
    y: clampAxis(view.y, world.height, viewport.height / zoom),
  };
}

/** The whole graph, centred. */
export function fittedView(world: Extent, viewport: Extent): View {
  return clampView({ zoom: fitZoom(world, viewport), x: world.width / 2, y: world.height / 2 }, world, viewport);
}

/**
 * The view a preview opens with: the whole graph if it fits at a legible size, otherwise
 * legible size centred on `focus` (the start phase), as far as the graph reaches.
 */
export function openingView(world: Extent, viewport: Extent, focus: Rect): View {
  if (fitZoom(world, viewport) >= LEGIBLE_ZOOM) return fittedView(world, viewport);
  return centredOn(focus, LEGIBLE_ZOOM, world, viewport);
}

/** A box in the middle of the view at `zoom` (as near as the graph's edges allow). */
export function centredOn(box: Rect, zoom: number, world: Extent, viewport: Extent): View {
  return clampView({ zoom, x: box.x + box.width / 2, y: box.y + box.height / 2 }, world, viewport);
}

/**
 * Zooms by `factor` keeping the graph point under `at` (viewport pixels from its top-left
 * corner) where it is, as a map does under the mouse wheel.
 */
export function zoomAbout(view: View, factor: number, at: { x: number; y: number }, world: Extent, viewport: Extent): View {
  const dx = at.x - viewport.width / 2;
  const dy = at.y - viewport.height / 2;
  const gx = view.x + dx / view.zoom;
  const gy = view.y + dy / view.zoom;
  const zoom = Math.min(MAX_ZOOM, Math.max(fitZoom(world, viewport), view.zoom * factor));
  return clampView({ zoom, x: gx - dx / zoom, y: gy - dy / zoom }, world, viewport);
}

/** Moves the view by screen pixels (the graph appears to move the other way). */
export function panBy(view: View, dx: number, dy: number, world: Extent, viewport: Extent): View {
  return clampView({ zoom: view.zoom, x: view.x + dx / view.zoom, y: view.y + dy / view.zoom }, world, viewport);
}

/** Where a graph box is drawn, in viewport pixels from its top-left corner. */
export function onScreen(box: Rect, view: View, viewport: Extent): Rect {
  return {
    x: (box.x - view.x) * view.zoom + viewport.width / 2,
    y: (box.y - view.y) * view.zoom + viewport.height / 2,
    width: box.width * view.zoom,
    height: box.height * view.zoom,
  };
}

/** The part of the graph in view, in graph units. */
export function visibleRect(view: View, viewport: Extent): Rect {
  const width = viewport.width / view.zoom;
  const height = viewport.height / view.zoom;
  return { x: view.x - width / 2, y: view.y - height / 2, width, height };
}
