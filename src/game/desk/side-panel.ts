/**
 * The right-hand panel: tabs for communications, logs, the runbook and findings, with
 * unread counts so news is noticed without the panel jumping about.
 */
import type Phaser from 'phaser';
import { TAB_TITLES, TABS, levelLabel, type DeskUi, type Tab } from './desk-ui.ts';
import { num, SIZE, text } from '../ui/theme.ts';
import { Button } from '../ui/button.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { commsEntries, LogFeed, noteEntries, type Coaching } from './desk-feeds.ts';
import { FeedView, type FeedEntry } from './feed.ts';
import { RunbookView } from './runbook-view.ts';
import { fitText, setText } from '../ui/text-util.ts';

export class SidePanel {
  private readonly tabs: Button[];
  readonly comms: FeedView;
  readonly logs: FeedView;
  readonly notes: FeedView;
  readonly runbook: RunbookView;
  private readonly logBar: Phaser.GameObjects.Text;
  private readonly runbookBar: Phaser.GameObjects.Text;
  private readonly runbookEmpty: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, x: number, y: number, w: number, h: number, onTab: (tab: Tab) => void) {
    scene.add.rectangle(x, y, w, h, num.panel).setOrigin(0).setStrokeStyle(1, num.border);
    const tw = (w - 8) / TABS.length;
    this.tabs = TABS.map((tab, i) => new Button(scene, x + 4 + i * tw, y + 4, tw - 4, 32, TAB_TITLES[tab], () => onTab(tab), { size: SIZE.small, align: 'center', tone: 'quiet' }));
    const top = y + 46;
    const cx = x + 14;
    const cw = w - 28;
    const bottom = y + h - 10;
    this.comms = new FeedView(scene, cx, top, cw, bottom - top, { empty: 'No messages yet. Stakeholders write here; your status updates appear here too.' });
    this.logBar = scene.add.text(cx, top, '', text(SIZE.small, 'dim'));
    this.logs = new FeedView(scene, cx, top + 28, cw, bottom - top - 28, { inlineHead: 74, monospace: true, gap: 3, empty: 'No log lines match.' });
    this.runbookBar = scene.add.text(cx, top, '', text(SIZE.small, 'dim'));
    this.runbook = new RunbookView(scene, cx, top + 28, cw, bottom - top - 28);
    this.runbookEmpty = scene.add.text(cx, top + 28, 'No runbook open yet.\n\nRunbooks open when you take an action that uses one (for example the investigate action that opens the alert\'s runbook).', text(SIZE.body, 'faint', { wordWrap: { width: cw } }));
    this.notes = new FeedView(scene, cx, top, cw, bottom - top, { empty: 'Nothing found yet. What your actions turn up — command output, facts — collects here.' });
    this.runbookWidth = cw;
  }

  private readonly runbookWidth: number;
  private readonly logFeed = new LogFeed();
  private cache: { comms: FeedEntry[]; notes: FeedEntry[]; notesCount: number } = { comms: [], notes: [], notesCount: -1 };

  /** Shows the open tab and its controls; called when the UI state or the data changes. */
  render(ui: DeskUi, opened: ReadonlyArray<{ title: string; markdown: string }>): void {
    TABS.forEach((tab, i) => {
      const unread = ui.unread[tab];
      this.tabs[i]?.setText(unread > 0 ? `${TAB_TITLES[tab]} (${unread})` : TAB_TITLES[tab]).setSelected(ui.tab === tab);
    });
    this.comms.setVisible(ui.tab === 'comms');
    this.notes.setVisible(ui.tab === 'notes');
    this.logs.setVisible(ui.tab === 'logs');
    this.logBar.setVisible(ui.tab === 'logs');
    const filter = ui.typing ? `${ui.filter}▌` : ui.filter || '(none)';
    setText(this.logBar, `Showing ${levelLabel(ui.minLevel)} [\\] · text: ${filter} [/]`);
    this.logBar.setColor(ui.typing ? '#ffd75e' : '#93a1b3');
    const showRunbook = ui.tab === 'runbook';
    const current = opened[Math.min(ui.runbook, opened.length - 1)];
    this.runbookEmpty.setVisible(showRunbook && !current);
    this.runbookBar.setVisible(showRunbook && !!current);
    if (current) {
      const which = opened.length > 1 ? ` (${Math.min(ui.runbook, opened.length - 1) + 1} of ${opened.length}, ←/→)` : '';
      fitText(this.runbookBar, `${current.title}${which}`, this.runbookWidth);
      this.runbook.show(current.markdown);
    }
    this.runbook.setVisible(showRunbook && !!current);
  }

  /**
   * Feeds the tabs from a snapshot. Entries are rebuilt only when their source grew, so an
   * unchanged feed keeps its array and its widget skips layout.
   */
  show(snap: RunSnapshot, ui: DeskUi, coaching: readonly Coaching[], droppedLogs: number, runbook: (id: string) => { title: string; markdown: string }): void {
    if (snap.messages.length !== this.cache.comms.length) this.cache.comms = commsEntries(snap);
    const notes = snap.results.length + snap.facts.length + coaching.length;
    if (notes !== this.cache.notesCount) {
      this.cache.notes = noteEntries(snap, coaching);
      this.cache.notesCount = notes;
    }
    this.comms.setEntries(this.cache.comms);
    this.logs.setEntries(this.logFeed.entries(snap.logs, droppedLogs, ui));
    this.notes.setEntries(this.cache.notes);
    this.render(ui, snap.openedRunbooks.map(runbook));
  }

  scroll(tab: Tab, lines: number): void {
    // Feeds scroll by entries (a message is several lines), the runbook by lines.
    const entries = Math.sign(lines) * Math.max(1, Math.round(Math.abs(lines) / 4));
    if (tab === 'comms') this.comms.scrollBy(entries);
    else if (tab === 'logs') this.logs.scrollBy(lines);
    else if (tab === 'notes') this.notes.scrollBy(entries);
    else this.runbook.scrollBy(lines);
  }
}
