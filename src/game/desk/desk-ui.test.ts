import { describe, expect, it } from 'vitest';
import { addUnread, cycleLevel, cycleTab, filterLogs, initialUi, levelLabel, openTab, typeFilter } from './desk-ui.ts';

const logs = [
  { t: 10, level: 'info' as const, source: 'stable-pod', text: 'login ok' },
  { t: 20, level: 'error' as const, source: 'canary-pod', text: 'Token check failed' },
  { t: 30, level: 'warn' as const, source: 'db', text: 'slow query' },
];

describe('desk UI state', () => {
  it('cycles tabs and clears unread on open', () => {
    let ui = initialUi();
    ui = addUnread(ui, 'logs', 3);
    expect(ui.unread.logs).toBe(3);
    ui = cycleTab(ui, 1);
    expect(ui.tab).toBe('logs');
    expect(ui.unread.logs).toBe(0);
    expect(cycleTab(openTab(ui, 'comms'), -1).tab).toBe('notes');
    expect(addUnread(ui, 'logs').unread.logs).toBe(0);
  });

  it('filters logs by level and by text', () => {
    let ui = initialUi();
    expect(filterLogs(logs, ui)).toHaveLength(3);
    ui = cycleLevel(cycleLevel(ui));
    expect(levelLabel(ui.minLevel)).toBe('warn and worse');
    expect(filterLogs(logs, ui).map((l) => l.t)).toEqual([20, 30]);
    ui = { ...initialUi(), typing: true };
    for (const k of 'TOKEN') ui = typeFilter(ui, k);
    expect(filterLogs(logs, ui).map((l) => l.t)).toEqual([20]);
    ui = typeFilter(ui, 'Backspace');
    expect(ui.filter).toBe('TOKE');
    ui = typeFilter(ui, 'Enter');
    expect(ui.typing).toBe(false);
    expect(filterLogs(logs, { minLevel: 'debug', filter: 'canary' })).toHaveLength(1);
  });
});

describe('log feed cache', async () => {
  const { LogFeed } = await import('./desk-feeds.ts');
  it('appends new lines, keeps the array while nothing changes, and refilters on a new filter', () => {
    const feed = new LogFeed();
    const all = [...logs];
    const ui = initialUi();
    const a = feed.entries(all, 0, ui);
    expect(a.map((e) => e.key)).toEqual(['l0', 'l1', 'l2']);
    expect(feed.entries(all, 0, ui)).toBe(a);
    all.push({ t: 40, level: 'error', source: 'canary-pod', text: 'again' });
    expect(feed.entries(all, 0, ui).map((e) => e.key)).toEqual(['l0', 'l1', 'l2', 'l3']);
    const errorsOnly = feed.entries(all, 0, { ...ui, minLevel: 'error' });
    expect(errorsOnly.map((e) => e.key)).toEqual(['l1', 'l3']);
    // The engine dropped its oldest line: keys stay tied to the line, not the position.
    expect(feed.entries(all.slice(1), 1, { ...ui, minLevel: 'error' }).map((e) => e.key)).toEqual(['l1', 'l3']);
  });
});
