/**
 * Benchmark figures and how they print. Every figure is one line, `name: value unit`, with
 * no comment after the unit, so a tool can read it with /^([^:]+): (-?[0-9.]+) (\S+)$/.
 * What a reader needs to know about a group of figures (scenario, sample sizes, method)
 * goes on `# ` lines printed before them.
 */
export interface Figure {
  /** Self-explanatory and stable across runs: no colon, and nothing measured in it. */
  name: string;
  value: number;
  /** One word: `/s`, `ms`, `KiB`. */
  unit: string;
}

/** A group of figures and the notes printed before them. */
export interface Report {
  notes: string[];
  figures: Figure[];
}

/**
 * Calls `fn` repeatedly for about `seconds` after a warm-up and returns calls per second:
 * the median over half-second windows, so that a burst of other work on the machine moves
 * the figure less than it would move one long mean. Reads the wall clock: benchmarks
 * measure speed, tests never do.
 */
export function measure(fn: () => void, seconds = 3, warmup = 0.5): number {
  const until = (s: number) => performance.now() + s * 1000;
  const warm = until(warmup);
  while (performance.now() < warm) fn();
  const rates: number[] = [];
  for (let w = 0; w < Math.max(1, Math.round(seconds / 0.5)); w++) {
    const start = performance.now();
    const end = start + 500;
    let n = 0;
    while (performance.now() < end) {
      fn();
      n++;
    }
    rates.push(n / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  const mid = rates.length >> 1;
  return rates.length % 2 ? (rates[mid] as number) : ((rates[mid - 1] as number) + (rates[mid] as number)) / 2;
}

/**
 * One figure as `name: value unit`: integers as they are, other values to two decimals.
 * A value that could not be measured (NaN, infinite) prints as a `# ` line instead, so the
 * output stays readable by the same pattern. Throws on a name or unit that would break it.
 */
export function formatFigure(f: Figure): string {
  if (!/^[^:\n#][^:\n]*$/.test(f.name) || f.name.trim() !== f.name) throw new Error(`figure name ${JSON.stringify(f.name)} must be one line without a colon`);
  if (!/^\S+$/.test(f.unit)) throw new Error(`figure unit ${JSON.stringify(f.unit)} of "${f.name}" must be one word`);
  if (!Number.isFinite(f.value)) return `# ${f.name}: not measured`;
  const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2);
  return `${f.name}: ${value} ${f.unit}`;
}

/** A report's lines: each note as a `# ` line, then each figure. */
export function formatReport(r: Report): string[] {
  return [...r.notes.map((n) => `# ${n}`), ...r.figures.map(formatFigure)];
}

export function printReport(r: Report): void {
  for (const line of formatReport(r)) console.log(line);
}
