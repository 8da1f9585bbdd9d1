/**
 * The pager's beep, made with WebAudio so no sound file is needed. Browsers only allow
 * sound after a user gesture; by the time a page fires the player has pressed keys on the
 * picker, and if audio is still blocked (or absent) the pager stays silent but visible.
 */
let ctx: AudioContext | null = null;

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
  try {
    if (ac.state === 'suspended') void ac.resume();
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
  } catch {
    // Sound is a courtesy: the pager's flash carries the news on its own.
  }
}

/** Unlocks audio on the first gesture, so the first page can beep. */
export function unlockAudio(): void {
  const ac = context();
  if (ac && ac.state === 'suspended') void ac.resume().catch(() => undefined);
}
