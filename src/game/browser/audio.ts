/**
 * The pager's beep, made with WebAudio so no sound file is needed. Browsers only allow
 * sound after a user gesture; by the time a page fires the player has pressed keys on the
 * picker, and if audio is still blocked (or absent) the pager stays silent but visible.
 *
 * Making an AudioContext can block the page for hundreds of milliseconds while the browser
 * opens the audio device, so it is never made inside a key or click handler: the first
 * gesture asks for it once the page is idle, after the screen has answered the key.
 *
 * A running AudioContext keeps the audio device busy playing silence, a steady cost on a
 * laptop that only beeps when a page fires: the context is suspended whenever nothing is
 * sounding, and resumed for each beep (the first gesture has already allowed it).
 */
let ctx: AudioContext | null = null;
let quiet: ReturnType<typeof setTimeout> | undefined;

/** Suspends the context once `seconds` have passed with nothing new to play. */
function quietAfter(ac: AudioContext, seconds: number): void {
  clearTimeout(quiet);
  quiet = setTimeout(() => {
    quiet = undefined;
    if (ac.state === 'running') void ac.suspend().catch(() => undefined);
  }, Math.ceil(seconds * 1000));
}

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctor) return null;
  try {
    ctx = new Ctor();
  } catch {
    ctx = null;
  }
  return ctx;
}

/** Two short rising tones, like a pager; `urgent` repeats them. */
export function pagerBeep(urgent = true): void {
  const ac = context();
  if (!ac) return;
  // A quiet-down still pending from before must not cut this beep short.
  clearTimeout(quiet);
  try {
    const start = ac.currentTime + 0.02;
    const tones = urgent ? [880, 1175, 880, 1175] : [880, 1175];
    tones.forEach((freq, i) => {
      const osc = ac.createOscillator();
      const gain = ac.createGain();
      osc.type = 'square';
      osc.frequency.value = freq;
      const t = start + i * 0.16;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(0.06, t + 0.01);
      gain.gain.setValueAtTime(0.06, t + 0.11);
      gain.gain.linearRampToValueAtTime(0, t + 0.13);
      osc.connect(gain).connect(ac.destination);
      osc.start(t);
      osc.stop(t + 0.14);
    });
    // A suspended context's clock stands still until it resumes (which can take a moment
    // while the device opens): the beep ends at `end` on that clock, whenever that is.
    const end = start + tones.length * 0.16;
    const settle = () => quietAfter(ac, Math.max(0, end - ac.currentTime) + 0.25);
    if (ac.state === 'suspended') ac.resume().then(settle, () => undefined);
    else settle();
  } catch {
    // Sound is a courtesy: the pager's flash carries the news on its own.
  }
}

let requested = false;

/** Runs `task` when the page is idle (or soon, where the browser cannot say). */
function whenIdle(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(task, { timeout: 1000 });
  else setTimeout(task, 50);
}

/** Unlocks audio after the first gesture, so the first page can beep; returns at once. */
export function unlockAudio(): void {
  if (ctx || requested) return;
  requested = true;
  whenIdle(() => {
    // Made inside the gesture's activation, so the browser lets it sound; then quiet until a page.
    const ac = context();
    if (ac) quietAfter(ac, 0);
  });
}
