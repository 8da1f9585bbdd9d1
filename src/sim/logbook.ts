/**
 * The run's log: a bounded ring of (time, line) pairs. Busy scenarios write thousands of
 * lines an hour, and nothing in a run depends on them, so repeating streams are written
 * lazily: the engine says which streams run from when, and moves the horizon each tick;
 * lines are generated (each stream with its own seeded jitter, so the result does not
 * depend on when anyone looks) only when something reads the log. A headless playthrough
 * that never reads it never pays for it. Lines are stored as an index into the scenario's
 * own line definitions, and become objects only when read.
 */
import type { LogEntry } from './events.ts';

type LineDef = Omit<LogEntry, 't'>;

interface StreamCursor {
  ref: number;
  every: number;
  due: number;
  /** State of the stream's own jitter generator. */
  state: number;
}

/**
 * A stream's jitter in [lo, hi): mulberry32, one 32-bit word of state per stream. Log
 * timing needs no more, and a phase may start a dozen streams.
 */
function jitter(cursor: StreamCursor, lo: number, hi: number): number {
  cursor.state = (cursor.state + 0x6d2b79f5) | 0;
  let x = cursor.state;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return lo + ((hi - lo) * ((x ^ (x >>> 14)) >>> 0)) / 4294967296;
}

/** A bounded, append-only log. */
export class LogBook {
  private times: Float64Array;
  private refs: Int32Array;
  private readonly defs: LineDef[] = [];
  private readonly defIndex = new Map<LineDef, number>();
  /** Lines ever written, including those the ring has dropped. */
  total = 0;
  private tailCache: { total: number; n: number; entries: LogEntry[] } | null = null;
  /** Stream sets, each running until `end` (the current one until Infinity). */
  private segments: Array<{ streams: StreamCursor[]; end: number }> = [];
  /** One-off lines not yet written: [time, ref] pairs. */
  private pending: number[] = [];
  private horizon = 0;
  private segment = 0;

  /**
   * @param capacity lines kept; older ones are dropped
   * @param seed seeds each stream's jitter
   * @param minGap shortest gap between two lines of one stream (sim seconds)
   */
  constructor(
    readonly capacity: number,
    private readonly seed = 0,
    private readonly minGap = 0,
  ) {
    // Start empty and double up to capacity: a run whose log is never read never writes it.
    this.times = new Float64Array(0);
    this.refs = new Int32Array(0);
  }

  /** Lines held now (at most `capacity`). */
  get length(): number {
    this.catchUp();
    return Math.min(this.total, this.capacity);
  }

  /** Lines dropped to stay within capacity. */
  get dropped(): number {
    return this.written - this.length;
  }

  /** Lines ever written, including those the ring has dropped. */
  get written(): number {
    this.catchUp();
    return this.total;
  }

  /**
   * From time t, these streams repeat (each roughly every `every` seconds, ±30%, the first
   * line within 0.3–1.3 periods) and the previous ones stop.
   */
  startStreams(t: number, streams: ReadonlyArray<LineDef & { every: number }>): void {
    const current = this.segments.at(-1);
    if (current) current.end = t;
    this.segment++;
    this.segments.push({
      end: Infinity,
      streams: streams.map((stream, i) => {
        const cursor = { ref: this.register(stream), every: stream.every, due: t, state: this.seed ^ Math.imul(this.segment, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b) };
        cursor.due = t + stream.every * jitter(cursor, 0.3, 1.3);
        return cursor;
      }),
    });
  }

  /** Lines due at or before t may now be written. */
  advanceTo(t: number): void {
    this.horizon = t;
  }

  /** Writes every line due by the horizon, in time order (streamed lines before one-off lines at the same second). */
  private catchUp(): void {
    const times: number[] = [];
    const refs: number[] = [];
    const kinds: number[] = [];
    for (const segment of this.segments) {
      const until = Math.min(segment.end, this.horizon);
      for (const cursor of segment.streams) {
        while (cursor.due <= until) {
          times.push(Math.ceil(cursor.due)); // ceil: a line due by a whole-second horizon is stamped within it
          refs.push(cursor.ref);
          kinds.push(0);
          const gap = cursor.every * jitter(cursor, 0.7, 1.3);
          cursor.due += gap > this.minGap ? gap : this.minGap;
        }
      }
    }
    // Streams that have ended and have nothing left to write are done with.
    while (this.segments.length > 1 && (this.segments[0] as { end: number }).end <= this.horizon) this.segments.shift();
    const pending = this.pending;
    let kept = 0;
    for (let i = 0; i < pending.length; i += 2) {
      if ((pending[i] as number) <= this.horizon) {
        times.push(pending[i] as number);
        refs.push(pending[i + 1] as number);
        kinds.push(1);
      } else {
        pending[kept++] = pending[i] as number;
        pending[kept++] = pending[i + 1] as number;
      }
    }
    pending.length = kept;
    if (times.length === 0) return;
    const order = times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number) || (kinds[a] as number) - (kinds[b] as number) || a - b);
    for (const i of order) this.append(times[i] as number, refs[i] as number);
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

  /** Writes a line at time t (after streamed lines due by then); pass the scenario's own object. */
  push(t: number, def: LineDef): void {
    this.horizon = Math.max(this.horizon, t);
    this.pending.push(t, this.register(def));
  }

  private append(t: number, ref: number): void {
    if (this.total < this.capacity && this.total === this.times.length) {
      const size = Math.min(this.capacity, Math.max(256, this.times.length * 2));
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
    return this.entry(i);
  }

  private entry(i: number): LogEntry {
    const slot = (this.total - this.length + i) % this.capacity;
    const def = this.defs[this.refs[slot] as number] as LineDef;
    return { t: this.times[slot] as number, level: def.level, source: def.source, text: def.text };
  }

  /** The newest n lines, oldest first; the same array until a line is added. */
  tail(n: number): LogEntry[] {
    this.catchUp();
    const c = this.tailCache;
    if (c && c.total === this.total && c.n === n) return c.entries;
    const count = Math.min(n, this.length);
    const entries: LogEntry[] = [];
    for (let i = this.length - count; i < this.length; i++) entries.push(this.entry(i));
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
