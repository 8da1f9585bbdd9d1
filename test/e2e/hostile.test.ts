/**
 * Hostile and unlucky input in the real game: a policy that forbids inline script and
 * eval, with nothing on the page breaking it; dropped files that are too large, use
 * old line ends or take long to check; and a scenario whose phases loop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hook, press, screenshot, useBuiltGame, waitForScreen, type PickerHook } from './harness.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { Human } from './human.ts';
import { playReference, waitForEnding } from './player.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const MINIMAL = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
const RUNBOOK = readFileSync(join(FIXTURES, 'runbooks', 'high-errors.md'), 'utf8');
const game = useBuiltGame();


/** Drops files on the page as a browser does when they are dragged from the desktop; `size` makes a file of that many bytes. */
async function drop(page: Page, files: Array<{ name: string; text?: string; size?: number }>): Promise<void> {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.size === undefined ? (f.text ?? '') : new Uint8Array(f.size).fill(0x61)], f.name));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

const noticeIncludes = (page: Page, text: string) =>
  page.waitForFunction((t) => ((globalThis as { __burnRate?: { notice?: string } }).__burnRate?.notice ?? '').includes(t), text, { timeout: 120_000, polling: 50 });

describe('hostile input in Chromium', () => {
  it('loads under a policy that forbids inline script and eval, with no violation', async () => {
    const { page, errors } = await game.open();
    // The page was opened before this listener could be added: load it again with it in place.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as { __csp?: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.reload();
    await waitForScreen(page, 'picker');
    // Check a dropped file too: that loads the scenario loader and its schemas.
    await drop(page, [{ name: 'scenario.yaml', text: MINIMAL }, { name: 'high-errors.md', text: RUNBOOK }]);
    await noticeIncludes(page, 'ready to play');
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    // The policy is in force: an inline script does not run.
    const inline = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = '(globalThis).__inlineRan = true;';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 50));
      return (globalThis as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inline).toBe(false);
    const violations = await page.evaluate(() => (globalThis as { __csp?: string[] }).__csp ?? []);
    // Only the inline script this test added, refused; nothing from the game itself.
    expect(violations.filter((v) => !v.startsWith('script-src-elem inline'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says a dropped file over 4 MB is too large, not empty', async () => {
    const { page } = await game.open();
    await waitForScreen(page, 'picker');
    await drop(page, [{ name: 'huge.yaml', size: 4 * 1024 * 1024 + 1 }]);
    await noticeIncludes(page, 'huge.yaml');
    const h = await hook<PickerHook>(page);
    expect(h.problems[0]).toBe('huge.yaml:1:1  error BR002 — the file is 4.0 MB, more than the 2.0 MB a scenario may be');
    await page.context().close();
  });

  it('reads a dropped file whose lines end in carriage returns alone', async () => {
    const { page } = await game.open();
    await waitForScreen(page, 'picker');
    await drop(page, [{ name: 'old-mac.yaml', text: MINIMAL.replace(/\n/g, '\r') }, { name: 'high-errors.md', text: RUNBOOK }]);
    await noticeIncludes(page, 'old-mac.yaml');
    const h = await hook<PickerHook>(page);
    expect(h.notice).toBe('old-mac.yaml loaded and checked: ready to play.');
    expect(h.entries[0]).toMatchObject({ id: 'minimal', playable: true });
    await page.context().close();
  });

  it('keeps answering keys while a large broken file is checked', async () => {
    const { page } = await game.open();
    await waitForScreen(page, 'picker');
    // About 1.6 MB: twelve thousand messages from people and about facts that do not exist.
    const messages = Array.from({ length: 12_000 }, (_, i) => `  - id: ping-${i}\n    from: nobody-${i}\n    text: Customers say checkout fails now and then.\n    when: { at: 5m, known: [missing-${i}] }\n`).join('');
    const before = (await hook<PickerHook>(page)).selected;
    await drop(page, [{ name: 'big-broken.yaml', text: MINIMAL.replace('messages:\n', `messages:\n${messages}`) }]);
    await press(page, 'ArrowDown');
    const during = await hook<PickerHook>(page);
    expect(during.notice).toBe('Checking the dropped file…');
    expect(during.selected).not.toBe(before);
    await noticeIncludes(page, 'big-broken.yaml has');
    expect((await hook<PickerHook>(page)).entries[0]).toMatchObject({ playable: false });
    await screenshot(page, 'picker-big-broken');
    await page.context().close();
  });

  it('refuses to play a scenario whose phases loop, naming them, instead of freezing', async () => {
    const { page } = await game.open();
    await waitForScreen(page, 'picker');
    const looping = readFileSync(join(FIXTURES, 'loops', 'goto-first-phase.yaml'), 'utf8');
    await drop(page, [{ name: 'looping.yaml', text: looping }, { name: 'high-errors.md', text: RUNBOOK }]);
    await noticeIncludes(page, 'looping.yaml');
    const h = await hook<PickerHook>(page);
    expect(h.entries[0]).toMatchObject({ playable: false, errors: 1 });
    expect(h.problems[0]).toContain('BR055 — phases `paused` → `stalled` → `paused` move into each other endlessly');
    await screenshot(page, 'picker-phase-loop');
    await page.context().close();
  });

  it('ends a run with an error, naming the phases, when it enters a loop the checker could only warn of', async () => {
    const { page, errors } = await game.open();
    await waitForScreen(page, 'picker');
    const looping = readFileSync(join(FIXTURES, 'loops', 'flip-flop-known.yaml'), 'utf8');
    await drop(page, [{ name: 'flip-flop.yaml', text: looping }, { name: 'high-errors.md', text: RUNBOOK }]);
    await noticeIncludes(page, 'ready to play');
    const focusOn = async (control: string) => {
      for (let i = 0; i < 8 && (await hook<{ focus: string }>(page)).focus !== control; i++) await press(page, 'Tab');
    };
    await focusOn('speed');
    for (let i = 0; i < 4 && (await hook<{ speed: number }>(page)).speed !== 10; i++) await press(page, 'ArrowRight');
    await focusOn('play');
    await press(page, 'Enter');
    await waitForScreen(page, 'desk');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter'); // start the shift
    const loaded = loadScenario(looping, { file: 'flip-flop.yaml', readFile: () => RUNBOOK }).scenario;
    if (!loaded) throw new Error('the looping fixture does not load');
    const human = new Human(page, loaded);
    await playReference(human, [
      { at: 30, do: 'compare-cohorts' },
      { at: 180, choose: 'declare.wait' },
    ]);
    const end = await waitForEnding(human);
    expect(end.snapshot.ended).toMatchObject({ id: 'phase-loop', outcome: 'error', title: 'The scenario loops' });
    expect(end.snapshot.ended?.text).toMatch(/phases "(paused|stalled)" → "(paused|stalled)" → "(paused|stalled)" move into each other/);
    await page.waitForTimeout(300);
    await screenshot(page, 'ending-phase-loop');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
