/**
 * What the browser bench runs inside the page, as plain source text: tsx would wrap named
 * functions in helpers the page does not have.
 */

/** requestAnimationFrame deltas for ten seconds, and the sim time covered. */
export const FRAME_PROBE = `new Promise((resolve) => {
  const deltas = [];
  const simT = () => { const h = globalThis.__burnRate; return h && h.snapshot ? h.snapshot().t : 0; };
  const t0 = simT();
  let last = performance.now();
  const end = last + 10000;
  const frame = (now) => {
    deltas.push(now - last);
    last = now;
    if (now < end) requestAnimationFrame(frame);
    else resolve({ deltas, simSeconds: simT() - t0 });
  };
  requestAnimationFrame(frame);
})`;

/** Starts recording long tasks (installed before the first key press). */
export const LONG_TASKS_START = `(() => {
  globalThis.__benchLongTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__benchLongTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask' });
  return performance.now();
})()`;

/**
 * After the first key press: the Event Timing entry of that first input (key down to the
 * next frame painted), and the longest task that started within two seconds of it.
 */
export const FIRST_INPUT_READ = `new Promise((resolve) => setTimeout(() => {
  const first = performance.getEntriesByType('first-input')[0];
  const from = first ? first.startTime : 0;
  const tasks = (globalThis.__benchLongTasks || []).filter((t) => t.start >= from - 50 && t.start <= from + 2000);
  resolve({ duration: first ? first.duration : NaN, longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0) });
}, 2200))`;

/** The JS heap in use after a full garbage collection (needs --js-flags=--expose-gc). */
export const HEAP_AFTER_GC = `(async () => {
  for (let i = 0; i < 3; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 100)); }
  return performance.memory.usedJSHeapSize;
})()`;
