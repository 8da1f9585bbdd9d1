/**
 * The author's preview: a scenario file dropped on the picker opens (G) in a preview with
 * its problems and its phase graph, unreachable parts marked; Esc goes back, Enter plays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    await press(page, 'ArrowRight');
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

  it('draws a large library scenario legibly', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    const entries = (await hook<{ entries: Array<{ id: string }> }>(page)).entries;
    const target = entries.findIndex((e) => e.id === 'third-party-outage');
    for (let i = 0; i < target; i++) await press(page, 'ArrowDown');
    await press(page, 'g');
    await waitForScreen(page, 'preview');
    const h = await hook<PreviewHook>(page);
    expect(h.nodes.length).toBeGreaterThan(10);
    expect(h.problems).toEqual([]);
    await screenshot(page, 'preview-library');
    expect(errors).toEqual([]);
  }, 120_000);
});
