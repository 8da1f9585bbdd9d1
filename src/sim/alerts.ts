/**
 * Alert rules as the engine evaluates them: a condition over telemetry or SLO burn,
 * moving each alert inactive → pending → firing → resolved.
 */
import type { Alert, Scenario } from '../scenario/schema/index.ts';
import type { SloLedger } from './ledger.ts';
import type { TelemetryModel } from './telemetry.ts';

export type AlertState = 'inactive' | 'pending' | 'firing' | 'resolved';

/** One alert's live status. */
export interface AlertStatus {
  id: string;
  name: string;
  severity: Alert['severity'];
  route: Alert['route'];
  summary: string;
  runbook: string | null;
  state: AlertState;
  /** When the current state began. */
  since: number;
  /** Last time it went to firing, or null. */
  firedAt: number | null;
  acked: boolean;
  silenced: boolean;
  /** The value the rule compares (metric value, or the lower of the two burn rates). */
  value: number;
  threshold: number;
}

/** A change of alert state, as the transcript records it. */
export interface AlertTransition {
  t: number;
  alert: string;
  from: AlertState;
  to: AlertState;
  value: number;
}

/**
 * A rule ready to evaluate every tick without calls through closures: a threshold reads
 * `array[index]` (a telemetry sample), a burn-rate rule asks its ledger.
 */
interface CompiledAlert {
  def: Alert;
  hold: number;
  /** Breached when the value is above the limit (else below it). */
  above: boolean;
  limit: number;
  array: Float64Array | null;
  index: number;
  ledger: SloLedger | null;
  longWindow: number;
  shortWindow: number;
}

/** Compiles the scenario's alert rules against a telemetry model and SLO ledgers. */
export class AlertBoard {
  readonly status: AlertStatus[];
  private readonly compiled: CompiledAlert[];

  constructor(scenario: Scenario, telemetry: TelemetryModel, ledgers: Map<string, SloLedger>) {
    this.compiled = scenario.alerts.map((def): CompiledAlert => {
      const rule = def.rule;
      if (rule.kind === 'threshold') {
        // An unknown metric reads NaN, which breaches nothing.
        const at = telemetry.locate(rule.metric, rule.cohort) ?? { array: Float64Array.of(NaN), index: 0 };
        return { def, hold: rule.for, above: rule.op === 'above', limit: rule.value, array: at.array, index: at.index, ledger: null, longWindow: 0, shortWindow: 0 };
      }
      const ledger = ledgers.get(rule.slo) ?? null;
      return { def, hold: rule.for, above: true, limit: rule.burnRate, array: null, index: 0, ledger, longWindow: rule.longWindow, shortWindow: rule.shortWindow };
    });
    this.status = scenario.alerts.map((def) => ({
      id: def.id,
      name: def.name ?? def.id,
      severity: def.severity,
      route: def.route,
      summary: def.summary ?? '',
      runbook: def.runbook ?? null,
      state: 'inactive',
      since: 0,
      firedAt: null,
      acked: false,
      silenced: false,
      value: 0,
      threshold: def.rule.kind === 'threshold' ? def.rule.value : def.rule.burnRate,
    }));
  }

  /** Re-evaluates every rule at time t; returns the state changes. */
  evaluate(t: number, out: AlertTransition[]): void {
    for (let i = 0; i < this.compiled.length; i++) {
      const c = this.compiled[i] as CompiledAlert;
      const s = this.status[i] as AlertStatus;
      let value = 0;
      if (c.array) value = c.array[c.index] as number;
      else if (c.ledger) value = Math.min(c.ledger.burnRate(c.longWindow), c.ledger.burnRate(c.shortWindow));
      const met = c.above ? value > c.limit : value < c.limit;
      s.value = value;
      const active = met && !s.silenced;
      const prev = s.state;
      if (active) {
        if (prev === 'inactive' || prev === 'resolved') this.move(s, 'pending', t, out);
        if (s.state === 'pending' && t - s.since >= c.hold) {
          this.move(s, 'firing', t, out);
          s.firedAt = t;
          s.acked = false;
        }
      } else if (prev === 'pending') {
        this.move(s, 'inactive', t, out);
      } else if (prev === 'firing') {
        this.move(s, 'resolved', t, out);
      }
    }
  }

  private move(s: AlertStatus, to: AlertState, t: number, out: AlertTransition[]): void {
    out.push({ t, alert: s.id, from: s.state, to, value: s.value });
    s.state = to;
    s.since = t;
  }

  /** Stops an alert from firing (a silence, or a threshold raised out of reach). */
  silence(id: string, t: number, out: AlertTransition[]): void {
    const s = this.status.find((a) => a.id === id);
    if (!s) return;
    s.silenced = true;
    if (s.state === 'firing') this.move(s, 'resolved', t, out);
    else if (s.state === 'pending') this.move(s, 'inactive', t, out);
  }

  /** Acknowledges every firing page; returns the ids acknowledged. */
  ackPages(): string[] {
    const acked: string[] = [];
    for (const s of this.status) {
      if (s.route === 'page' && s.state === 'firing' && !s.acked) {
        s.acked = true;
        acked.push(s.id);
      }
    }
    return acked;
  }

  /** Sends every firing page again (it needs a new acknowledgement); returns their ids. */
  repage(): string[] {
    const ids: string[] = [];
    for (const s of this.status) {
      if (s.route === 'page' && s.state === 'firing') {
        s.acked = false;
        ids.push(s.id);
      }
    }
    return ids;
  }

  /** Ids of alerts firing now. */
  firingIds(into: Set<string>): void {
    into.clear();
    for (const s of this.status) if (s.state === 'firing') into.add(s.id);
  }
}
