/**
 * The team desk's widgets — single play's pager, budget, alerts, charts, side panel and
 * palette, with the team top bar, the seat card and the who-did-what strip — laid out
 * for a player or for the projector, and drawn from the mirror's snapshot.
 */
import type Phaser from 'phaser';
import type { Playable } from '../boot/play.ts';
import type { LinkState } from '../browser/room-client.ts';
import { ActionPalette } from '../desk/action-palette.ts';
import { AlertList } from '../desk/alert-list.ts';
import { BudgetGauge } from '../desk/budget-gauge.ts';
import { Dashboard } from '../desk/dashboard-view.ts';
import type { DeskUi, Tab } from '../desk/desk-ui.ts';
import { Pager } from '../desk/pager.ts';
import { SidePanel } from '../desk/side-panel.ts';
import { SEAT_NAMES } from '../../sim/team-roles.ts';
import type { TeamMirror } from './mirror.ts';
import { seatCard } from './seat-card.ts';
import { playerFeed, signedMessages, type TeamLine } from './team-text.ts';
import { TeamStrip } from './team-strip.ts';
import { TeamTopBar } from './team-top-bar.ts';

export interface TeamDeskHandlers {
  ack: () => void;
  act: (id: string) => void;
  tab: (tab: Tab) => void;
}

export class TeamDeskView {
  private readonly topBar: TeamTopBar;
  private readonly pager: Pager;
  private readonly budget: BudgetGauge;
  private readonly alerts: AlertList;
  private readonly dashboard: Dashboard;
  private readonly side: SidePanel;
  private readonly strip: TeamStrip;
  private readonly palette: ActionPalette | null;
  private lines: TeamLine[] = [];
  private feedKey = '';

  constructor(
    scene: Phaser.Scene,
    private readonly mirror: TeamMirror,
    private readonly playable: Playable,
    keys: ReadonlyMap<string, string>,
    private readonly projector: boolean,
    on: TeamDeskHandlers,
  ) {
    const s = playable.scenario;
    const you = mirror.you;
    this.topBar = new TeamTopBar(scene, { code: mirror.welcome.code, title: s.title, who: projector ? 'Projector · read-only' : `${you.name} · ${SEAT_NAMES[you.seat]}` });
    this.pager = new Pager(scene, 8, 56, 276, 146, on.ack);
    this.budget = new BudgetGauge(scene, 8, 210, 276, 166);
    this.alerts = new AlertList(scene, 8, 384, 276, 192);
    this.dashboard = new Dashboard(scene, s, 292, 56, 580, 308);
    this.side = new SidePanel(scene, 880, 56, 392, 308, on.tab);
    seatCard(scene, 8, 584, 276, 128, projector ? 'projector' : you.seat);
    if (projector) {
      // The room's screen has no palette: the team's feed takes the space, in larger type.
      this.palette = null;
      this.strip = new TeamStrip(scene, 292, 372, 980, 340, { large: true, title: 'The team · who did what' });
    } else {
      this.palette = new ActionPalette(scene, 292, 372, 580, 340, s.actions, keys, on.act);
      this.strip = new TeamStrip(scene, 880, 372, 392, 340);
    }
  }

  /** Draws the snapshot; the heavier parts only when the run itself changed. */
  draw(ui: DeskUi, link: LinkState, mine: ReadonlySet<string>, note: string, runChanged: boolean): void {
    const mirror = this.mirror;
    const snap = mirror.snapshot();
    // Names come with the roster, which may arrive just after the entry that seated someone.
    const feedKey = `${mirror.log.length}|${mirror.roster.map((m) => m.name).join(',')}`;
    if (feedKey !== this.feedKey) {
      this.feedKey = feedKey;
      this.lines = playerFeed(mirror.log, mirror.scenario, (id) => mirror.nameOf(id));
    }
    this.topBar.update(mirror.clock, snap.timeLimit, link, snap.severity);
    this.pager.update(snap.pager, snap.alerts);
    this.alerts.update(snap.alerts);
    this.budget.update(snap.budget);
    if (runChanged) {
      this.palette?.update({ ...snap, actions: snap.actions.filter((a) => mine.has(a.id)) });
      this.dashboard.update(mirror.run.recorder, snap);
      this.showSide(ui);
    }
    this.strip.update(mirror.roster, this.lines, note);
  }

  showSide(ui: DeskUi): void {
    const m = this.mirror;
    const snap = m.snapshot();
    const me = this.projector ? null : m.you.id;
    const who = (id: string) => {
      const member = m.roster.find((x) => x.id === id);
      return member ? { name: member.name, seat: member.seat } : null;
    };
    const messages = signedMessages(snap.messages, m.run.events, m.scenario, who, me);
    this.side.show({ ...snap, messages }, ui, [], m.run.droppedLogs, (id) => this.runbook(id));
  }

  scrollSide(tab: Tab, lines: number): void {
    this.side.scroll(tab, lines);
  }

  scrollStrip(entries: number): void {
    this.strip.scroll(entries);
  }

  destroy(): void {
    this.dashboard.destroy();
  }

  private runbook(id: string): { title: string; markdown: string } {
    return {
      title: this.playable.scenario.runbooks.find((r) => r.id === id)?.title ?? id,
      markdown: this.playable.runbooks.get(id) ?? `# ${id}\n\nThis runbook's file could not be read.`,
    };
  }
}
