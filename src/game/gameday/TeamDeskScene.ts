/**
 * A player's desk in a game day — or the projector's. The same widgets as single play,
 * drawn from this browser's replay of the room's log (TeamMirror); the palette offers what
 * this seat may do, the decisions go to the seat that answers them, and the team strip
 * shows who did what as it happens. Every key or click becomes a request to the room; the
 * server orders it and the change arrives back in the log.
 */
import Phaser from 'phaser';
import type { TeamRole } from '../../sim/team-roles.ts';
import { pagerBeep, unlockAudio } from '../browser/audio.ts';
import type { LinkState, RoomConnection } from '../browser/room-client.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { addUnread, cycleLevel, cycleTab, initialUi, openTab, typeFilter, type DeskUi } from '../desk/desk-ui.ts';
import { DeskModals } from '../desk/desk-modals.ts';
import { StatusComposer } from '../desk/status-composer.ts';
import type { StatusUpdateContent } from '../../scenario/schema/index.ts';
import type { Playable } from '../boot/play.ts';
import { assignActionKeys, deskCommand } from '../ui/keymap.ts';
import { css, SIZE, text } from '../ui/theme.ts';
import { TeamMirror } from './mirror.ts';
import { loadPlayable } from './playable.ts';
import { GAMEDAY_SCENES } from './scenes.ts';
import type { DeskStart, TeamDebriefStart } from './starts.ts';
import { TeamCommandCard } from './team-command-card.ts';
import { briefingCard, endingCard, helpCard } from './team-desk-cards.ts';
import { TeamDeskView } from './team-desk-view.ts';
import type { Outgoing } from './team-command.ts';
import { ackRequest, actionsFor, actRequest, answersOpenPrompt, chooseRequest, composesUpdate, noteLine, roleOf } from './seat-requests.ts';

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
  private roleKnown = false;
  private view!: TeamDeskView;
  private modals!: DeskModals;
  private command!: TeamCommandCard;
  private composer!: StatusComposer;
  private drawn = { run: -1, room: -1 };
  private eventCursor = 0;
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
    this.ending = false;
    this.role = null;
    this.roleKnown = false;
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
    // Keys are given over the whole scenario, as in single play, so every seat calls an action by the same key.
    this.keys = assignActionKeys(s.actions.map((a) => ({ id: a.id, label: a.label, key: a.key ?? null })));
    this.actionByKey = new Map([...this.keys].map(([id, k]) => [k, id]));
    this.view = new TeamDeskView(this, mirror, playable, this.keys, this.projector, {
      ack: () => this.ack(),
      act: (id) => this.act(id),
      tab: (tab) => this.setUi(openTab(this.ui, tab)),
    });
    this.setRole();
    this.modals = new DeskModals(this, 'facilitator');
    this.command = new TeamCommandCard(this, (m) => this.send(m));
    this.composer = new StatusComposer(this, (id, update) => this.act(id, update), 'The clock does not stop while you write: only the facilitator pauses it.');

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,PAGE_UP,PAGE_DOWN,BACKSPACE,FORWARD_SLASH,BACK_SLASH,ENTER');
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));
    this.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => this.view.scrollSide(this.ui.tab, dy > 0 ? 3 : -3));
    this.stopListening = this.connection.listen({
      message: (m) => mirror.apply(m, this.time.now),
      link: (state) => {
        this.link = state;
        mirror.version++;
      },
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.stopListening();
      this.view.destroy();
    });
    if (!mirror.clock.started && !this.projector) {
      this.modals.open('briefing', briefingCard(this.connection.code, you.seat, s, () => this.closeModal()));
    }
    this.render();
  }

  /** The seat held now decides what the palette offers (a handover changes it). */
  private setRole(): void {
    const mirror = this.mirror;
    if (!mirror || this.projector) return;
    const role = roleOf(mirror);
    if (role === this.role && this.roleKnown) return;
    this.roleKnown = true;
    this.role = role;
    this.mine = actionsFor(mirror, role);
    this.drawn.run = -1;
  }

  override update(): void {
    const mirror = this.mirror;
    if (!mirror) return;
    if (mirror.run.version !== this.drawn.run || mirror.version !== this.drawn.room) this.render();
  }

  // ----- requests to the room -----

  private send(request: Outgoing | null): void {
    if (request) this.connection.send(request.type, request.payload as never);
  }

  private ack(): void {
    if (this.mirror) this.send(ackRequest(this.mirror));
  }

  private act(id: string, update?: StatusUpdateContent): void {
    const mirror = this.mirror;
    if (!mirror) return;
    // A status update is written before it is sent: the composer collects what it says.
    if (!update && composesUpdate(mirror, id)) {
      this.command.hide();
      return this.composer.show(id, mirror.scenario.actions.find((a) => a.id === id)?.label ?? id);
    }
    this.send(actRequest(mirror, id, update));
  }

  private choose(index: number): void {
    if (this.mirror) this.send(chooseRequest(this.mirror, index));
  }

  // ----- keys -----

  private onKey(e: KeyboardEvent): void {
    unlockAudio();
    const mirror = this.mirror;
    if (!mirror || (e.repeat && e.key !== 'PageDown' && e.key !== 'PageUp')) return;
    if (this.composer.key(e)) return;
    if (this.command.open) {
      this.command.key(e, this.commandContext());
      return;
    }
    if (this.ui.typing) return this.setUi(typeFilter(this.ui, e.key));
    if (this.modals.blockingKey(e) || this.modals.promptKey(e)) return;
    const answering = this.mayAnswerOpenPrompt();
    // Enter answers with the marked option when this seat has a decision open; otherwise
    // it opens the team commands.
    if (e.key === 'Enter' && !(answering && this.modals.marked >= 0) && !this.projector && !mirror.out) {
      this.command.show(this.commandContext());
      return;
    }
    const promptOptions = answering ? (mirror.snapshot().prompts[0]?.options.length ?? 0) : 0;
    const cmd = deskCommand(e, { promptOptions, actionByKey: this.actionByKey, shift: e.shiftKey });
    if (!cmd) return;
    switch (cmd.type) {
      case 'ack':
        return this.ack();
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
        if (this.projector) this.view.scrollStrip(cmd.lines > 0 ? 2 : -2);
        else this.view.scrollSide(this.ui.tab, cmd.lines);
        return;
      case 'filter':
        return this.setUi({ ...openTab(this.ui, 'logs'), typing: true });
      case 'level':
        return this.setUi(cycleLevel(openTab(this.ui, 'logs')));
      case 'help':
        return this.modals.open('help', helpCard(mirror.snapshot().actions.filter((a) => a.available && this.mine.has(a.id)).map((a) => ({ label: a.label, key: this.keys.get(a.id) })), () => this.closeModal()));
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
    return !!this.mirror && answersOpenPrompt(this.mirror);
  }

  private setUi(ui: DeskUi): void {
    this.ui = ui;
    if (this.mirror) this.view.showSide(this.ui);
  }

  private closeModal(): void {
    this.modals.close();
  }

  // ----- drawing -----

  private render(): void {
    const mirror = this.mirror as TeamMirror;
    const snap = mirror.snapshot();
    const runChanged = mirror.run.version !== this.drawn.run;
    this.drawn = { run: mirror.run.version, room: mirror.version };
    this.setRole();
    this.consumeEvents();
    // Taken out, handed over, or the update no longer offered: the draft cannot be sent.
    const composing = this.composer.action;
    if (composing && !composesUpdate(mirror, composing)) this.composer.hide();
    this.view.draw(this.ui, this.link, this.mine, this.noteLine(), runChanged);
    if (!this.projector && this.modals.kind !== 'briefing') {
      if (this.mayAnswerOpenPrompt()) this.modals.syncPrompt(snap, mirror.scenario, mirror.clock.paused, (i) => this.choose(i));
      else if (this.modals.kind === 'prompt') this.modals.close();
    }
    if (mirror.clock.ended && !this.ending) this.showEnding();
    this.expose();
  }

  private noteLine(): string {
    return this.mirror ? noteLine(this.mirror, this.time.now) : '';
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
    this.composer.hide();
    this.modals.open('ending', endingCard(this.connection.code, mirror.clock, mirror.snapshot().ended, () => this.toDebrief()));
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
      modal: () => (this.composer.open ? 'status-update' : this.modals.kind),
      command: this.command.state,
      note: this.noteLine(),
      link: this.link,
    });
  }
}
