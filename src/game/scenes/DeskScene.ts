/**
 * The incident desk. It owns no rules: each frame it advances the sim clock, steps the
 * session's engine run, and renders `snapshotOf(run)`; keys and clicks become player events.
 */
import Phaser from 'phaser';
import type { RunEvent } from '../../sim/events.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { pagerBeep, unlockAudio } from '../audio.ts';
import { SimClock } from '../clock.ts';
import { dashboardCharts } from '../dashboard.ts';
import { commsEntries, LogFeed, noteEntries, type Coaching } from '../desk-feeds.ts';
import { briefingBody, endingBody, helpLines } from '../desk-text.ts';
import { addUnread, cycleLevel, cycleTab, initialUi, openTab, typeFilter, type DeskUi } from '../desk-ui.ts';
import { formatClock, formatDuration } from '../format.ts';
import { assignActionKeys, deskCommand, type DeskCommand } from '../keymap.ts';
import { SCENES, type PlayStart } from '../play.ts';
import { browserStore } from '../storage.ts';
import { exposeTestHook } from '../test-hook.ts';
import { Session, type Speed } from '../session.ts';
import { css, SIZE, text } from '../theme.ts';
import { ActionPalette } from '../widgets/action-palette.ts';
import { AlertList } from '../widgets/alert-list.ts';
import { BudgetGauge } from '../widgets/budget-gauge.ts';
import { Chart } from '../widgets/chart.ts';
import { CoachCard } from '../widgets/coach.ts';
import type { FeedEntry } from '../widgets/feed.ts';
import { Modal, type ModalContent } from '../widgets/modal.ts';
import { Pager } from '../widgets/pager.ts';
import { panel } from '../widgets/panel.ts';
import { SidePanel } from '../widgets/side-panel.ts';
import { TopBar } from '../widgets/top-bar.ts';

/** Sim minutes the charts show. */
const CHART_WINDOW = 30 * 60;
/** Real seconds between repeat beeps of an unacknowledged page. */
const REBEEP_MS = 8000;

type ModalKind = 'briefing' | 'help' | 'prompt' | 'ending';

export class DeskScene extends Phaser.Scene {
  private start!: PlayStart;
  private session!: Session;
  private clock!: SimClock;
  private ui: DeskUi = initialUi();
  private keys = new Map<string, string>();
  private actionByKey = new Map<string, string>();
  private topBar!: TopBar;
  private pager!: Pager;
  private budget!: BudgetGauge;
  private alerts!: AlertList;
  private palette!: ActionPalette;
  private side!: SidePanel;
  private coach!: CoachCard;
  private charts: Array<{ chart: Chart; keys: string[] }> = [];
  private modal: { kind: ModalKind; modal: Modal; id?: string } | null = null;
  private coaching: Coaching[] = [];
  private eventCursor = 0;
  private seenLogs = 0;
  private drawnVersion = -1;
  private drawnTicks = -1;
  private uiDirty = true;
  private lastBeep = 0;
  private readonly pending = new Set<'palette' | 'charts' | 'side'>();
  private logFeed = new LogFeed();
  private feedCache: { comms: FeedEntry[]; notes: FeedEntry[]; notesCount: number } = { comms: [], notes: [], notesCount: -1 };

  constructor() {
    super(SCENES.desk);
  }

  init(data: PlayStart): void {
    this.start = data;
    this.ui = initialUi();
    this.modal = null;
    this.coaching = [];
    this.charts = [];
    this.drawnVersion = -1;
    this.drawnTicks = -1;
    this.pending.clear();
    this.logFeed = new LogFeed();
    this.feedCache = { comms: [], notes: [], notesCount: -1 };
  }

  create(): void {
    const { playable, seed, mode, speed, resume } = this.start;
    const config = { scenario: playable.scenario, runbooks: playable.runbooks, seed, mode, speed, saveable: playable.saveable };
    this.session = resume ? Session.resume(config, resume, browserStore()) : new Session(config, browserStore());
    if (!resume) this.session.save();
    this.clock = new SimClock(speed);
    this.clock.paused = true;
    const s = playable.scenario;
    this.keys = assignActionKeys(s.actions.map((a) => ({ id: a.id, label: a.label, key: a.key ?? null })));
    this.actionByKey = new Map([...this.keys].map(([id, k]) => [k, id]));
    // Everything before this moment is history: a resumed run does not re-beep old pages.
    this.eventCursor = this.session.run.events.length;
    this.seenLogs = this.session.run.logs.length + this.session.run.droppedLogs;

    this.cameras.main.setBackgroundColor(css.bg);
    this.topBar = new TopBar(this, { title: s.title, service: s.service.name, team: s.service.team, mode }, () => this.togglePause(), (v) => this.setSpeed(v as Speed));
    this.pager = new Pager(this, 8, 56, 276, 146, () => this.ack());
    this.budget = new BudgetGauge(this, 8, 210, 276, 166);
    this.alerts = new AlertList(this, 8, 384, 276, 192);
    this.keysCard(8, 584, 276, 128);
    this.buildCharts();
    this.palette = new ActionPalette(this, 292, 372, 980, 340, s.actions, this.keys, (id) => this.act(id));
    this.side = new SidePanel(this, 880, 56, 392, 308, (tab) => this.setUi(openTab(this.ui, tab)));
    this.coach = new CoachCard(this, 300, 358, 564);

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,PAGE_UP,PAGE_DOWN,BACKSPACE,FORWARD_SLASH,BACK_SLASH');
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));
    this.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => this.side.scroll(this.ui.tab, dy > 0 ? 3 : -3));
    exposeTestHook({
      screen: 'desk',
      mode,
      seed,
      scenario: s.id,
      keys: Object.fromEntries(this.keys),
      snapshot: () => this.session.snapshot(),
      choices: () => [...this.session.choices],
      modal: () => this.modal?.kind ?? null,
      coach: () => (this.coach.visible ? this.coaching.at(-1)?.hint ?? null : null),
      coachingShown: () => this.coaching.length,
      tab: () => this.ui.tab,
      paused: () => this.clock.paused,
    });
    const leaving = () => this.session.save();
    window.addEventListener('pagehide', leaving);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener('pagehide', leaving);
      for (const c of this.charts) c.chart.destroy();
    });

    this.render();
    if (resume) {
      this.openModal('briefing', {
        kicker: 'Run restored',
        title: s.title,
        body: `Your run was restored at ${formatClock(this.session.run.t)}: every choice you made has been replayed on the same seed. The clock is paused until you continue.`,
        choices: [{ label: 'Continue the shift', key: 'Enter', onPick: () => this.closeBriefing(), tone: 'primary' }],
      });
    } else {
      this.openModal('briefing', {
        kicker: `Shift briefing · ${mode}`,
        title: s.title,
        body: briefingBody(s, mode),
        choices: [{ label: 'Start the shift (the clock starts)', key: 'Enter', onPick: () => this.closeBriefing(), tone: 'primary' }],
        width: 720,
      });
    }
  }

  override update(_time: number, delta: number): void {
    const ticks = this.session.run.ended ? 0 : this.clock.advance(delta);
    for (let i = 0; i < ticks && !this.session.run.ended; i++) this.session.step();
    if (this.session.run.version !== this.drawnVersion || this.uiDirty) this.render();
    else this.renderPending();
    if (this.pager.isRinging && !this.clock.paused && this.time.now - this.lastBeep > REBEEP_MS) {
      this.lastBeep = this.time.now;
      pagerBeep(false);
    }
  }

  // ----- player events -----

  private ack(): void {
    if (this.session.snapshot().pager.length === 0) return;
    this.session.ack();
  }

  private act(id: string): void {
    const snap = this.session.snapshot();
    const action = snap.actions.find((a) => a.id === id);
    if (!action || !action.available || snap.ended) return;
    this.session.act(id);
    this.afterChoice(action.label, { at: this.session.run.t, do: id });
  }

  private choose(index: number): void {
    const prompt = this.session.snapshot().prompts[0];
    const option = prompt?.options[index];
    if (!prompt || !option) return;
    this.session.choose(prompt.id, option.id);
    this.afterChoice(option.label, { at: this.session.run.t, choose: `${prompt.id}.${option.id}` });
  }

  /** Practice mode coaches after each choice; assessed mode keeps it all for the debrief. */
  private afterChoice(label: string, choice: { at: number; do?: string; choose?: string }): void {
    if (this.start.mode !== 'practice') return;
    const hint = this.session.hintFor(choice);
    if (!hint) return;
    this.coaching.push({ t: choice.at, about: label, hint });
    this.coach.show(label, hint);
    this.ui = addUnread(this.ui, 'notes');
    this.uiDirty = true;
  }

  private togglePause(): void {
    if (this.modal?.kind === 'briefing' || this.session.run.ended) return;
    // A pause is where a player may close the tab: save the clock exactly here.
    if (this.clock.togglePause()) this.session.save();
    this.uiDirty = true;
  }

  private setSpeed(speed: Speed): void {
    this.clock.setSpeed(speed);
    this.session.setSpeed(speed);
    this.uiDirty = true;
  }

  private setUi(ui: DeskUi): void {
    this.ui = ui;
    this.uiDirty = true;
  }

  // ----- keyboard -----

  private onKey(e: KeyboardEvent): void {
    unlockAudio();
    if (e.repeat && e.key !== 'PageDown' && e.key !== 'PageUp') return;
    if (this.ui.typing) {
      this.setUi(typeFilter(this.ui, e.key));
      return;
    }
    const modal = this.modal;
    if (modal && modal.kind !== 'prompt') {
      if (e.key === 'Enter' || e.key === ' ') modal.modal.pressFocused();
      else if (e.key === 'ArrowDown' || e.key === 'Tab') modal.modal.moveFocus(1);
      else if (e.key === 'ArrowUp') modal.modal.moveFocus(-1);
      else if (e.key === 'Escape' && modal.kind === 'help') this.closeModal();
      else if (/^[1-9]$/.test(e.key)) modal.modal.press(Number(e.key) - 1);
      return;
    }
    const snap = this.session.snapshot();
    const promptOptions = snap.prompts[0]?.options.length ?? 0;
    if (modal?.kind === 'prompt') {
      if (e.key === 'Enter') return modal.modal.pressFocused();
      if (e.key === 'ArrowDown' || e.key === 'Tab') return modal.modal.moveFocus(1);
      if (e.key === 'ArrowUp') return modal.modal.moveFocus(-1);
    }
    const cmd = deskCommand(e, { promptOptions, actionByKey: this.actionByKey, shift: e.shiftKey });
    if (cmd) this.run(cmd);
  }

  private run(cmd: DeskCommand): void {
    switch (cmd.type) {
      case 'ack':
        return this.ack();
      case 'pause':
        return this.togglePause();
      case 'speed':
        return this.setSpeed(cmd.speed as Speed);
      case 'act':
        return this.act(cmd.action);
      case 'choose':
        return this.choose(cmd.index);
      case 'tab':
        return this.setUi(cycleTab(this.ui, cmd.step));
      case 'scroll':
        return this.side.scroll(this.ui.tab, cmd.lines);
      case 'filter':
        return this.setUi({ ...openTab(this.ui, 'logs'), typing: true });
      case 'level':
        return this.setUi(cycleLevel(openTab(this.ui, 'logs')));
      case 'help':
        return this.openModal('help', {
          kicker: 'Keys',
          title: 'Everything works from the keyboard',
          body: helpLines(this.session.snapshot().actions.filter((a) => a.available).map((a) => ({ label: a.label, key: this.keys.get(a.id) }))),
          choices: [{ label: 'Close', key: 'Esc', onPick: () => this.closeModal() }],
          width: 1040,
        });
      case 'close':
        if (this.coach.visible) this.coach.hide();
        return;
    }
  }

  // ----- modals -----

  private openModal(kind: ModalKind, content: ModalContent, id?: string): void {
    this.modal?.modal.destroy();
    this.modal = { kind, modal: new Modal(this, content), ...(id ? { id } : {}) };
  }

  private closeModal(): void {
    this.modal?.modal.destroy();
    this.modal = null;
    this.uiDirty = true;
  }

  private closeBriefing(): void {
    this.closeModal();
    this.clock.paused = false;
  }

  private syncPromptModal(snap: RunSnapshot): void {
    const prompt = snap.prompts[0];
    if (this.modal?.kind === 'prompt' && this.modal.id !== prompt?.id) this.closeModal();
    if (!prompt || this.modal) {
      if (prompt && this.modal?.kind === 'prompt') this.modal.modal.setFooter(this.deadline(snap));
      return;
    }
    const who = prompt.from ? this.session.scenario.stakeholders.find((p) => p.id === prompt.from) : undefined;
    this.openModal(
      'prompt',
      {
        kicker: who ? `Decision · asked by ${who.name}, ${who.role}` : 'Decision',
        kickerColour: 'warning',
        title: prompt.question,
        body: '',
        choices: prompt.options.map((o, i) => ({ label: o.label, key: String(i + 1), onPick: () => this.choose(i) })),
        footer: this.deadline(snap),
        light: true,
        // Over the charts and side panel: the pager, budget and palette stay in view.
        width: 980,
        at: { x: 292, y: 56 },
      },
      prompt.id,
    );
  }

  private deadline(snap: RunSnapshot): string {
    const p = snap.prompts[0];
    const clock = this.clock.paused ? 'Clock paused.' : 'The clock runs on (Space pauses); you can still act.';
    if (!p || p.deadline === null) return `Press a number to answer. ${clock}`;
    return `Answer within ${formatDuration(Math.max(0, p.deadline - snap.t))} or the default is taken. ${clock}`;
  }

  // ----- rendering -----

  /**
   * Draws the snapshot. What a player must see at once (clock, pager, budget, alerts,
   * decisions) is drawn the same frame; the heavier parts (palette, charts, side panel)
   * are queued and drawn one per frame, so a tick at 10× never makes one long frame.
   */
  private render(): void {
    const snap = this.session.snapshot();
    if (this.session.run.version !== this.drawnVersion) {
      this.drawnVersion = this.session.run.version;
      this.consumeEvents(snap);
      for (const part of ['palette', 'charts', 'side'] as const) this.pending.add(part);
    }
    if (this.uiDirty) this.pending.add('side');
    this.uiDirty = false;
    this.topBar.update(snap.t, snap.timeLimit, this.clock.speed, this.clock.paused, snap.severity);
    this.pager.update(snap.pager, snap.alerts);
    this.alerts.update(snap.alerts);
    this.budget.update(snap.budget);
    if (!snap.ended) this.syncPromptModal(snap);
    else if (this.modal?.kind !== 'ending') this.showEnding(snap);
  }

  /** Draws one queued part of the desk, if any. */
  private renderPending(): void {
    const part = this.pending.values().next().value;
    if (!part) return;
    this.pending.delete(part);
    const snap = this.session.snapshot();
    if (part === 'palette') this.palette.update(snap);
    else if (part === 'charts') this.drawCharts(snap);
    else this.drawSide(snap);
  }

  private drawSide(snap: RunSnapshot): void {
    if (snap.messages.length !== this.feedCache.comms.length) this.feedCache.comms = commsEntries(snap);
    const notes = snap.results.length + snap.facts.length + this.coaching.length;
    if (notes !== this.feedCache.notesCount) {
      this.feedCache.notes = noteEntries(snap, this.coaching);
      this.feedCache.notesCount = notes;
    }
    this.side.setFeeds(this.feedCache.comms, this.logFeed.entries(snap.logs, this.session.run.droppedLogs, this.ui), this.feedCache.notes);
    const opened = snap.openedRunbooks.map((id) => ({
      title: this.session.scenario.runbooks.find((r) => r.id === id)?.title ?? id,
      markdown: this.start.playable.runbooks.get(id) ?? `# ${id}\n\nThis runbook's file could not be read.`,
    }));
    this.side.render(this.ui, opened);
  }

  /** Reacts to what happened since the last frame: beeps, unread counts, opened runbooks. */
  private consumeEvents(snap: RunSnapshot): void {
    const events = this.session.run.events;
    let ui = this.ui;
    for (; this.eventCursor < events.length; this.eventCursor++) {
      const e = events[this.eventCursor] as RunEvent;
      if (e.type === 'page') {
        pagerBeep(true);
        this.lastBeep = this.time.now;
      } else if (e.type === 'message') ui = addUnread(ui, 'comms');
      else if (e.type === 'action.done' && e.result) ui = addUnread(ui, 'notes');
      else if (e.type === 'reveal') ui = addUnread(ui, 'notes');
      else if (e.type === 'runbook') {
        // The player asked for this runbook: show it.
        ui = { ...openTab(ui, 'runbook'), runbook: Math.max(0, snap.openedRunbooks.indexOf(e.runbook)) };
      } else if (e.type === 'action.done') {
        const a = snap.actions.find((x) => x.id === e.action);
        if (a?.kind === 'communicate') ui = addUnread(ui, 'comms');
      }
    }
    const total = this.session.run.logs.length + this.session.run.droppedLogs;
    if (total > this.seenLogs) {
      ui = addUnread(ui, 'logs', total - this.seenLogs);
      this.seenLogs = total;
    }
    this.ui = ui;
  }

  private showEnding(snap: RunSnapshot): void {
    const e = snap.ended;
    if (!e) return;
    this.coach.hide();
    this.openModal('ending', {
      kicker: `Incident over · ${e.outcome}`,
      kickerColour: e.outcome === 'resolved' ? 'ok' : 'critical',
      title: e.title,
      body: endingBody(snap),
      choices: [{ label: 'See your debrief', key: 'Enter', onPick: () => this.toDebrief(), tone: 'primary' }],
    });
  }

  private toDebrief(): void {
    this.closeModal();
    this.scene.start(SCENES.debrief, { playable: this.start.playable, session: this.session, mode: this.start.mode });
  }

  private buildCharts(): void {
    const specs = dashboardCharts(this.session.scenario).slice(0, 4);
    const w = 286;
    const h = 150;
    specs.forEach((spec, i) => {
      const x = 292 + (i % 2) * (w + 8);
      const y = 56 + Math.floor(i / 2) * (h + 8);
      const chart = new Chart(this, x, y, w, h, { ...spec, windowSeconds: CHART_WINDOW });
      this.charts.push({ chart, keys: spec.series.map((s) => s.key) });
    });
  }

  private drawCharts(snap: RunSnapshot): void {
    const rec = this.session.run.recorder;
    if (rec.length === this.drawnTicks) return;
    this.drawnTicks = rec.length;
    const time = rec.timeView();
    for (const { chart, keys } of this.charts) chart.update({ time, series: keys.map((k) => rec.view(k)), markers: snap.markers, now: snap.t });
  }

  private keysCard(x: number, y: number, w: number, h: number): void {
    const p = panel(this, x, y, w, h, 'Keys');
    const lines = ['A  acknowledge page', 'Space  pause · 1–4  speed', 'Tab  side panel · PgUp/PgDn', '/  filter logs · ?  all keys'];
    this.add.text(x + 12, p.top - 2, lines.join('\n'), text(SIZE.small, 'dim', { lineSpacing: 5 }));
  }
}
