/**
 * The facilitator console: the join code and link for the room, the clock and its
 * controls, who is seated, the hidden ground truth (phase, what moves it on, every fact
 * and whether the team has it, the top reference playthrough on the same clock), who did
 * what live, and the injects. Controls are requests like any other: the room checks the
 * host's seat, orders them into the log, and the change comes back.
 */
import Phaser from 'phaser';
import type { Playable } from '../boot/play.ts';
import type { LinkState, RoomConnection } from '../browser/room-client.ts';
import { exposeTestHook } from '../browser/test-hook.ts';
import { FeedView } from '../desk/feed.ts';
import { formatClock, formatPercent } from '../ui/format.ts';
import { Modal } from '../ui/modal.ts';
import { panel } from '../ui/panel.ts';
import { fitText, setLines, setText } from '../ui/text-util.ts';
import { css, mono, SIZE, text, WIDTH } from '../ui/theme.ts';
import { consoleCard, removable, spaceControl, speedStep, typeSay, type ConsoleStep, type Control } from './console-steps.ts';
import { joinLink } from './join-link.ts';
import { TeamMirror } from './mirror.ts';
import { loadPlayable } from './playable.ts';
import { GAMEDAY_SCENES } from './scenes.ts';
import type { ConsoleStart, TeamDebriefStart } from './starts.ts';
import { facilitatorFeed } from './team-text.ts';
import { clockState } from './team-top-bar.ts';
import { referenceRows, rosterLines, truthLines } from './console-view.ts';
import { TONE_COLOUR } from './team-view.ts';

const KEYS = 'Space start · pause · resume   ,/. speed   I injects   M message as a stakeholder   T take a player out   E end';

export class ConsoleScene extends Phaser.Scene {
  private connection!: RoomConnection;
  private playable!: Playable;
  private mirror: TeamMirror | null = null;
  private link: LinkState = 'connected';
  private step: ConsoleStep | null = null;
  private card: Modal | null = null;
  private drawn = { run: -1, room: -1 };
  private clock!: Phaser.GameObjects.Text;
  private state!: Phaser.GameObjects.Text;
  private budget!: Phaser.GameObjects.Text;
  private roster!: Phaser.GameObjects.Text;
  private truth!: Phaser.GameObjects.Text;
  private reference: Array<{ mark: Phaser.GameObjects.Text; line: Phaser.GameObjects.Text }> = [];
  private injects!: Phaser.GameObjects.Text;
  private notice!: Phaser.GameObjects.Text;
  private feed!: FeedView;
  private feedKey = '';
  private stopListening: () => void = () => undefined;

  constructor() {
    super(GAMEDAY_SCENES.console);
  }

  init(data: ConsoleStart): void {
    this.connection = data.connection;
    this.mirror = null;
    this.step = null;
    this.card = null;
    this.drawn = { run: -1, room: -1 };
    this.feedKey = '';
  }

  create(): void {
    this.cameras.main.setBackgroundColor(css.bg);
    // A reload of the host's page comes back here: the link says which room.
    history.replaceState(null, '', `${location.pathname}${location.search}#host/${this.connection.code}`);
    const loading = this.add.text(640, 360, `Loading ${this.connection.welcome.scenarioTitle}…`, text(SIZE.big, 'dim')).setOrigin(0.5);
    exposeTestHook({ screen: 'gameday-console', ready: false, code: this.connection.code });
    void loadPlayable(this.connection.welcome.scenarioId)
      .then((playable) => {
        loading.destroy();
        this.build(playable);
      })
      .catch((error: unknown) => {
        loading.setText(error instanceof Error ? error.message : String(error)).setColor(css.critical).setWordWrapWidth(1000);
      });
  }

  private build(playable: Playable): void {
    this.playable = playable;
    const mirror = new TeamMirror(playable.scenario, this.connection.welcome);
    this.mirror = mirror;
    const code = this.connection.code;
    this.add.rectangle(0, 0, WIDTH, 112, 0x0a0f14).setOrigin(0);
    this.add.text(16, 8, 'FACILITATOR CONSOLE · JOIN CODE', text(SIZE.small, 'critical', { fontStyle: '600' }));
    this.add.text(16, 28, code, mono(52, 'text', { fontStyle: '600' }));
    const link = this.add.text(16, 90, '', text(SIZE.small, 'accent'));
    fitText(link, `or open ${joinLink(location.href, code)} and pick a seat`, 560);
    const title = this.add.text(600, 10, '', text(SIZE.label, 'text', { fontStyle: '600' }));
    fitText(title, `${playable.scenario.title} · seed ${this.connection.welcome.seed}`, 660);
    this.clock = this.add.text(600, 34, '', mono(36, 'text', { fontStyle: '600' }));
    this.state = this.add.text(846, 44, '', text(SIZE.label, 'dim'));
    this.budget = this.add.text(600, 84, '', text(SIZE.small, 'dim'));
    this.notice = this.add.text(WIDTH - 16, 84, '', text(SIZE.small, 'warning')).setOrigin(1, 0);

    const r = panel(this, 16, 120, 400, 286, 'Seats · T takes a player out');
    this.roster = this.add.text(28, r.top, '', text(SIZE.body, 'text', { lineSpacing: 6, wordWrap: { width: 376 } }));
    const i = panel(this, 16, 414, 400, 258, 'Injects · I fires one · M speaks as a stakeholder');
    this.injects = this.add.text(28, i.top, '', text(SIZE.small, 'text', { lineSpacing: 5, wordWrap: { width: 376 } }));
    const g = panel(this, 424, 120, 420, 330, 'Ground truth · hidden from the team');
    this.truth = this.add.text(436, g.top, '', text(SIZE.small, 'text', { lineSpacing: 3, wordWrap: { width: 396 } }));
    const ref = panel(this, 424, 458, 420, 214, 'Top reference playthrough on this clock');
    this.reference = [];
    for (let row = 0; row < 8; row++) {
      const y = ref.top + row * 21;
      this.reference.push({ mark: this.add.text(436, y, '', text(SIZE.small, 'accent')), line: this.add.text(452, y, '', text(SIZE.small, 'text')) });
    }
    const f = panel(this, 852, 120, 412, 552, 'Who did what · live');
    this.feed = new FeedView(this, 864, f.top, 388, 552 - 42, { gap: 5, empty: 'Nobody has done anything yet.' });
    this.add.text(16, 690, KEYS, text(SIZE.small, 'dim'));

    this.input.keyboard?.addCapture('TAB,SPACE,UP,DOWN,LEFT,RIGHT,BACKSPACE,ENTER');
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));
    this.stopListening = this.connection.listen({
      message: (m) => mirror.apply(m, this.time.now),
      link: (state) => {
        this.link = state;
        mirror.version++;
      },
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.stopListening());
    this.render();
  }

  override update(): void {
    const m = this.mirror;
    if (m && (m.run.version !== this.drawn.run || m.version !== this.drawn.room)) this.render();
  }

  // ----- keys and controls -----

  private onKey(e: KeyboardEvent): void {
    const mirror = this.mirror;
    if (!mirror || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
    if (this.step) return this.cardKey(e);
    const k = e.key;
    if (k === ' ') return this.send(spaceControl(mirror.clock));
    if (k === ',' || k === '<') return this.send(speedStep(mirror.clock, -1));
    if (k === '.' || k === '>') return this.send(speedStep(mirror.clock, 1));
    if (mirror.clock.ended) {
      if (k === 'Enter') this.toDebrief();
      return;
    }
    if (k === 'i' || k === 'I') return this.open({ kind: 'injects' });
    if (k === 'm' || k === 'M') return this.open({ kind: 'say-who' });
    if (k === 't' || k === 'T') return this.open({ kind: 'remove-who' });
    if (k === 'e' || k === 'E') return this.open({ kind: 'end' });
  }

  private cardKey(e: KeyboardEvent): void {
    const step = this.step as ConsoleStep;
    const mirror = this.mirror as TeamMirror;
    if (e.key === 'Escape') return this.open(null);
    const card = consoleCard(step, mirror);
    if (step.kind === 'say-text') {
      if (e.key === 'Enter') {
        const o = card.options[0];
        if (o?.send) this.pick(o);
        return;
      }
      return this.open(typeSay(step, e.key));
    }
    if (e.key === 'Enter' && card.options.length === 1) return this.pick(card.options[0] as { send?: Control });
    if (/^[1-9]$/.test(e.key)) {
      const o = card.options[Number(e.key) - 1];
      if (o) this.pick(o);
    }
  }

  private pick(o: { next?: ConsoleStep; send?: Control }): void {
    if (o.send) {
      this.send(o.send);
      this.open(null);
    } else if (o.next) this.open(o.next);
  }

  private send(control: Control | null): void {
    if (control) this.connection.send('control', control);
  }

  private open(step: ConsoleStep | null): void {
    this.step = step;
    this.card?.destroy();
    this.card = null;
    if (step && this.mirror) {
      const card = consoleCard(step, this.mirror);
      const confirm = step.kind === 'fire' || step.kind === 'remove' || step.kind === 'end';
      this.card = new Modal(this, {
        kicker: 'Facilitator',
        title: card.title,
        body: card.body,
        choices: card.options.map((o, i) => ({ label: o.label, key: confirm ? 'Enter' : String(i + 1), onPick: () => this.pick(o), tone: confirm ? 'danger' : 'normal' })),
        footer: step.kind === 'say-text' ? '' : confirm ? 'Enter confirms · Esc cancels' : 'Press a number · Esc closes',
        width: 720,
      });
    }
    this.expose();
  }

  // ----- drawing -----

  private render(): void {
    const mirror = this.mirror as TeamMirror;
    this.drawn = { run: mirror.run.version, room: mirror.version };
    const snap = mirror.snapshot();
    setText(this.clock, formatClock(mirror.clock.t));
    const s = clockState(mirror.clock, snap.timeLimit, this.link);
    const ready = removable(mirror.roster).length;
    const stateText = !mirror.clock.started && !mirror.clock.ended ? `NOT STARTED · ${ready} seated · Space starts` : mirror.clock.ended ? 'DRILL OVER · Enter opens the debriefs' : s.text;
    setText(this.state, stateText);
    this.state.setColor(css[s.colour === 'dim' ? 'ok' : s.colour]);
    setText(this.budget, `Budget ${formatPercent(snap.budget.spent)} spent · burning ${snap.budget.burnRate5m.toFixed(1)}× · ${snap.severity ?? 'no severity declared'} · ${snap.alerts.filter((a) => a.state === 'firing').length} alerts firing`);
    const n = mirror.notice;
    setText(this.notice, n && this.time.now - n.at < 6000 ? n.text : '');
    setText(this.roster, rosterLines(mirror.roster).join('\n'));
    const truth = mirror.truth;
    setLines(this.truth, truthLines(truth).join('\n'), 14);
    const rows = referenceRows(truth, mirror.clock.t, this.reference.length);
    this.reference.forEach((r, i) => {
      const row = rows[i];
      setText(r.mark, row?.mark ?? '');
      fitText(r.line, row?.text ?? '', 380);
      r.line.setColor(row?.mark === '·' ? css.dim : row?.mark === '▶' ? css.accent : css.text);
    });
    setText(this.injects, truth ? (truth.injects.length ? truth.injects.map((x) => `${x.fired ? '✓ fired' : '·'}  ${x.label}`).join('\n') : 'This scenario declares no injects.') + `\n\nStakeholders you can speak as (M):\n${truth.stakeholders.map((p) => `${p.name}, ${p.role}`).join('\n')}` : 'Waiting for the room…');
    // Names come with the roster, which may arrive just after the entry that seated someone.
    const feedKey = `${mirror.log.length}|${mirror.roster.map((m) => m.name).join(',')}`;
    if (feedKey !== this.feedKey) {
      this.feedKey = feedKey;
      this.feed.setEntries(facilitatorFeed(mirror.log, mirror.scenario, (id) => mirror.nameOf(id)).map((l) => ({ key: `e${l.seq}${l.head}`, head: l.head, headColour: css.dim, body: l.body, bodyColour: TONE_COLOUR[l.tone] })));
    }
    this.expose();
  }

  private toDebrief(): void {
    const mirror = this.mirror as TeamMirror;
    const start: TeamDebriefStart = { mirror, playable: this.playable, you: null, connection: this.connection };
    this.scene.start(GAMEDAY_SCENES.debrief, start);
  }

  private expose(): void {
    const mirror = this.mirror;
    if (!mirror) return;
    exposeTestHook({
      screen: 'gameday-console',
      ready: true,
      code: this.connection.code,
      link: joinLink(location.href, this.connection.code),
      clock: mirror.clock,
      roster: mirror.roster,
      truth: mirror.truth,
      log: () => [...mirror.log],
      feed: () => facilitatorFeed(mirror.log, mirror.scenario, (id) => mirror.nameOf(id)).map((l) => l.body),
      step: this.step,
      t: mirror.run.t,
    });
  }
}

