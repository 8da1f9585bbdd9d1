/** The browser figures and their notes, apart from bench/browser.ts so that they can be formatted without a browser. */
import type { Report } from './figure.ts';

/** What the browser bench measured; every figure is a median over several runs unless its note says otherwise. */
export interface BrowserMeasures {
  /** The renderer Phaser chose (or was told to use). */
  renderer: string;
  /** Page loads timed, each of the game and of an empty Phaser page, interleaved. */
  loads: number;
  emptyPhaserInteractiveMs: number;
  interactiveMedianMs: number;
  interactiveMaxMs: number;
  /** From the first key press on the picker to the next frame painted. */
  firstInputMs: number;
  /** The longest task in the two seconds after that key press. */
  firstInputLongestTaskMs: number;
  /** Cores the browser keeps busy (all its processes), each a median of several windows. */
  pickerIdleCores: number;
  deskPausedCores: number;
  desk10xCores: number;
  frameMedianMs: number;
  frameP95Ms: number;
  frameP99Ms: number;
  frames: number;
  /** Sim seconds covered per wall second while frames were timed. */
  simSpeed: number;
  /** Runs played to their debrief in one page, and the JS heap growth (after GC) over them. */
  memoryRuns: number;
  memoryGrowthBytes: number;
  initialJsBytes: number;
  initialJsFiles: number;
  emptyPhaserJsBytes: number;
}

export function browserReport(m: BrowserMeasures): Report {
  return {
    notes: [
      `renderer: ${m.renderer}`,
      `interactive times over ${m.loads} page loads at 1280x720, the game and an empty Phaser page built by the same Vite settings, interleaved`,
      'cores: CPU time of every browser process over 3-second windows, median of three; first input: Event Timing duration of the first key on the picker',
      `memory: JS heap after garbage collection, before and after ${m.memoryRuns} short runs played to their debrief in one page (after three warm-up runs); initial_js is what loaded before the picker was interactive`,
    ],
    figures: [
      { name: 'empty_phaser_interactive_median', value: m.emptyPhaserInteractiveMs, unit: 'ms' },
      { name: 'picker_interactive_median', value: m.interactiveMedianMs, unit: 'ms' },
      { name: 'picker_interactive_max', value: m.interactiveMaxMs, unit: 'ms' },
      { name: 'picker_interactive_vs_empty_phaser', value: m.interactiveMedianMs / m.emptyPhaserInteractiveMs, unit: 'x' },
      { name: 'picker_first_input', value: m.firstInputMs, unit: 'ms' },
      { name: 'picker_first_input_longest_task', value: m.firstInputLongestTaskMs, unit: 'ms' },
      { name: 'picker_idle_cpu', value: m.pickerIdleCores, unit: 'cores' },
      { name: 'desk_paused_cpu', value: m.deskPausedCores, unit: 'cores' },
      { name: 'desk_10x_cpu', value: m.desk10xCores, unit: 'cores' },
      { name: 'desk_10x_frame_median', value: m.frameMedianMs, unit: 'ms' },
      { name: 'desk_10x_frame_p95', value: m.frameP95Ms, unit: 'ms' },
      { name: 'desk_10x_frame_p99', value: m.frameP99Ms, unit: 'ms' },
      { name: 'desk_10x_frames', value: m.frames, unit: 'frames' },
      { name: 'desk_10x_sim_speed', value: m.simSpeed, unit: 'sim-s/s' },
      { name: 'memory_growth_over_runs', value: m.memoryGrowthBytes / (1024 * 1024), unit: 'MiB' },
      { name: 'initial_js_gzip', value: Math.round(m.initialJsBytes / 1024), unit: 'KiB' },
      { name: 'initial_js_files', value: m.initialJsFiles, unit: 'files' },
      { name: 'empty_phaser_js_gzip', value: Math.round(m.emptyPhaserJsBytes / 1024), unit: 'KiB' },
    ],
  };
}
