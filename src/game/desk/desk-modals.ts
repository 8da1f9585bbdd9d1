/**
 * The desk's modal cards — briefing, help, decision, ending — one at a time. Decisions are
 * opened from the snapshot's open prompts and closed when the engine closes them (answered
 * or lapsed); their deadline line follows the sim clock.
 */
import type Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema/index.ts';
import type { RunSnapshot } from '../../sim/snapshot.ts';
import { Modal, type ModalContent } from '../ui/modal.ts';
import { decisionFooter as deadline, type ClockOwner } from './desk-text.ts';

export type ModalKind = 'briefing' | 'help' | 'menu' | 'prompt' | 'ending';

/** Where a decision docks: over the left of the actions panel, so the charts, comms and runbook stay readable. */
export const DECISION_DOCK = { x: 292, top: 464, bottom: 712, width: 588 } as const;

export class DeskModals {
  private current: { kind: ModalKind; modal: Modal; id?: string } | null = null;

  /**
   * `clock`: who runs the clock on this desk — the player (single play: Space pauses) or
   * the facilitator (a team drill: players cannot pause), so a decision's footer says
   * what is true here.
   */
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly clock: ClockOwner = 'player',
  ) {}

  get kind(): ModalKind | null {
    return this.current?.kind ?? null;
  }

  open(kind: ModalKind, content: ModalContent, id?: string): void {
    this.current?.modal.destroy();
    this.current = { kind, modal: new Modal(this.scene, content), ...(id ? { id } : {}) };
  }

  close(): void {
    this.current?.modal.destroy();
    this.current = null;
  }

  /** Keys for a blocking card (not a decision): returns true if the key was its. */
  blockingKey(e: KeyboardEvent): boolean {
    const c = this.current;
    if (!c || c.kind === 'prompt') return false;
    if (e.key === 'Enter' || e.key === ' ') c.modal.pressFocused();
    else if (e.key === 'ArrowDown' || e.key === 'Tab') c.modal.moveFocus(1);
    else if (e.key === 'ArrowUp') c.modal.moveFocus(-1);
    else if (e.key === 'Escape' && (c.kind === 'help' || c.kind === 'menu')) c.modal.press(0);
    else if (/^[1-9]$/.test(e.key)) c.modal.press(Number(e.key) - 1);
    return true;
  }

  /** Arrow keys inside an open decision mark the next or previous answer: true if the key was its. */
  promptKey(e: KeyboardEvent): boolean {
    const c = this.current;
    if (c?.kind !== 'prompt') return false;
    if (e.key === 'ArrowDown') c.modal.moveFocus(1);
    else if (e.key === 'ArrowUp') c.modal.moveFocus(-1);
    else return false;
    return true;
  }

  /** Marks an answer of the open decision (it is not answered yet). */
  markAnswer(index: number): void {
    if (this.current?.kind === 'prompt') this.current.modal.mark(index);
  }

  /** Commits the marked answer of the open decision, if one is marked. */
  confirmAnswer(): void {
    if (this.current?.kind === 'prompt') this.current.modal.confirm();
  }

  /** The open card as drawn (kind, title, choices), or null. */
  get shown(): ({ kind: ModalKind } & Modal['shown']) | null {
    return this.current ? { kind: this.current.kind, ...this.current.modal.shown } : null;
  }

  /** The marked answer's index on the open decision, or -1. */
  get marked(): number {
    return this.current?.kind === 'prompt' ? this.current.modal.markedIndex : -1;
  }

  /** Shows the first open decision (or closes a card whose decision the engine closed). */
  syncPrompt(snap: RunSnapshot, scenario: Scenario, paused: boolean, choose: (index: number) => void): void {
    const prompt = snap.prompts[0];
    if (this.current?.kind === 'prompt' && this.current.id !== prompt?.id) this.close();
    if (!prompt || this.current) {
      if (prompt && this.current?.kind === 'prompt') this.current.modal.setFooter(deadline(snap, paused, this.clock));
      return;
    }
    const who = prompt.from ? scenario.stakeholders.find((p) => p.id === prompt.from) : undefined;
    this.open(
      'prompt',
      {
        kicker: who ? `Decision · asked by ${who.name}, ${who.role}` : 'Decision',
        kickerColour: 'warning',
        title: prompt.question,
        body: '',
        choices: prompt.options.map((o, i) => ({ label: o.label, key: String(i + 1), onPick: () => choose(i) })),
        confirm: { label: 'Answer with', onConfirm: choose },
        footer: deadline(snap, paused, this.clock),
        light: true,
        width: DECISION_DOCK.width,
        at: { x: DECISION_DOCK.x, y: DECISION_DOCK.top },
        bottom: DECISION_DOCK.bottom,
      },
      prompt.id,
    );
  }
}
