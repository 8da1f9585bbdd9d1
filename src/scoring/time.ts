/** Sim-time formatting shared by the debrief and its exports. */

/** Sim seconds as "mm:ss" (minutes keep counting past 59: 75 minutes is "75:00"). */
export function mmss(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** A duration in words: "45 s", "5 min", "1 h 30 min". */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : '', rest > 0 ? `${rest} s` : ''];
  return parts.filter(Boolean).join(' ');
}
