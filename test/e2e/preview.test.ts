/**
 * The author's preview: a scenario file dropped on the picker opens (G) in a preview with
 * its problems and its phase graph, unreachable parts marked; Esc goes back, Enter plays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hook, press, screenshot, useBuiltGame, waitForScreen } from './harness.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const game = useBuiltGame();

interface PreviewHook {
  screen: string;
  scenario: string;
  playable: boolean;
  problems: string[];
  nodes: Array<{ id: string; title: string; kind: string; reachable: boolean }>;
  edges: Array<{ from: string; to: string; labels: string[]; reachable: boolean }>;
  selected: string | null;
  /** The graph camera's view, and where each box and edge label is on the screen. */
  view: { zoom: number; x: number; y: number; fits: boolean };
  boxes: Record<string, Rect>;
  labels: Array<{ from: string; to: string; box: Rect }>;
}

// The minimal fixture with a phase nothing leads to: it plays, with one warning.
const scenario = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace(
  /^endings:/m,
  `  - id: orphan\n    title: Forgotten branch\n    transitions:\n      - to: resolved\n        when: { inPhaseFor: 1m }\n\nendings:`,
);
const runbook = readFileSync(join(FIXTURES, 'runbooks/high-errors.md'), 'utf8');

describe('scenario preview', () => {
  it('shows a dropped scenario’s problems and graph, and plays it', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    await page.evaluate(
      ([yaml, md]) => {
        const data = new DataTransfer();
        data.items.add(new File([yaml as string], 'preview-demo.yaml', { type: 'application/yaml' }));
        data.items.add(new File([md as string], 'high-errors.md', { type: 'text/markdown' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [scenario, runbook],
    );
    await page.waitForFunction(() => ((globalThis as { __burnRate?: { notice?: string } }).__burnRate?.notice ?? '').includes('preview-demo.yaml'));
    await press(page, 'g');
    await waitForScreen(page, 'preview');
    const h = await hook<PreviewHook>(page);
    expect(h.scenario).toBe('minimal');
    expect(h.playable).toBe(true);
    expect(h.problems.some((p) => /^preview-demo\.yaml:\d+:\d+ {2}warning BR\d+ — .*orphan/.test(p))).toBe(true);
    expect(h.nodes.find((n) => n.id === 'orphan')).toMatchObject({ reachable: false, title: 'Forgotten branch' });
    expect(h.nodes.filter((n) => n.kind === 'ending').map((n) => n.id).sort()).toEqual(['budget-gone', 'resolved', 'timed-out']);
    expect(h.edges.find((e) => e.from === 'failing' && e.to === 'recovered')?.labels).toEqual(['do rollback']);
    expect(h.edges.find((e) => e.from === 'orphan')?.reachable).toBe(false);
    expect(h.selected).toBe('failing');
    await press(page, 'Tab');
    expect((await hook<PreviewHook>(page)).selected).not.toBe('failing');
    await screenshot(page, 'preview-dropped');

    await press(page, 'Escape');
    await waitForScreen(page, 'picker');
    expect((await hook<{ selected: string }>(page)).selected).toBe('minimal');
    await press(page, 'g');
    await waitForScreen(page, 'preview');
    await press(page, 'Enter');
    await waitForScreen(page, 'desk');
    expect(errors).toEqual([]);
  }, 120_000);

  it('opens a large graph at a legible size and zooms and pans by keys, wheel and drag', async () => {
    const { page, errors } = await game.open();
    await openPreviewOf(page, 'third-party-outage');
    let h = await hook<PreviewHook>(page);
    expect(h.nodes.length).toBeGreaterThan(10);
    expect(h.problems).toEqual([]);
    // Too large to show whole at a legible size: it opens at 100% on the first phase.
    expect(h.view).toMatchObject({ zoom: 1, fits: false });
    const start = h.nodes[0]?.id as string;
    expect(h.selected).toBe(start);
    expect(within(h.boxes[start] as Rect, GRAPH)).toBe(true);
    expect(await keyLine(page)).toMatch(/^zoom 100% ·/);
    // The selected box is drawn where the hook says, in the selected colour.
    expect(await colourAt(page, h.boxes[start] as Rect)).toEqual(SELECTED_FILL);
    await screenshot(page, 'preview-graph-open');

    // + zooms in about the middle of the view: the box grows by a quarter.
    const before = h.boxes[start] as Rect;
    await press(page, '+');
    h = await hook<PreviewHook>(page);
    expect((h.boxes[start] as Rect).width).toBeCloseTo(before.width * 1.25, 0);
    expect(await keyLine(page)).toMatch(/^zoom 125% ·/);
    await press(page, '-');
    h = await hook<PreviewHook>(page);
    expect((h.boxes[start] as Rect).width).toBeCloseTo(before.width, 0);

    // Arrows and WASD pan: the graph slides the other way by one step each press.
    await press(page, 'ArrowRight');
    await press(page, 'd');
    h = await hook<PreviewHook>(page);
    expect((h.boxes[start] as Rect).x).toBeCloseTo(before.x - 180, 0);
    await press(page, 'a');
    h = await hook<PreviewHook>(page);
    expect((h.boxes[start] as Rect).x).toBeCloseTo(before.x - 90, 0);

    // It cannot be panned away: however far left, the first column stays in the area.
    for (let i = 0; i < 12; i++) await press(page, 'ArrowLeft');
    h = await hook<PreviewHook>(page);
    expect((h.boxes[start] as Rect).x).toBeCloseTo(before.x, 0);
    expect(Math.min(...Object.values(h.boxes).map((b) => b.x))).toBeGreaterThanOrEqual(GRAPH.x);
    for (let i = 0; i < 40; i++) await press(page, 'ArrowDown');
    h = await hook<PreviewHook>(page);
    expect(Math.max(...Object.values(h.boxes).map((b) => b.y + b.height))).toBeLessThanOrEqual(GRAPH.y + GRAPH.height);
    expect(Math.max(...Object.values(h.boxes).map((b) => b.y + b.height))).toBeGreaterThan(GRAPH.y + GRAPH.height - 60);

    // Dragging moves the graph with the pointer.
    const dragFrom = h.boxes[start] as Rect;
    await page.mouse.move(700, 300);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(700 - 40 * i, 300 + 10 * i);
    await page.mouse.up();
    await waitFrames(page);
    h = await hook<PreviewHook>(page);
    expect((h.boxes[start] as Rect).x).toBeCloseTo(dragFrom.x - 200, 0);
    expect((h.boxes[start] as Rect).y).toBeCloseTo(dragFrom.y + 50, 0);
    expect(h.selected).toBe(start);

    // The wheel zooms about the pointer: the box under it stays under it and grows.
    const target = Object.entries(h.boxes).find(([, b]) => within(b, { x: 300, y: 150, width: 700, height: 260 }));
    expect(target).toBeDefined();
    const [id, box] = target as [string, Rect];
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await page.waitForFunction((w) => ((globalThis as { __burnRate?: { view?: () => { zoom: number } } }).__burnRate?.view?.().zoom ?? 1) > w, 1.2);
    await waitFrames(page);
    h = await hook<PreviewHook>(page);
    const grown = h.boxes[id] as Rect;
    expect(grown.width).toBeGreaterThan(box.width * 1.3);
    expect(grown.x + grown.width / 2).toBeCloseTo(box.x + box.width / 2, 0);
    expect(grown.y + grown.height / 2).toBeCloseTo(box.y + box.height / 2, 0);
    await screenshot(page, 'preview-graph-wheel');

    // 0 shows the whole graph, with every box in the area.
    await press(page, '0');
    h = await hook<PreviewHook>(page);
    expect(h.view.fits).toBe(true);
    expect(h.view.zoom).toBeLessThan(1);
    for (const b of Object.values(h.boxes)) expect(within(b, GRAPH)).toBe(true);
    await screenshot(page, 'preview-graph-fit');

    // Tab selects the next box and brings it to the middle at a legible size.
    await press(page, 'Tab');
    await press(page, 'Tab');
    await press(page, 'Tab');
    h = await hook<PreviewHook>(page);
    const chosen = h.selected as string;
    expect(chosen).toBe(h.nodes[3]?.id);
    expect(h.view.zoom).toBe(1);
    const shown = h.boxes[chosen] as Rect;
    expect(within(shown, GRAPH)).toBe(true);
    expect(await colourAt(page, shown)).toEqual(SELECTED_FILL);
    await press(page, 'Shift+Tab');
    expect((await hook<PreviewHook>(page)).selected).toBe(h.nodes[2]?.id);
    await screenshot(page, 'preview-graph-tab');

    // A click selects the box under the pointer and leaves the view where it is.
    h = await hook<PreviewHook>(page);
    const [clickedId, clicked] = Object.entries(h.boxes).find(([id, b]) => id !== h.selected && within(b, GRAPH)) as [string, Rect];
    await page.mouse.click(clicked.x + clicked.width / 2, clicked.y + clicked.height / 2);
    await waitFrames(page);
    h = await hook<PreviewHook>(page);
    expect(h.selected).toBe(clickedId);
    expect(h.boxes[clickedId]).toEqual(clicked);

    // A click on the overview (beside the title) looks at that part: its right end shows the last column.
    expect(h.view.fits).toBe(false);
    await page.mouse.click(OVERVIEW.x + OVERVIEW.width - 3, OVERVIEW.y + OVERVIEW.height / 2);
    await waitFrames(page);
    h = await hook<PreviewHook>(page);
    const rightmost = Object.values(h.boxes).reduce((a, b) => (b.x > a.x ? b : a));
    expect(within(rightmost, GRAPH)).toBe(true);
    expect(rightmost.x + rightmost.width).toBeGreaterThan(GRAPH.x + GRAPH.width - 40);
    await screenshot(page, 'preview-graph-overview-click');

    // An idle graph draws nothing.
    await page.waitForTimeout(1000);
    const idle = await drawn(page);
    await page.waitForTimeout(1500);
    expect(await drawn(page)).toBe(idle);
    await press(page, 'ArrowRight');
    expect(await drawn(page)).toBeGreaterThan(idle);

    await press(page, 'Escape');
    await waitForScreen(page, 'picker');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows every library graph legibly: readable text, no label on a box', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    const entries = (await hook<{ entries: Array<{ id: string; playable: boolean }> }>(page)).entries;
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      await openPreviewOf(page, entry.id);
      const h = await hook<PreviewHook>(page);
      expect(h.problems, entry.id).toEqual([]);
      expect(h.view.zoom, entry.id).toBe(1);
      const start = h.boxes[h.nodes[0]?.id as string] as Rect;
      expect(within(start, GRAPH), `${entry.id}: the first phase is in view`).toBe(true);
      // Measured in the browser, with the real fonts: no label on a box, no two labels merged.
      const shapes: Array<[string, Rect]> = [...Object.entries(h.boxes), ...h.labels.map((l) => [`label ${l.from}→${l.to}`, l.box] as [string, Rect])];
      for (let i = 0; i < shapes.length; i++)
        for (let j = i + 1; j < shapes.length; j++) {
          const [a, ra] = shapes[i] as [string, Rect];
          const [b, rb] = shapes[j] as [string, Rect];
          expect(apart(ra, rb), `${entry.id}: ${a} overlaps ${b}`).toBe(true);
        }
      await screenshot(page, `preview-library-${entry.id}`);
      await press(page, '0');
      await screenshot(page, `preview-library-${entry.id}-all`);
      await press(page, 'Escape');
      await waitForScreen(page, 'picker');
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The graph area on the 1280×720 screen. */
const GRAPH: Rect = { x: 40, y: 92, width: 1200, height: 380 };
/** The overview of a graph too large to show whole, between the title and the buttons. */
const OVERVIEW: Rect = { x: 700, y: 8, width: 260, height: 76 };
/** The fill of the selected box (the theme's border colour). */
const SELECTED_FILL = [0x2a, 0x36, 0x46];

const within = (r: Rect, area: Rect) => r.x >= area.x - 0.5 && r.y >= area.y - 0.5 && r.x + r.width <= area.x + area.width + 0.5 && r.y + r.height <= area.y + area.height + 0.5;
const apart = (a: Rect, b: Rect) => a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;
const drawn = (page: Page) => page.evaluate(() => (globalThis as unknown as { __burnRateFrames: () => { drawn: number } }).__burnRateFrames().drawn);
const keyLine = (page: Page) =>
  page.evaluate(() => ((globalThis as unknown as { __burnRateTexts: () => Array<{ scene: string; text: string }> }).__burnRateTexts().find((t) => t.scene === 'preview' && t.text.includes('Esc back'))?.text ?? ''));

async function waitFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** From the picker (or anywhere it is up), selects a library scenario by arrow keys and opens its graph with G. */
async function openPreviewOf(page: Page, id: string): Promise<void> {
  await waitForScreen(page, 'picker');
  const picker = await hook<{ entries: Array<{ id: string }>; selected: string }>(page);
  const from = picker.entries.findIndex((e) => e.id === picker.selected);
  const to = picker.entries.findIndex((e) => e.id === id);
  expect(to, id).toBeGreaterThanOrEqual(0);
  for (let i = from; i < to; i++) await press(page, 'ArrowDown');
  for (let i = from; i > to; i--) await press(page, 'ArrowUp');
  expect((await hook<{ selected: string }>(page)).selected).toBe(id);
  await press(page, 'g');
  await waitForScreen(page, 'preview');
}

/** The colour a player sees just inside a box's top edge, middle (clear of its title and border). */
async function colourAt(page: Page, r: Rect): Promise<number[]> {
  const png = await page.screenshot({ clip: { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + 5), width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    // The page's content policy allows no data: fetch; the bytes are decoded by hand.
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(1, 1).getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}
