/**
 * Turns a snapshot into the entries of the side panel's feeds: messages and the player's
 * own updates, log lines (filtered), findings and coaching. Pure; keys are stable so the
 * feed widget can keep Text objects for entries it has already drawn.
 */
import type { LogEntry } from '../../sim/events.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { logMatcher, type DeskUi } from './desk-ui.ts';
import { formatClock } from '../ui/format.ts';
import type { FeedEntry } from './feed.ts';

const LEVEL_COLOUR: Record<LogEntry['level'], string> = { debug: '#8390a2', info: '#93a1b3', warn: '#ffb547', error: '#ff5d5d' };
const LEVEL_TAG: Record<LogEntry['level'], string> = { debug: 'DBG', info: 'INF', warn: 'WRN', error: 'ERR' };

export function commsEntries(snap: RunSnapshot): FeedEntry[] {
  return snap.messages.map((m, i) => ({
    key: `m${i}`,
    head: m.own ? `${formatClock(m.t)} · You (status update)` : `${formatClock(m.t)} · ${m.name}${m.role ? `, ${m.role}` : ''}`,
    headColour: m.own ? '#9fd8ff' : '#ffd75e',
    body: m.text,
    bodyColour: m.own ? '#9fd8ff' : '#dde3ea',
  }));
}

/**
 * Log entries kept between frames: the engine only ever appends lines (dropping the oldest
 * past its cap), so new lines are filtered and formatted once, and the same array comes
 * back while nothing changed — the feed widget then skips its layout entirely.
 */
export class LogFeed {
  private filterKey = '';
  private seen = 0;
  private dropped = 0;
  private list: FeedEntry[] = [];

  entries(logs: readonly LogEntry[], dropped: number, ui: Pick<DeskUi, 'minLevel' | 'filter'>): readonly FeedEntry[] {
    const key = `${ui.minLevel}\u0000${ui.filter}`;
    const total = dropped + logs.length;
    if (key !== this.filterKey || dropped !== this.dropped) {
      this.filterKey = key;
      this.dropped = dropped;
      this.list = logEntries(logs, ui, dropped);
      this.seen = total;
      return this.list;
    }
    if (total === this.seen) return this.list;
    const matches = logMatcher(ui);
    const fresh: FeedEntry[] = [];
    for (let n = this.seen; n < total; n++) {
      const l = logs[n - dropped] as LogEntry;
      if (matches(l)) fresh.push(logEntry(l, n));
    }
    this.seen = total;
    if (fresh.length > 0) this.list = [...this.list, ...fresh];
    return this.list;
  }
}

/** Log lines as feed entries; `offset` (lines dropped by the engine's cap) keeps keys stable. */
export function logEntries(logs: readonly LogEntry[], ui: Pick<DeskUi, 'minLevel' | 'filter'>, offset: number): FeedEntry[] {
  const matches = logMatcher(ui);
  const out: FeedEntry[] = [];
  for (let i = 0; i < logs.length; i++) {
    const l = logs[i] as LogEntry;
    if (!matches(l)) continue;
    out.push(logEntry(l, i + offset));
  }
  return out;
}

function logEntry(l: LogEntry, n: number): FeedEntry {
  return {
    key: `l${n}`,
    head: `${formatClock(l.t).slice(2)} ${LEVEL_TAG[l.level]}`,
    headColour: LEVEL_COLOUR[l.level],
    body: `${l.source}: ${l.text}`,
    bodyColour: l.level === 'error' ? '#ffc2c2' : l.level === 'warn' ? '#ffe2b0' : '#c9d2dc',
  };
}

export interface Coaching {
  t: number;
  about: string;
  hint: string;
}

/** Findings: what actions turned up and the facts learned, with coaching (practice) in time order. */
export function noteEntries(snap: RunSnapshot, coaching: readonly Coaching[]): FeedEntry[] {
  const items: Array<FeedEntry & { t: number; order: number }> = [];
  snap.results.forEach((r, i) => items.push({ t: r.t, order: 0, key: `r${i}`, head: `${formatClock(r.t)} · ${r.source}`, headColour: '#5aa9ff', body: r.text }));
  snap.facts.forEach((f, i) => items.push({ t: f.t, order: 1, key: `f${i}`, head: `${formatClock(f.t)} · Learned`, headColour: '#4cc38a', body: f.text }));
  coaching.forEach((c, i) => items.push({ t: c.t, order: 2, key: `c${i}`, head: `${formatClock(c.t)} · Coach on “${c.about}”`, headColour: '#c792ea', body: c.hint, bodyColour: '#e2d2f5' }));
  items.sort((a, b) => a.t - b.t || a.order - b.order);
  return items;
}
