/** One printed benchmark figure, `name: value unit`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
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

export function printFigure(f: Figure): void {
  const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2);
  console.log(`${f.name}: ${value} ${f.unit}`);
}
