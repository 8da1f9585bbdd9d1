/**
 * The incident desk. It owns no rules: each frame it advances the sim clock, steps the
 * session's engine run, and renders `snapshotOf(run)`; keys and clicks become player events.
 */
import Phaser from 'phaser';
import type { StatusUpdateContent } from '../../scenario/schema/index.ts';
import type { RunEvent } from '../../sim/events.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { pagerBeep, unlockAudio } from '../browser/audio.ts';
import { DECISION_SPEED, SimClock } from './clock.ts';
import type { Coaching } from './desk-feeds.ts';
import { briefingBody, endingBody } from './desk-text.ts';
import { addUnread, cycleLevel, cycleTab, initialUi, openTab, typeFilter, type DeskUi } from './desk-ui.ts';
import { formatClock, formatDuration } from '../ui/format.ts';
import { assignActionKeys, deskCommand, type DeskCommand } from '../ui/keymap.ts';
import { listenKeys } from '../ui/key-input.ts';
import { clearSave } from '../run/save.ts';
import type { PickerStart } from '../boot/play.ts';
import { SCENES, type PlayStart } from '../boot/play.ts';
import { browserStore } from '../browser/storage.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { framePaced } from '../browser/render-on-demand.ts';
import { Session, type Speed } from '../run/session.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { ActionPalette } from './action-palette.ts';
import { AlertList } from './alert-list.ts';
import { BudgetGauge } from './budget-gauge.ts';
import { Dashboard } from './dashboard-view.ts';
import { DECISION_DOCK, DeskModals } from './desk-modals.ts';
import { PauseMenu } from './pause-menu.ts';
import { CoachCard } from './coach.ts';
import { Pager } from './pager.ts';
import { keysCard } from '../ui/panel.ts';
import { SidePanel } from './side-panel.ts';
import { StatusComposer } from './status-composer.ts';
import { TopBar } from './top-bar.ts';
import { installReferenceRecorder } from './record-reference.ts';

/** Real seconds between repeat beeps of an unacknowledged page. */
const REBEEP_MS = 8000;


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
  private dashboard!: Dashboard;
  private modals!: DeskModals;
  private composer!: StatusComposer;
  private coaching: Coaching[] = [];
  private eventCursor = 0;
  private seenLogs = 0;
  private drawnVersion = -1;
  private uiDirty = true;
  private lastBeep = 0;
  private readonly pending = new Set<'palette' | 'charts' | 'side'>();
  private menu!: PauseMenu;

  constructor() {
    super(SCENES.desk);
  }

  init(data: PlayStart): void {
    this.start = data;
    this.ui = initialUi();
    this.coaching = [];
    this.drawnVersion = -1;
    this.pending.clear();
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
    this.alerts = new AlertList(this, 8, 384, 276, 192, (alert) => this.openAlertRunbook(alert.runbook as string));
    keysCard(this, 8, 584, 276, 128);
    this.dashboard = new Dashboard(this, s, 292, 56, 580, 400, () => this.pending.add('charts'));
    this.modals = new DeskModals(this);
    this.menu = new PauseMenu(this.modals, this.clock, {
      now: () => this.session.run.t,
      offered: () => this.session.snapshot().actions.filter((a) => a.available).map((a) => ({ label: a.label, key: this.keys.get(a.id) })),
      save: () => this.session.save(),
      restart: () => this.restart(),
      leave: () => this.toPicker(),
      changed: () => {
        this.uiDirty = true;
      },
    });
    this.composer = new StatusComposer(this, (id, update) => this.act(id, update));
    this.palette = new ActionPalette(this, 292, 464, 980, 248, s.actions, this.keys, (id) => this.act(id));
    this.side = new SidePanel(this, 880, 56, 392, 400, (tab) => this.setUi(openTab(this.ui, tab)));
    this.coach = new CoachCard(this, 300, 450, 564);

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,PAGE_UP,PAGE_DOWN,BACKSPACE,FORWARD_SLASH,BACK_SLASH');
    // Held PgUp/PgDn scroll on; any other held key counts once.
    listenKeys(this, (e) => this.onKey(e), { repeats: (e) => e.key === 'PageDown' || e.key === 'PageUp' || (this.ui.typing && e.key === 'Backspace') });
    installReferenceRecorder(this, () => this.session);
    this.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => this.side.scroll(this.ui.tab, dy > 0 ? 3 : -3));
    exposeTestHook({
      screen: 'desk',
      mode,
      seed,
      scenario: s.id,
      keys: Object.fromEntries(this.keys),
      snapshot: () => this.session.snapshot(),
      choices: () => [...this.session.choices],
      modal: () => (this.composer.open ? 'status-update' : this.modals.kind),
      coach: () => (this.coach.visible ? this.coaching.at(-1)?.hint ?? null : null),
      coachingShown: () => this.coaching.length,
      tab: () => this.ui.tab,
      filter: () => this.ui.filter,
      typing: () => this.ui.typing,
      paused: () => this.clock.paused,
      speed: () => this.clock.speed,
      effectiveSpeed: () => this.clock.effectiveSpeed,
      marked: () => this.modals.marked,
      dashboard: () => this.dashboard.shown,
      // The last recorded value of the service totals and of each cohort: what the charts' big numbers should read.
      recorded: () => {
        const r = this.session.run.recorder;
        const last = (key: string) => r.view(key).at(-1) ?? null;
        return Object.fromEntries(r.keys.filter((k) => !k.startsWith('signal.')).map((k) => [k, last(k)]));
      },
      palette: () => this.palette.shown,
      decision: () => this.modals.shown,
    });
    const leaving = () => this.session.save();
    window.addEventListener('pagehide', leaving);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener('pagehide', leaving);
      this.dashboard.destroy();
    });

    this.render();
    if (resume) {
      this.modals.open('briefing', {
        kicker: 'Run restored',
        title: s.title,
        body: `Your run was restored at ${formatClock(this.session.run.t)}: every choice you made has been replayed on the same seed. The clock is paused until you continue.`,
        choices: [{ label: 'Continue the shift', key: 'Enter', onPick: () => this.closeBriefing(), tone: 'primary' }],
      });
    } else {
      this.modals.open('briefing', {
        kicker: `Shift briefing · ${mode}`,
        title: s.title,
        body: briefingBody(s, mode),
        choices: [{ label: 'Start the shift (the clock starts)', key: 'Enter', onPick: () => this.closeBriefing(), tone: 'primary' }],
        width: 720,
      });
    }
  }

  override update(_time: number, delta: number): void {
    // Writing an update holds the clock: its action's cost already stands for the time it takes.
    const ticks = this.session.run.ended || this.composer.open ? 0 : this.clock.advance(delta);
    for (let i = 0; i < ticks && !this.session.run.ended; i++) this.session.step();
    // On animation frames the heavy parts are drawn one per step after the tick. Stepped by
    // a timer (nothing animating, no input in flight), a long step drops no frame: the whole
    // tick is drawn at once, in one frame instead of four.
    const paced = framePaced(this.game);
    if (this.session.run.version !== this.drawnVersion || this.uiDirty) this.render();
    else if (paced) this.renderPending();
    if (!paced) while (this.pending.size > 0) this.renderPending();
    this.pager.hold(this.clock.paused || this.composer.open);
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

  private act(id: string, update?: StatusUpdateContent): void {
    const snap = this.session.snapshot();
    const action = snap.actions.find((a) => a.id === id);
    // Running or already waiting in the queue: a second press is the same wish, not a new choice.
    if (!action || !action.available || action.queued || snap.busy?.action === id || snap.ended) return;
    // A status update is written before it is sent: the composer collects what it says.
    if (!update && this.session.run.scenario.actions.find((a) => a.id === id)?.statusUpdate) return this.composer.show(id, action.label);
    this.session.act(id, update);
    this.afterChoice(action.label, { at: this.session.run.t, do: id });
  }

  /**
   * Clicking an alert opens its runbook: shown at once if already read, otherwise by the
   * action that reads it (reading takes sim time, so it is a choice like any other).
   */
  private openAlertRunbook(runbook: string): void {
    const snap = this.session.snapshot();
    const opened = snap.openedRunbooks.indexOf(runbook);
    if (opened >= 0) return this.setUi({ ...openTab(this.ui, 'runbook'), runbook: opened });
    const reader = this.session.scenario.actions.find((a) => a.runbook === runbook && snap.actions.some((v) => v.id === a.id && v.available));
    if (reader) this.act(reader.id);
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
    // Under an open decision the card could not be seen: the hint waits in Findings.
    if (this.modals.kind !== 'prompt') this.coach.show(label, hint);
    this.ui = addUnread(this.ui, 'notes');
    this.uiDirty = true;
  }

  private togglePause(): void {
    if (this.modals.kind === 'briefing' || this.modals.kind === 'menu' || this.modals.kind === 'help' || this.session.run.ended) return;
    // A pause is where a player may close the tab: save the clock exactly here.
    if (this.clock.togglePause()) this.session.save();
    this.uiDirty = true;
  }

  private setSpeed(speed: Speed): void {
    this.clock.setSpeed(speed);
    this.session.setSpeed(speed);
    this.uiDirty = true;
  }

  private stepSpeed(direction: 1 | -1): void {
    this.setSpeed(this.clock.step(direction) as Speed);
  }

  private setUi(ui: DeskUi): void {
    this.ui = ui;
    this.uiDirty = true;
  }

  // ----- keyboard -----

  private onKey(e: KeyboardEvent): void {
    unlockAudio();
    if (e.repeat && e.key !== 'PageDown' && e.key !== 'PageUp') return;
    if (this.composer.key(e)) return;
    if (this.ui.typing) {
      this.setUi(typeFilter(this.ui, e.key));
      return;
    }
    if (this.modals.blockingKey(e) || this.modals.promptKey(e)) {
      this.uiDirty = true;
      return;
    }
    const promptOptions = this.session.snapshot().prompts[0]?.options.length ?? 0;
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
        return this.stepSpeed(cmd.step);
      case 'act':
        return this.act(cmd.action);
      case 'select':
        this.modals.markAnswer(cmd.index);
        return;
      case 'confirm':
        this.modals.confirmAnswer();
        return;
      case 'tab':
        return this.setUi(cycleTab(this.ui, cmd.step));
      case 'scroll':
        return this.side.scroll(this.ui.tab, cmd.lines);
      case 'filter':
        return this.setUi({ ...openTab(this.ui, 'logs'), typing: true });
      case 'level':
        return this.setUi(cycleLevel(openTab(this.ui, 'logs')));
      case 'chart-page':
        return this.dashboard.turn(cmd.step);
      case 'help':
        return this.menu.openHelp();
      case 'menu':
        if (this.coach.visible) return this.coach.hide();
        if (this.session.run.ended || this.modals.kind === 'briefing') return;
        return this.menu.openMenu();
    }
  }

  // ----- leaving the run (from the pause menu) -----

  /** Leaves this run: it is not resumed on reload. */
  private abandon(): void {
    const store = browserStore();
    if (store && this.start.playable.saveable) clearSave(store);
  }

  private restart(): void {
    this.abandon();
    const { playable, seed, mode } = this.start;
    this.scene.restart({ playable, seed, mode, speed: this.clock.speed as Speed } satisfies PlayStart);
  }

  private toPicker(): void {
    this.abandon();
    this.scene.start(SCENES.picker, { scenarioId: this.start.playable.scenario.id, mode: this.start.mode, speed: this.clock.speed as Speed } satisfies PickerStart);
  }

  // ----- modals -----

  private closeModal(): void {
    this.modals.close();
    this.uiDirty = true;
  }

  private closeBriefing(): void {
    this.closeModal();
    this.clock.paused = false;
  }

  // ----- rendering -----

  /**
   * Draws the snapshot. What a player must see at once (clock, pager, budget, alerts,
   * decisions) is drawn the same frame; the heavier parts (palette, charts, side panel)
   * are queued and drawn one per animation frame, so a tick at 10× never makes one long
   * frame while something moves (see `update` for when the loop is stepped by a timer).
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
    // An open decision slows a fast clock so it can be read and weighed in real time.
    const deciding = !snap.ended && snap.prompts.length > 0;
    this.clock.cap = deciding ? DECISION_SPEED : null;
    this.topBar.update(snap.t, snap.timeLimit, this.clock.speed, this.clock.effectiveSpeed, this.clock.paused, snap.severity);
    this.pager.update(snap.pager, snap.alerts);
    this.alerts.update(snap.alerts);
    this.budget.update(snap.budget);
    if (!snap.ended) this.modals.syncPrompt(snap, this.session.scenario, this.clock.paused, (i) => this.choose(i));
    else if (this.modals.kind !== 'ending') this.showEnding(snap);
    if (this.palette.dockAt(this.modals.kind === 'prompt' ? DECISION_DOCK.x + DECISION_DOCK.width + 8 : null)) {
      this.pending.add('palette');
      if (this.modals.kind === 'prompt') this.coach.hide();
    }
  }

  /** Draws one queued part of the desk, if any. */
  private renderPending(): void {
    const part = this.pending.values().next().value;
    if (!part) return;
    this.pending.delete(part);
    const snap = this.session.snapshot();
    if (part === 'palette') this.palette.update(snap);
    else if (part === 'charts') this.dashboard.update(this.session.run.recorder, snap);
    else this.drawSide(snap);
  }

  private drawSide(snap: RunSnapshot): void {
    const runbooks = this.session.scenario.runbooks;
    this.side.show(snap, this.ui, this.coaching, this.session.run.droppedLogs, (id) => ({
      title: runbooks.find((r) => r.id === id)?.title ?? id,
      markdown: this.start.playable.runbooks.get(id) ?? `# ${id}\n\nThis runbook's file could not be read.`,
    }));
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
    this.modals.open('ending', {
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
}
