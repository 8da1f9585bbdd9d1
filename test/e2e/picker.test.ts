/**
 * Scenario files from outside: a broken one dropped on the picker shows its problems with
 * line and column; a hostile one (markup and scripts in every text) plays as plain text
 * and runs nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFiles, hook, screenshot, useBuiltGame, waitForScreen, type PickerHook } from './harness.ts';
import type { DeskHook } from './player.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const game = useBuiltGame();


describe('scenario files from outside', () => {
  it('lists a dropped broken scenario with its problems at line and column', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    const text = readFileSync(join(FIXTURES, 'broken.yaml'), 'utf8');
    // What the browser does when a file is dragged from the desktop and let go on the page.
    await page.evaluate((yaml) => {
      const data = new DataTransfer();
      data.items.add(new File([yaml], 'broken.yaml', { type: 'application/yaml' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction(() => ((globalThis as { __burnRate?: { notice?: string } }).__burnRate?.notice ?? '').includes('broken.yaml'));
    let h = await hook<PickerHook>(page);
    expect(h.selected).toBe('broken-demo');
    expect(h.entries[0]).toMatchObject({ id: 'broken-demo', playable: false });
    expect(h.entries[0]?.errors).toBe(7);
    expect(h.notice).toContain('7 errors');
    expect(h.problems[0]).toMatch(/^broken\.yaml:1:1 {2}error BR011 — `timeoutEnding` is missing$/);
    await screenshot(page, 'picker-broken');
    for (let i = 0; i < 10 && !h.problems.some((p) => p.includes('broken.yaml:6:11')); i++) {
      await page.keyboard.press('PageDown');
      h = await hook<PickerHook>(page);
    }
    expect(h.problems.find((p) => p.includes('6:11'))).toBe('broken.yaml:6:11  error BR013 — `duration` must be a whole number, got "five"');
    // Enter on a broken scenario starts nothing.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect((await hook<PickerHook>(page)).screen).toBe('picker');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('plays a hostile scenario as plain text and runs none of it', async () => {
    const { page, errors } = await game.open();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitForScreen(page, 'picker');
    // The file dialog, as a player opens it with O.
    await chooseFiles(page, [
      { name: 'hostile.yaml', mimeType: 'application/yaml', buffer: readFileSync(join(FIXTURES, 'hostile.yaml')) },
      { name: 'evil.md', mimeType: 'text/markdown', buffer: readFileSync(join(FIXTURES, 'evil.md')) },
    ]);
    await page.waitForFunction(() => ((globalThis as { __burnRate?: { notice?: string } }).__burnRate?.notice ?? '').includes('ready to play'));
    const picker = await hook<PickerHook>(page);
    expect(picker.entries[0]).toMatchObject({ id: 'hostile-text', playable: true });
    expect(picker.entries[0]?.title).toContain('<script>');
    await screenshot(page, 'picker-hostile');
    await page.keyboard.press('Enter'); // focus is on Play after a good file
    await waitForScreen(page, 'desk');
    await page.keyboard.press('Enter'); // the briefing
    for (let i = 0; i < 3; i++) await page.keyboard.press('='); // up to 10×
    const keys = (await hook<DeskHook>(page)).keys;
    await page.keyboard.press(keys.read as string); // opens the runbook, reveals a fact
    await page.waitForFunction(() => {
      const h = (globalThis as { __burnRate?: { snapshot?: () => { t: number } } }).__burnRate;
      return (h?.snapshot?.().t ?? 0) >= 240;
    });
    const h = await hook<DeskHook>(page);
    expect(h.snapshot.openedRunbooks).toEqual(['evil']);
    expect(h.snapshot.messages.some((m) => m.text.includes('<script>'))).toBe(true);
    expect(h.snapshot.logs.some((l) => l.text.includes('onerror'))).toBe(true);
    await screenshot(page, 'desk-hostile');
    const pwned = await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);
    expect(pwned).toBeUndefined();
    expect(dialogs).toEqual([]);
    // Nothing from the scenario became markup: the page holds only the game's own nodes.
    const markup = await page.evaluate(() => ({
      planted: document.querySelectorAll('img, iframe, svg, b, object, embed').length,
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    }));
    expect(markup).toEqual({ planted: 0, inlineScripts: 0 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
