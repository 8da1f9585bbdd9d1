/**
 * F8 at the desk: the run so far as a `references:` entry (see reference-entry.ts), copied
 * to the clipboard and printed to the browser console, with a note on screen saying what
 * was recorded. The author pastes it under `scoring:` → `references:` in the scenario file.
 */
import type Phaser from 'phaser';
import type { Session } from '../run/session.ts';
import { exposeTestHook, type TestHook } from '../browser/test-hook.ts';
import { SIZE, text } from '../ui/theme.ts';
import { referenceEntry } from './reference-entry.ts';

export const RECORD_KEY = 'F8';

/** Listens for F8 on the scene and records the session's run so far. */
export function installReferenceRecorder(scene: Phaser.Scene, session: () => Session): void {
  let note: Phaser.GameObjects.Text | null = null;
  scene.input.keyboard?.on('keydown', (e: KeyboardEvent) => {
    if (e.key !== RECORD_KEY || e.repeat) return;
    e.preventDefault();
    const s = session();
    const entry = referenceEntry(s.scenario, s.run, s.choices);
    console.info(`Burn Rate: reference entry for ${s.scenario.id} (paste under scoring: → references:)\n${entry.yaml}`);
    void navigator.clipboard?.writeText(entry.yaml).catch(() => undefined);
    const level = entry.level ?? 'no level yet (nothing observed)';
    note?.destroy();
    note = scene.add
      .text(640, 718, `Reference "${entry.id}" recorded: ${entry.choices} choices, assessed ${level}. Copied; paste it under scoring → references.`, text(SIZE.small, 'accent', { backgroundColor: '#151c25', padding: { x: 8, y: 6 }, fixedWidth: 1264, align: 'center' }))
      .setOrigin(0.5, 1)
      .setDepth(50);
    const shown = note;
    scene.time.delayedCall(6000, () => shown.destroy());
    const hook = (globalThis as { __burnRate?: TestHook }).__burnRate;
    if (hook) exposeTestHook({ ...hook, recordedReference: entry });
  });
}
