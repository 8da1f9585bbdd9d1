/**
 * A team drill: one deterministic run shared by a room of people. Every request comes in
 * with who sent it; the rules here decide whether their seat allows it, give it its place
 * in the one ordered log, and pass engine requests to the run. The room server only feeds
 * requests and real time in; replaying the log gives the same run, bit for bit.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import { Run } from './engine.ts';
import type { PlayerEvent } from './events.ts';
import { engineEventOf, isRole, type TeamEvent, type TeamLogEntry, type TeamMember, type TeamSpeed, TEAM_SPEEDS } from './team-log.ts';
import { mayAck, mayAct, mayAnswer, mayCoordinate, mayReport, SEAT_NAMES, type Seat } from './team-roles.ts';

/** The player id the facilitator's requests carry. */
export const FACILITATOR = 'facilitator';
/** Most people in one room (seats that play, plus the projector). */
export const MAX_MEMBERS = 12;

/** Where the drill's clock is. */
export interface TeamClock {
  t: number;
  started: boolean;
  paused: boolean;
  speed: TeamSpeed;
  /** Set once the drill is over: the scenario reached an ending, or the facilitator ended it. */
  ended: { at: number; by: 'scenario' | 'facilitator' } | null;
}

/** The answer to a request: the entry it became, or why it was refused, in plain words. */
export type TeamResult = { ok: true; entry: TeamLogEntry } | { ok: false; reason: string };

const FACILITATOR_EVENTS = new Set<TeamEvent['type']>(['inject', 'say', 'remove', 'start', 'pause', 'resume', 'speed', 'end']);

/** One drill: the run, the roster, the log and the clock state. */
export class TeamRun {
  readonly run: Run;
  readonly scenario: Scenario;
  readonly log: TeamLogEntry[] = [];
  readonly members = new Map<string, TeamMember>();
  started = false;
  paused = false;
  speed: TeamSpeed;
  private endedBy: TeamClock['ended'] = null;
  private nextId = 1;

  constructor(scenario: Scenario, options: { seed: number; speed?: TeamSpeed }) {
    this.scenario = scenario;
    this.run = new Run(scenario, { seed: options.seed });
    this.speed = options.speed ?? 1;
  }

  /** Rebuilds a drill from its log, with the clock at `untilT` (at least the last entry's time). */
  static replay(scenario: Scenario, options: { seed: number; speed?: TeamSpeed }, log: readonly TeamLogEntry[], untilT = 0): TeamRun {
    const team = new TeamRun(scenario, options);
    for (const entry of log) {
      team.stepTo(entry.t);
      const result = team.apply(entry.player, entry.event, entry.t);
      if (!result.ok) throw new Error(`entry ${entry.seq} of the log was refused on replay: ${result.reason}`);
    }
    team.stepTo(untilT);
    return team;
  }

  get clock(): TeamClock {
    return { t: this.run.t, started: this.started, paused: this.paused, speed: this.speed, ended: this.ended };
  }

  get ended(): TeamClock['ended'] {
    if (this.endedBy) return this.endedBy;
    return this.run.ending ? { at: this.run.ending.at, by: 'scenario' } : null;
  }

  /** Whether the clock should move now. */
  get running(): boolean {
    return this.started && !this.paused && this.ended === null;
  }

  /** The player holding command now, or null. */
  get commander(): TeamMember | null {
    for (const m of this.members.values()) if (m.seat === 'ic' && !m.out) return m;
    return null;
  }

  /** Steps the run until its clock reaches `t` (whole ticks; never past an ending). */
  stepTo(t: number): void {
    while (this.ended === null && this.run.t + this.run.tick <= t + 1e-9) this.run.step();
  }

  /** Seats a new person. Returns the join entry (whose `player` is their id) or a refusal. */
  join(name: string, seat: Seat): TeamResult {
    if (seat === 'facilitator') return { ok: false, reason: 'the facilitator seat belongs to the host' };
    if (this.members.size >= MAX_MEMBERS) return { ok: false, reason: `the room is full (${MAX_MEMBERS} people)` };
    const id = `p${this.nextId}`;
    return this.apply(id, { type: 'join', name, seat });
  }

  /** A request from a seated person, or from the facilitator (player id FACILITATOR). */
  request(player: string, event: TeamEvent): TeamResult {
    if (event.type === 'join') return { ok: false, reason: 'joining is done by taking a seat' };
    return this.apply(player, event);
  }

  private apply(player: string, event: TeamEvent, at = this.run.t): TeamResult {
    const refusal = this.refusal(player, event);
    if (refusal) return { ok: false, reason: refusal };
    const role: Seat = player === FACILITATOR ? 'facilitator' : event.type === 'join' ? event.seat : (this.members.get(player) as TeamMember).seat;
    const entry: TeamLogEntry = { seq: this.log.length + 1, t: at, player, role, event };
    this.log.push(entry);
    this.effect(entry);
    return { ok: true, entry };
  }

  private refusal(player: string, event: TeamEvent): string | null {
    if (FACILITATOR_EVENTS.has(event.type)) {
      if (player !== FACILITATOR) return 'only the facilitator runs the drill';
      return this.controlRefusal(event);
    }
    if (event.type === 'join') {
      if (event.seat === 'ic' && this.commander) return `the room already has a commander: ${this.commander.name}`;
      return null;
    }
    if (player === FACILITATOR) return 'the facilitator runs the drill and does not play';
    const member = this.members.get(player);
    if (!member) return 'you are not seated in this room';
    if (member.out) return 'the facilitator has taken you out of this drill';
    if (this.ended) return 'the drill is over';
    if (!isRole(member.seat)) return 'the projector only shows the room';
    const role = member.seat;
    if ((event.type === 'act' || event.type === 'choose' || event.type === 'ack') && !this.started) return 'the drill has not started yet';
    switch (event.type) {
      case 'act': {
        const action = this.scenario.actions.find((a) => a.id === event.action);
        if (!action) return `there is no action "${event.action}" in this scenario`;
        // A status update is judged on what it says, so it must say something; other actions say nothing.
        if (action.statusUpdate && !event.update) return `"${action.label}" is a status update: say who is affected, what is known, what is being done and when the next update comes`;
        if (!action.statusUpdate && event.update) return `"${action.label}" is not a status update and carries no update`;
        return mayAct(role, action);
      }
      case 'choose': {
        const prompt = this.scenario.prompts.find((p) => p.id === event.prompt);
        if (!prompt) return `there is no decision "${event.prompt}" in this scenario`;
        return mayAnswer(role, prompt);
      }
      case 'ack':
        return mayAck(role);
      case 'assign':
      case 'ask-status': {
        const coordination = mayCoordinate(role);
        if (coordination) return coordination;
        const to = event.to;
        if (to !== null && !this.activeMember(to)) return 'that person is not in the drill';
        return null;
      }
      case 'status':
        return mayReport(role);
      case 'handover': {
        if (role !== 'ic') return 'only the commander can hand over command';
        const to = this.activeMember(event.to);
        if (!to || !isRole(to.seat) || to.id === player) return 'hand over to another player in the drill';
        return null;
      }
      case 'take-command':
        if (role === 'observer') return 'observers watch; they do not take command';
        if (this.commander) return `${this.commander.name} is the commander; ask them to hand over`;
        return null;
      default:
        return 'that request is not part of the drill';
    }
  }

  private controlRefusal(event: TeamEvent): string | null {
    if (event.type === 'start') return this.started ? 'the drill has already started' : null;
    if (this.ended) return 'the drill is over';
    switch (event.type) {
      case 'pause':
        return !this.started ? 'the drill has not started yet' : this.paused ? 'the drill is already paused' : null;
      case 'resume':
        return this.paused ? null : 'the drill is not paused';
      case 'speed':
        return (TEAM_SPEEDS as readonly number[]).includes(event.speed) ? null : `speed must be one of ${TEAM_SPEEDS.join(', ')}`;
      case 'inject':
        if (!this.started) return 'start the drill before firing injects';
        return this.scenario.injects.some((i) => i.id === event.inject) ? null : `there is no inject "${event.inject}" in this scenario`;
      case 'say':
        if (!this.started) return 'start the drill before sending messages';
        if (!this.scenario.stakeholders.some((p) => p.id === event.from)) {
          const known = this.scenario.stakeholders.map((p) => p.id).join(', ');
          return `"${event.from}" is not one of this scenario's stakeholders (${known || 'it has none'})`;
        }
        return null;
      case 'remove': {
        const m = this.members.get(event.player);
        return !m ? 'there is no such player' : m.out ? `${m.name} is already out` : null;
      }
      default:
        return null;
    }
  }

  private activeMember(id: string): TeamMember | null {
    const m = this.members.get(id);
    return m && !m.out ? m : null;
  }

  /** What an accepted entry changes. */
  private effect(entry: TeamLogEntry): void {
    const { player, event } = entry;
    switch (event.type) {
      case 'act':
      case 'choose':
      case 'ack':
      case 'inject':
      case 'say':
        this.run.send(engineEventOf(entry) as PlayerEvent);
        break;
      case 'join':
        this.members.set(player, { id: player, name: event.name, seat: event.seat, out: false });
        this.nextId = Math.max(this.nextId, Number(player.slice(1)) + 1);
        break;
      case 'handover': {
        const from = this.members.get(player) as TeamMember;
        const to = this.members.get(event.to) as TeamMember;
        from.seat = to.seat === 'ic' ? 'ops' : to.seat;
        to.seat = 'ic';
        break;
      }
      case 'take-command':
        (this.members.get(player) as TeamMember).seat = 'ic';
        break;
      case 'remove':
        (this.members.get(event.player) as TeamMember).out = true;
        break;
      case 'start':
        this.started = true;
        break;
      case 'pause':
        this.paused = true;
        break;
      case 'resume':
        this.paused = false;
        break;
      case 'speed':
        this.speed = event.speed;
        break;
      case 'end':
        this.endedBy = { at: this.run.t, by: 'facilitator' };
        break;
      default:
        break;
    }
  }

  /** A plain name for a seat, for messages. */
  static seatName(seat: Seat): string {
    return SEAT_NAMES[seat];
  }
}
