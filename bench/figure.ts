/** One printed benchmark figure, `name: value unit`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/**
 * Calls `fn` repeatedly for about `seconds` after a warm-up and returns calls per second.
 * Reads the wall clock: benchmarks measure speed, tests never do.
 */
export function measure(fn: () => void, seconds = 3, warmup = 0.5): number {
  const until = (s: number) => performance.now() + s * 1000;
  const warm = until(warmup);
  while (performance.now() < warm) fn();
  const start = performance.now();
  const end = start + seconds * 1000;
  let n = 0;
  while (performance.now() < end) {
    fn();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

export function printFigure(f: Figure): void {
  const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2);
  console.log(`${f.name}: ${value} ${f.unit}`);
}
