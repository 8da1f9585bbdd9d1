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
