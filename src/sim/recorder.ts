/**
 * Keeps the per-tick series a dashboard and a debrief draw: every metric per cohort and
 * for the service, every signal, the error budget and its burn rates.
 */
import type { Scenario } from '../scenario/schema/index.ts';
import { CORE_METRICS, type TelemetryModel } from './telemetry.ts';

/** Series keys: "service.rps", "<cohort>.errorRatio", "signal.<id>", "budget.spent", "burn.1h", "burn.5m". */
export type SeriesMap = Record<string, number[]>;

/** The minimum a recorder needs from a run. */
interface Recordable {
  t: number;
  budgetSpent: number;
  primarySlo: string;
  ledgers: Map<string, { burnRate(windowSeconds: number): number }>;
}

/** Appends one value per series per tick. */
export class Recorder {
  readonly time: number[] = [];
  readonly series: SeriesMap = {};
  private readonly cohortColumns: number[][] = [];
  private readonly globalColumns: number[][] = [];
  private readonly signalColumns: number[][] = [];
  private readonly spent: number[];
  private readonly burn1h: number[];
  private readonly burn5m: number[];

  constructor(
    scenario: Scenario,
    private readonly telemetry: TelemetryModel,
    _capacity: number,
  ) {
    const column = (key: string): number[] => (this.series[key] = []);
    for (const m of CORE_METRICS) this.globalColumns.push(column(`service.${m}`));
    for (const c of scenario.telemetry.cohorts) for (const m of CORE_METRICS) this.cohortColumns.push(column(`${c.id}.${m}`));
    for (const s of scenario.telemetry.signals) this.signalColumns.push(column(`signal.${s.id}`));
    this.spent = column('budget.spent');
    this.burn1h = column('burn.1h');
    this.burn5m = column('burn.5m');
  }

  record(run: Recordable): void {
    const { cohorts, global, signals } = this.telemetry.sample;
    this.time.push(run.t);
    for (let i = 0; i < this.globalColumns.length; i++) (this.globalColumns[i] as number[]).push(global[i] as number);
    for (let i = 0; i < this.cohortColumns.length; i++) (this.cohortColumns[i] as number[]).push(cohorts[i] as number);
    for (let i = 0; i < this.signalColumns.length; i++) (this.signalColumns[i] as number[]).push(signals[i] as number);
    this.spent.push(run.budgetSpent);
    const ledger = run.ledgers.get(run.primarySlo);
    this.burn1h.push(ledger ? ledger.burnRate(3600) : 0);
    this.burn5m.push(ledger ? ledger.burnRate(300) : 0);
  }
}
