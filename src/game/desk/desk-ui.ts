/**
 * The desk's own UI state — which side panel is open, the log filter, unread counts,
 * the runbook on screen. None of it is a game rule; it lives here, plain and tested, so
 * the scene only wires it to widgets.
 */
import type { LogEntry } from '../../sim/events.ts';

export const TABS = ['comms', 'logs', 'runbook', 'notes'] as const;
export type Tab = (typeof TABS)[number];
export const TAB_TITLES: Record<Tab, string> = { comms: 'Comms', logs: 'Logs', runbook: 'Runbook', notes: 'Findings' };

export const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface DeskUi {
  tab: Tab;
  /** Lowest log level shown. */
  minLevel: LogLevel;
  filter: string;
  /** True while keys type into the log filter instead of driving the desk. */
  typing: boolean;
  /** Which opened runbook is on screen (index into the opened list). */
  runbook: number;
  unread: Record<Tab, number>;
}

export function initialUi(): DeskUi {
  return { tab: 'comms', minLevel: 'debug', filter: '', typing: false, runbook: 0, unread: { comms: 0, logs: 0, runbook: 0, notes: 0 } };
}

/** Opens a tab and marks it read. */
export function openTab(ui: DeskUi, tab: Tab): DeskUi {
  return { ...ui, tab, unread: { ...ui.unread, [tab]: 0 } };
}

export function cycleTab(ui: DeskUi, step: 1 | -1): DeskUi {
  const i = TABS.indexOf(ui.tab);
  return openTab(ui, TABS[(i + step + TABS.length) % TABS.length] as Tab);
}

/** Counts news for a tab the player is not looking at. */
export function addUnread(ui: DeskUi, tab: Tab, n = 1): DeskUi {
  if (ui.tab === tab || n <= 0) return ui;
  return { ...ui, unread: { ...ui.unread, [tab]: ui.unread[tab] + n } };
}

/** Steps the lowest log level shown: all → info → warn → error → all. */
export function cycleLevel(ui: DeskUi): DeskUi {
  const i = LEVELS.indexOf(ui.minLevel);
  return { ...ui, minLevel: LEVELS[(i + 1) % LEVELS.length] as LogLevel };
}

/** Applies a key to the log filter while typing; returns the new state. */
export function typeFilter(ui: DeskUi, key: string): DeskUi {
  if (key === 'Enter' || key === 'Escape') return { ...ui, typing: false, filter: key === 'Escape' ? '' : ui.filter };
  if (key === 'Backspace') return { ...ui, filter: ui.filter.slice(0, -1) };
  if (key.length === 1 && ui.filter.length < 40) return { ...ui, filter: ui.filter + key };
  return ui;
}

/** Log lines that pass the level and text filter (text match ignores case, on source and message). */
export function filterLogs(logs: readonly LogEntry[], ui: Pick<DeskUi, 'minLevel' | 'filter'>): LogEntry[] {
  const matches = logMatcher(ui);
  return logs.filter(matches);
}

/** The log filter as a predicate. */
export function logMatcher(ui: Pick<DeskUi, 'minLevel' | 'filter'>): (l: LogEntry) => boolean {
  const min = LEVELS.indexOf(ui.minLevel);
  const needle = ui.filter.trim().toLowerCase();
  return (l) => LEVELS.indexOf(l.level) >= min && (!needle || l.text.toLowerCase().includes(needle) || l.source.toLowerCase().includes(needle));
}

/** How the level filter reads on screen. */
export function levelLabel(level: LogLevel): string {
  return level === 'debug' ? 'all levels' : `${level} and worse`;
}
