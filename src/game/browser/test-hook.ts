/**
 * A read-only window onto what the screen shows, for the end-to-end tests: which screen is
 * up and the snapshot or debrief it renders. Tests still drive the game by keys and clicks;
 * this only lets them read state they would otherwise have to OCR.
 */
export interface TestHook {
  screen: 'boot' | 'picker' | 'preview' | 'desk' | 'debrief' | 'history' | 'progress' | 'gameday-host' | 'gameday-join' | 'gameday-console' | 'gameday-desk' | 'gameday-debrief';
  [key: string]: unknown;
}

export function exposeTestHook(hook: TestHook): void {
  (globalThis as { __burnRate?: Readonly<TestHook> }).__burnRate = Object.freeze({ ...hook });
}
