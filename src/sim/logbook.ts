/**
 * The run's log: a bounded ring of (time, line) pairs. Busy scenarios write thousands of
 * lines an hour; storing an index into the scenario's own line definitions instead of an
 * object per line keeps a headless playthrough free of that garbage. Entries become
 * objects only when something reads them.
 */
import type { LogEntry } from './events.ts';

type LineDef = Omit<LogEntry, 't'>;

/** A bounded, append-only log. */
export class LogBook {
  private times: Float64Array;
  private refs: Int32Array;
  private readonly defs: LineDef[] = [];
  private readonly defIndex = new Map<LineDef, number>();
  /** Lines ever written, including those the ring has dropped. */
  total = 0;
  private tailCache: { total: number; n: number; entries: LogEntry[] } | null = null;

  constructor(readonly capacity: number) {
    // Start small and double up to capacity: most runs never need the whole ring.
    const initial = Math.min(capacity, 256);
    this.times = new Float64Array(initial);
    this.refs = new Int32Array(initial);
  }

  /** Lines held now (at most `capacity`). */
  get length(): number {
    return Math.min(this.total, this.capacity);
  }

  /** Lines dropped to stay within capacity. */
  get dropped(): number {
    return this.total - this.length;
  }

  /** The handle of a line definition, for `pushRef`; `def` is kept by identity. */
  register(def: LineDef): number {
    let ref = this.defIndex.get(def);
    if (ref === undefined) {
      ref = this.defs.length;
      this.defs.push({ level: def.level, source: def.source, text: def.text });
      this.defIndex.set(def, ref);
    }
    return ref;
  }

  /** Appends a line; pass the scenario's own object, which is reused by identity. */
  push(t: number, def: LineDef): void {
    this.pushRef(t, this.register(def));
  }

  /** Appends a line by the handle `register` gave. */
  pushRef(t: number, ref: number): void {
    if (this.total < this.capacity && this.total === this.times.length) {
      const size = Math.min(this.capacity, this.times.length * 2);
      const times = new Float64Array(size);
      const refs = new Int32Array(size);
      times.set(this.times);
      refs.set(this.refs);
      this.times = times;
      this.refs = refs;
    }
    const slot = this.total % this.capacity;
    this.times[slot] = t;
    this.refs[slot] = ref;
    this.total++;
  }

  /** The i-th held line, oldest first. */
  at(i: number): LogEntry | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const slot = (this.total - this.length + i) % this.capacity;
    const def = this.defs[this.refs[slot] as number] as LineDef;
    return { t: this.times[slot] as number, level: def.level, source: def.source, text: def.text };
  }

  /** The newest n lines, oldest first; the same array until a line is added. */
  tail(n: number): LogEntry[] {
    const c = this.tailCache;
    if (c && c.total === this.total && c.n === n) return c.entries;
    const count = Math.min(n, this.length);
    const entries: LogEntry[] = [];
    for (let i = this.length - count; i < this.length; i++) entries.push(this.at(i) as LogEntry);
    this.tailCache = { total: this.total, n, entries };
    return entries;
  }

  /** Every held line, oldest first. */
  toArray(): LogEntry[] {
    return this.tail(this.length);
  }

  toJSON(): LogEntry[] {
    return this.toArray();
  }
}
