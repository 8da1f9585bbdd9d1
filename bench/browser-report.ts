/** The browser figures and their notes, apart from bench/browser.ts so that they can be formatted without a browser. */
import type { Report } from './figure.ts';

/** What the browser bench measured. */
export interface BrowserMeasures {
  /** The renderer Phaser chose (or was told to use). */
  renderer: string;
  /** Page loads timed to an interactive picker. */
  loads: number;
  interactiveMedianMs: number;
  interactiveMaxMs: number;
  frameMedianMs: number;
  frameP95Ms: number;
  frameP99Ms: number;
  frames: number;
  /** Sim seconds covered per wall second while frames were timed. */
  simSpeed: number;
  initialJsBytes: number;
  initialJsFiles: number;
}

export function browserReport(m: BrowserMeasures): Report {
  return {
    notes: [
      `renderer: ${m.renderer}`,
      `picker_interactive over ${m.loads} page loads at 1280x720; desk_10x frame times over 10 s on the incident desk at 10x; initial_js is what loaded before the picker was interactive`,
    ],
    figures: [
      { name: 'picker_interactive_median', value: m.interactiveMedianMs, unit: 'ms' },
      { name: 'picker_interactive_max', value: m.interactiveMaxMs, unit: 'ms' },
      { name: 'desk_10x_frame_median', value: m.frameMedianMs, unit: 'ms' },
      { name: 'desk_10x_frame_p95', value: m.frameP95Ms, unit: 'ms' },
      { name: 'desk_10x_frame_p99', value: m.frameP99Ms, unit: 'ms' },
      { name: 'desk_10x_frames', value: m.frames, unit: 'frames' },
      { name: 'desk_10x_sim_speed', value: m.simSpeed, unit: 'sim-s/s' },
      { name: 'initial_js_gzip', value: Math.round(m.initialJsBytes / 1024), unit: 'KiB' },
      { name: 'initial_js_files', value: m.initialJsFiles, unit: 'files' },
    ],
  };
}
