/**
 * A browser's copy of the drill: the same scenario and seed run locally, fed the room's
 * ordered log and stepped to the room's clock, exactly as the server steps its own run.
 * No rules here beyond that replay; the desk draws `snapshot()` as single play does.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import { Run } from '../../sim/engine.ts';
import { snapshotOf, type RunSnapshot } from '../../sim/snapshot.ts';
import { engineEventOf, type TeamLogEntry } from '../../sim/team-log.ts';
import type { Clock, Member, Truth } from '../../server/protocol.ts';
import type { RoomMessage, Welcome } from '../browser/room-client.ts';

export class TeamMirror {
  readonly run: Run;
  readonly log: TeamLogEntry[] = [];
  roster: Member[];
  clock: Clock;
  truth: Truth | null = null;
  /** The newest notice for this person (a refusal, being taken out), with the time it came. */
  notice: { code: string; text: string; at: number } | null = null;
  /** Bumped on every change that is not the run's own (roster, clock state, notices, truth). */
  version = 0;
  private snap: RunSnapshot | null = null;
  private snapKey = '';

  constructor(
    readonly scenario: Scenario,
    readonly welcome: Welcome,
  ) {
    this.run = new Run(scenario, { seed: welcome.seed });
    this.roster = welcome.roster;
    this.clock = welcome.clock;
    this.add(welcome.log);
    this.stepTo(welcome.clock.t);
  }

  get you(): Welcome['you'] {
    const me = this.roster.find((m) => m.id === this.welcome.you.id);
    return me ? { id: me.id, name: me.name, seat: me.seat } : this.welcome.you;
  }

  /** Whether this person has been taken out of the drill. */
  get out(): boolean {
    return this.roster.find((m) => m.id === this.welcome.you.id)?.out ?? false;
  }

  /** Applies one message from the room. */
  apply(m: RoomMessage, now = 0): void {
    switch (m.type) {
      case 'log':
        this.add(m.payload.entries);
        break;
      case 'clock':
        this.clock = m.payload;
        this.stepTo(m.payload.t);
        break;
      case 'roster':
        this.roster = m.payload.members;
        break;
      case 'truth':
        this.truth = m.payload;
        break;
      case 'notice':
        this.notice = { ...m.payload, at: now };
        break;
      case 'welcome':
        break;
    }
    this.version++;
  }

  /**
   * The snapshot a desk draws, rebuilt only when the run changed. A player's desk shows
   * their own lane of work (what they are busy with and have queued); the facilitator and
   * the projector see the run without a lane.
   */
  snapshot(): RunSnapshot {
    const lane = this.lane;
    const key = `${this.run.version}|${lane ?? ''}`;
    if (!this.snap || this.snapKey !== key) {
      this.snap = lane ? snapshotOf(this.run, { lane }) : snapshotOf(this.run);
      this.snapKey = key;
    }
    return this.snap;
  }

  /** Whose lane of work this browser shows: a seated player's own; none for the facilitator or the projector. */
  private get lane(): string | null {
    const seat = this.welcome.you.seat;
    return seat === 'facilitator' || seat === 'projector' ? null : this.welcome.you.id;
  }

  /** A member's name by id ("the facilitator" for the host). */
  nameOf(id: string): string {
    if (id === 'facilitator') return 'Facilitator';
    return this.roster.find((m) => m.id === id)?.name ?? id;
  }

  private add(entries: readonly TeamLogEntry[]): void {
    for (const entry of entries) {
      // A resent entry (after a reconnect) is already in the run.
      if (entry.seq <= (this.log.at(-1)?.seq ?? 0)) continue;
      this.stepTo(entry.t);
      this.log.push(entry);
      // The same translation the room's own run uses, so the two cannot drift apart.
      const event = engineEventOf(entry);
      if (event) this.run.send(event);
    }
  }

  /** Steps whole ticks until the clock reaches `t`, the rule the room's own run follows. */
  private stepTo(t: number): void {
    while (!this.run.ending && this.run.t + this.run.tick <= t + 1e-9) this.run.step();
  }
}
