/**
 * The card "Talk to the team" opens: numbered options, one step at a time, and a typed
 * line for a status report. Keys: a number picks, Enter sends or picks the first, Esc closes.
 */
import type Phaser from 'phaser';
import { Modal } from '../ui/modal.ts';
import { stepOptions, stepTitle, typeStatus, type CommandContext, type CommandStep, type Outgoing } from './team-command.ts';

export class TeamCommandCard {
  private modal: Modal | null = null;
  private step: CommandStep | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly onSend: (m: Outgoing) => void,
  ) {}

  get open(): boolean {
    return this.step !== null;
  }

  /** For the tests: which step is open and what is typed. */
  get state(): CommandStep | null {
    return this.step;
  }

  show(ctx: CommandContext, step: CommandStep = { kind: 'menu' }): void {
    this.step = step;
    this.draw(ctx);
  }

  hide(): void {
    this.modal?.destroy();
    this.modal = null;
    this.step = null;
  }

  key(e: KeyboardEvent, ctx: CommandContext): void {
    const step = this.step;
    if (!step) return;
    if (e.key === 'Escape') return this.hide();
    const options = stepOptions(step, ctx);
    if (step.kind === 'status') {
      if (e.key === 'Enter') {
        const send = options[0]?.send;
        if (send) this.pick({ send }, ctx);
        return;
      }
      this.step = typeStatus(step, e.key);
      return this.draw(ctx);
    }
    if (/^[1-9]$/.test(e.key)) {
      const o = options[Number(e.key) - 1];
      if (o) this.pick(o, ctx);
    }
  }

  private pick(o: { send?: Outgoing; next?: CommandStep }, ctx: CommandContext): void {
    if (o.send) {
      this.onSend(o.send);
      this.hide();
    } else if (o.next) {
      this.show(ctx, o.next);
    }
  }

  private draw(ctx: CommandContext): void {
    const step = this.step;
    if (!step) return;
    this.modal?.destroy();
    const options = stepOptions(step, ctx);
    const typing = step.kind === 'status';
    const empty = step.kind === 'who' ? 'Nobody else is seated yet.' : step.kind === 'task' ? 'Nothing this person can do right now.' : step.kind === 'menu' ? 'Your seat has nothing to say to the team.' : '';
    this.modal = new Modal(this.scene, {
      kicker: 'Team',
      title: stepTitle(step),
      body: typing ? `${step.text}▌\n\nType the line the room will see; Enter sends, Esc closes.` : options.length ? '' : empty,
      choices: typing ? [] : options.map((o, i) => ({ label: o.label, key: String(i + 1), onPick: () => this.pick(o, ctx) })),
      footer: typing ? undefined : 'Press a number · Esc closes',
      width: 640,
    });
  }
}
