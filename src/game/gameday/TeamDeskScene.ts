/**
 * A player's desk in a game day — or the projector's. The same widgets as single play,
 * drawn from this browser's replay of the room's log (TeamMirror); the palette offers what
 * this seat may do, the decisions go to the seat that answers them, and the team strip
 * shows who did what as it happens. Every key or click becomes a request to the room; the
 * server orders it and the change arrives back in the log.
 */
import Phaser from 'phaser';
import type { Action, Prompt } from '../../scenario/schema/index.ts';
import { isRole } from '../../sim/team-log.ts';
import { mayAck, mayAct, mayAnswer, SEAT_NAMES, type TeamRole } from '../../sim/team-roles.ts';
import { pagerBeep, unlockAudio } from '../browser/audio.ts';
import type { LinkState, RoomConnection } from '../browser/room-client.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { ActionPalette } from '../desk/action-palette.ts';
import { AlertList } from '../desk/alert-list.ts';
import { BudgetGauge } from '../desk/budget-gauge.ts';
import { Dashboard } from '../desk/dashboard-view.ts';
import { addUnread, cycleLevel, cycleTab, initialUi, openTab, typeFilter, type DeskUi } from '../desk/desk-ui.ts';
import { DeskModals } from '../desk/desk-modals.ts';
import { Pager } from '../desk/pager.ts';
import { SidePanel } from '../desk/side-panel.ts';
import type { Playable } from '../boot/play.ts';
import { assignActionKeys, deskCommand } from '../ui/keymap.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { TeamMirror } from './mirror.ts';
import { loadPlayable } from './playable.ts';
import { GAMEDAY_SCENES } from './scenes.ts';
import type { DeskStart, TeamDebriefStart } from './starts.ts';
import { TeamCommandCard } from './team-command-card.ts';
import { playerFeed, type TeamLine } from './team-text.ts';
import { TeamStrip } from './team-strip.ts';
import { TeamTopBar } from './team-top-bar.ts';
import { teamHelp } from './team-view.ts';
import { seatCard } from './seat-card.ts';

/** Real milliseconds a refusal stays on screen. */
const NOTICE_MS = 6000;

export class TeamDeskScene extends Phaser.Scene {
  private connection!: RoomConnection;
  private playable!: Playable;
  private mirror: TeamMirror | null = null;
  private link: LinkState = 'connected';
  private ui: DeskUi = initialUi();
  private keys = new Map<string, string>();
  private actionByKey = new Map<string, string>();
  private role: TeamRole | null = null;
  private mine = new Set<string>();
  private topBar!: TeamTopBar;
  private pager!: Pager;
  private budget!: BudgetGauge;
  private alerts!: AlertList;
  private palette: ActionPalette | null = null;
  private side!: SidePanel;
  private dashboard!: Dashboard;
  private strip!: TeamStrip;
  private modals!: DeskModals;
  private command!: TeamCommandCard;
  private lines: TeamLine[] = [];
  private drawn = { run: -1, room: -1 };
  private eventCursor = 0;
  private feedKey = '';
  private ending = false;
  private stopListening: () => void = () => undefined;

  constructor() {
    super(GAMEDAY_SCENES.desk);
  }

  init(data: DeskStart): void {
    this.connection = data.connection;
    this.mirror = null;
    this.ui = initialUi();
    this.drawn = { run: -1, room: -1 };
    this.lines = [];
    this.ending = false;
    this.feedKey = '';
    this.role = null;
    this.palette = null;
    this.mine = new Set();
  }

  create(): void {
    this.cameras.main.setBackgroundColor(css.bg);
    const loading = this.add.text(640, 360, `Loading ${this.connection.welcome.scenarioTitle}…`, text(SIZE.big, 'dim')).setOrigin(0.5);
    exposeTestHook({ screen: 'gameday-desk', ready: false });
    void loadPlayable(this.connection.welcome.scenarioId)
      .then((playable) => {
        loading.destroy();
        this.build(playable);
      })
      .catch((error: unknown) => {
        loading.setText(error instanceof Error ? error.message : String(error)).setColor(css.critical).setWordWrapWidth(1000);
      });
  }

  private get projector(): boolean {
    return this.connection.you.seat === 'projector';
  }

  private build(playable: Playable): void {
    this.playable = playable;
    const s = playable.scenario;
    const mirror = new TeamMirror(s, this.connection.welcome);
    this.mirror = mirror;
    this.eventCursor = mirror.run.events.length;
    const you = mirror.you;
    const who = this.projector ? 'Projector · read-only' : `${you.name} · ${SEAT_NAMES[you.seat]}`;
    this.topBar = new TeamTopBar(this, { code: this.connection.code, title: s.title, who });
    this.pager = new Pager(this, 8, 56, 276, 146, () => this.ack());
    this.budget = new BudgetGauge(this, 8, 210, 276, 166);
    this.alerts = new AlertList(this, 8, 384, 276, 192);
    this.dashboard = new Dashboard(this, s, 292, 56, 580, 308);
    this.side = new SidePanel(this, 880, 56, 392, 308, (tab) => this.setUi(openTab(this.ui, tab)));
    if (this.projector) {
      seatCard(this, 8, 584, 276, 128, 'projector');
      this.strip = new TeamStrip(this, 292, 372, 980, 340, { large: true, title: 'The team · who did what' });
    } else {
      seatCard(this, 8, 584, 276, 128, you.seat);
      this.setRole();
      this.strip = new TeamStrip(this, 880, 372, 392, 340);
    }
    this.modals = new DeskModals(this);
    this.command = new TeamCommandCard(this, (m) => this.connection.send(m.type, m.payload as never));

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,PAGE_UP,PAGE_DOWN,BACKSPACE,FORWARD_SLASH,BACK_SLASH,ENTER');
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));
    this.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => this.side.scroll(this.ui.tab, dy > 0 ? 3 : -3));
    this.stopListening = this.connection.listen({
      message: (m) => mirror.apply(m, this.time.now),
      link: (state) => {
        this.link = state;
        mirror.version++;
      },
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.stopListening();
      this.dashboard.destroy();
    });
    if (!mirror.clock.started && !this.projector) {
      this.modals.open('briefing', {
        kicker: `Game day ${this.connection.code} · you are ${SEAT_NAMES[you.seat]}`,
        title: s.title,
        body: `${s.briefing ?? ''}\n\nThe facilitator starts the clock. Your palette offers your seat's work; Enter talks to the team (status, and for the commander: assign, ask, hand over).`.trim(),
        choices: [{ label: 'Ready', key: 'Enter', onPick: () => this.closeModal(), tone: 'primary' }],
        width: 760,
      });
    }
    this.render();
  }

  /** The seat held now decides what the palette offers (a handover changes it). */
  private setRole(): void {
    const mirror = this.mirror;
    if (!mirror || this.projector) return;
    const seat = mirror.you.seat;
    const role = isRole(seat) ? seat : null;
    if (role === this.role && this.palette) return;
    this.role = role;
    const s = mirror.scenario;
    this.mine = new Set(role ? s.actions.filter((a) => mayAct(role, a) === null).map((a) => a.id) : []);
    if (!this.palette) {
      // Keys are given over the whole scenario, as in single play, so every seat calls an action by the same key.
      this.keys = assignActionKeys(s.actions.map((a) => ({ id: a.id, label: a.label, key: a.key ?? null })));
      this.actionByKey = new Map([...this.keys].map(([id, k]) => [k, id]));
      this.palette = new ActionPalette(this, 292, 372, 580, 340, s.actions, this.keys, (id) => this.act(id));
    }
    this.drawn.run = -1;
  }

  override update(): void {
    const mirror = this.mirror;
    if (!mirror) return;
    if (mirror.run.version !== this.drawn.run || mirror.version !== this.drawn.room) this.render();
  }

  // ----- requests to the room -----

  private ack(): void {
    if (!this.role || mayAck(this.role) || !this.mirror?.snapshot().pager.length) return;
    this.connection.send('ack', {});
  }

  private act(id: string): void {
    const mirror = this.mirror;
    const action = mirror?.scenario.actions.find((a) => a.id === id);
    const view = mirror?.snapshot().actions.find((a) => a.id === id);
    if (!mirror || !action || !view?.available || !this.role || mayAct(this.role, action as Action) || mirror.out) return;
    this.connection.send('act', { action: id });
  }

  private choose(index: number): void {
    const mirror = this.mirror;
    const prompt = mirror?.snapshot().prompts[0];
    const option = prompt?.options[index];
    const spec = mirror?.scenario.prompts.find((p) => p.id === prompt?.id);
    if (!prompt || !option || !spec || !this.role || mayAnswer(this.role, spec as Prompt)) return;
    this.connection.send('choose', { prompt: prompt.id, option: option.id });
  }

  // ----- keys -----

  private onKey(e: KeyboardEvent): void {
    unlockAudio();
    const mirror = this.mirror;
    if (!mirror || (e.repeat && e.key !== 'PageDown' && e.key !== 'PageUp')) return;
    if (this.command.open) {
      this.command.key(e, this.commandContext());
      return;
    }
    if (this.ui.typing) return this.setUi(typeFilter(this.ui, e.key));
    if (this.modals.blockingKey(e) || this.modals.promptKey(e)) return;
    if (e.key === 'Enter' && !this.projector && !mirror.out) {
      this.command.show(this.commandContext());
      return;
    }
    const answering = this.mayAnswerOpenPrompt();
    const promptOptions = answering ? (mirror.snapshot().prompts[0]?.options.length ?? 0) : 0;
    const cmd = deskCommand(e, { promptOptions, actionByKey: this.actionByKey, shift: e.shiftKey });
    if (!cmd) return;
    switch (cmd.type) {
      case 'ack':
        return this.ack();
      case 'act':
        return this.act(cmd.action);
      case 'choose':
        return this.choose(cmd.index);
      case 'tab':
        return this.setUi(cycleTab(this.ui, cmd.step));
      case 'scroll':
        if (this.projector) this.strip.scroll(cmd.lines > 0 ? 2 : -2);
        else this.side.scroll(this.ui.tab, cmd.lines);
        return;
      case 'filter':
        return this.setUi({ ...openTab(this.ui, 'logs'), typing: true });
      case 'level':
        return this.setUi(cycleLevel(openTab(this.ui, 'logs')));
      case 'help':
        return this.modals.open('help', {
          kicker: 'Keys',
          title: 'Everything works from the keyboard',
          body: teamHelp(mirror.snapshot().actions.filter((a) => a.available && this.mine.has(a.id)).map((a) => ({ label: a.label, key: this.keys.get(a.id) }))),
          choices: [{ label: 'Close', key: 'Esc', onPick: () => this.closeModal() }],
          width: 1040,
        });
      default:
        // Pause and speed belong to single play; in a drill the facilitator runs the clock.
        return;
    }
  }

  private commandContext() {
    const mirror = this.mirror as TeamMirror;
    return { me: mirror.you, roster: mirror.roster, scenario: mirror.scenario, actions: mirror.snapshot().actions };
  }

  private mayAnswerOpenPrompt(): boolean {
    const mirror = this.mirror;
    const open = mirror?.snapshot().prompts[0];
    const spec = open ? mirror?.scenario.prompts.find((p) => p.id === open.id) : undefined;
    return !!spec && !!this.role && mayAnswer(this.role, spec) === null && !mirror?.out;
  }

  private setUi(ui: DeskUi): void {
    this.ui = ui;
    if (this.mirror) this.side.show(this.mirror.snapshot(), this.ui, [], this.mirror.run.droppedLogs, (id) => this.runbook(id));
  }

  private closeModal(): void {
    this.modals.close();
  }

  private runbook(id: string): { title: string; markdown: string } {
    return {
      title: this.playable.scenario.runbooks.find((r) => r.id === id)?.title ?? id,
      markdown: this.playable.runbooks.get(id) ?? `# ${id}\n\nThis runbook's file could not be read.`,
    };
  }

  // ----- drawing -----

  private render(): void {
    const mirror = this.mirror as TeamMirror;
    const snap = mirror.snapshot();
    const runChanged = mirror.run.version !== this.drawn.run;
    this.drawn = { run: mirror.run.version, room: mirror.version };
    this.setRole();
    this.consumeEvents();
    // Names come with the roster, which may arrive just after the entry that seated someone.
    const feedKey = `${mirror.log.length}|${mirror.roster.map((m) => m.name).join(',')}`;
    if (feedKey !== this.feedKey) {
      this.feedKey = feedKey;
      this.lines = playerFeed(mirror.log, mirror.scenario, (id) => mirror.nameOf(id));
    }
    this.topBar.update(mirror.clock, snap.timeLimit, this.link, snap.severity);
    this.pager.update(snap.pager, snap.alerts);
    this.alerts.update(snap.alerts);
    this.budget.update(snap.budget);
    if (runChanged) {
      this.palette?.update({ ...snap, actions: snap.actions.filter((a) => this.mine.has(a.id)) });
      this.dashboard.update(mirror.run.recorder, snap);
      this.side.show(snap, this.ui, [], mirror.run.droppedLogs, (id) => this.runbook(id));
    }
    this.strip.update(mirror.roster, this.lines, this.noteLine());
    if (!this.projector && this.modals.kind !== 'briefing') {
      if (this.mayAnswerOpenPrompt()) this.modals.syncPrompt(snap, mirror.scenario, mirror.clock.paused, (i) => this.choose(i));
      else if (this.modals.kind === 'prompt') this.modals.close();
    }
    if (mirror.clock.ended && !this.ending) this.showEnding();
    this.expose();
  }

  /** The strip's warning line: being out, a refusal, or a decision waiting for another seat. */
  private noteLine(): string {
    const mirror = this.mirror as TeamMirror;
    if (mirror.out) return 'The facilitator has taken you out of the drill: watch how the team copes.';
    const n = mirror.notice;
    if (n && this.time.now - n.at < NOTICE_MS) return n.text;
    const open = mirror.snapshot().prompts[0];
    if (open && !this.mayAnswerOpenPrompt()) {
      const spec = mirror.scenario.prompts.find((p) => p.id === open.id);
      const owner = spec?.role ?? 'ic';
      return `Decision waiting for the ${SEAT_NAMES[owner as TeamRole]}: ${open.question}`;
    }
    return '';
  }

  private consumeEvents(): void {
    const mirror = this.mirror as TeamMirror;
    const events = mirror.run.events;
    let ui = this.ui;
    for (; this.eventCursor < events.length; this.eventCursor++) {
      const e = events[this.eventCursor];
      if (e?.type === 'page') {
        if (!this.projector) pagerBeep(true);
      } else if (e?.type === 'message') ui = addUnread(ui, 'comms');
      else if (e?.type === 'action.done' && e.result) ui = addUnread(ui, 'notes');
    }
    this.ui = ui;
  }

  private showEnding(): void {
    const mirror = this.mirror as TeamMirror;
    this.ending = true;
    this.command.hide();
    const e = mirror.snapshot().ended;
    const by = mirror.clock.ended?.by === 'facilitator' ? 'The facilitator ended the drill.' : e ? `${e.title}.` : 'The drill is over.';
    this.modals.open('ending', {
      kicker: `Game day ${this.connection.code} · over`,
      kickerColour: e?.outcome === 'resolved' ? 'ok' : 'warning',
      title: by,
      body: 'Your own debrief (your level, dimension by dimension, from your own evidence) and the team\'s are ready.',
      choices: [{ label: 'See the debriefs', key: 'Enter', onPick: () => this.toDebrief(), tone: 'primary' }],
    });
  }

  private toDebrief(): void {
    const mirror = this.mirror as TeamMirror;
    const start: TeamDebriefStart = { mirror, playable: this.playable, you: this.projector ? null : mirror.you.id, connection: this.connection };
    this.scene.start(GAMEDAY_SCENES.debrief, start);
  }

  private expose(): void {
    const mirror = this.mirror as TeamMirror;
    exposeTestHook({
      screen: 'gameday-desk',
      ready: true,
      code: this.connection.code,
      you: mirror.you,
      keys: Object.fromEntries(this.keys),
      snapshot: () => mirror.snapshot(),
      prompt: () => mirror.snapshot().prompts[0] ?? null,
      clock: mirror.clock,
      log: () => [...mirror.log],
      roster: mirror.roster,
      modal: this.modals.kind,
      command: this.command.state,
      note: this.noteLine(),
      link: this.link,
    });
  }
}
