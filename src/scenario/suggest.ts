/**
 * "Did you mean …?" for unknown ids and keys. Most unknown names in a hand-written
 * scenario are typos: a swapped pair of letters, a missing dash, a wrong case.
 */

/**
 * Optimal-string-alignment distance (Levenshtein plus swaps of neighbouring
 * characters), so `transtions` → `transitions` and `rollabck` → `rollback` cost 1.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the swap rule looks two rows back.
  let prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (prev2[j - 2] as number) + 1);
      }
      cur[j] = best;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length] as number;
}

/**
 * The candidate closest to `name`, if it is close enough to be a likely typo:
 * a case-only difference always counts; otherwise at most one edit per three
 * characters (minimum one). Returns undefined when nothing is close.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    // Case-folded distance decides, so "RollBack" finds "rollback"; among equally close
    // candidates, one that also matches in case wins the tie.
    const folded = editDistance(lower, candidate.toLowerCase());
    if (folded > limit) continue;
    const score = folded + (editDistance(name, candidate) === folded ? 0 : 0.5);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

/** A hint sentence: "did you mean `x`?" when a close candidate exists, else a list of what exists. */
export function suggestionHint(name: string, candidates: readonly string[], what: string): string {
  const close = didYouMean(name, candidates);
  if (close !== undefined) return `did you mean \`${close}\`?`;
  if (candidates.length === 0) return `this scenario declares no ${what}`;
  const shown = candidates.slice(0, 12).map((c) => `\`${c}\``);
  return `the ${what} are ${shown.join(', ')}${candidates.length > 12 ? ', …' : ''}`;
}
