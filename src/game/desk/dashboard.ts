/**
 * Which charts the dashboard shows for a scenario and what is on each: request rate and
 * error ratio per cohort, latency percentiles, one chart per saturation signal, with the
 * SLO and alert thresholds drawn as lines. Derived from the scenario's declarations only.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import { formatMs, formatPercent, formatRps, formatSignal } from '../ui/format.ts';
import { SERIES, seriesCss } from '../ui/theme.ts';
import type { ChartLine } from './chart-scale.ts';

export interface ChartSpec {
  title: string;
  series: Array<{ key: string; label: string; colour: string; faint?: boolean }>;
  lines: ChartLine[];
  format: (v: number) => string;
  log?: boolean;
  floorMax?: number;
  /** The recorder series the big number reads, and what it is ("all traffic", "p95"). */
  headline: { key: string; label: string };
}

const SLO_COLOUR = '#ff5d5d';
const ALERT_COLOUR = '#ffb547';

/** An alert's threshold line: its name, cut if the chart is narrow, and its threshold, never cut. */
function thresholdLine(name: string, threshold: string, value: number): ChartLine {
  return { value, label: `${name} ${threshold}`, colour: ALERT_COLOUR, keepEnd: threshold.length + 1 };
}

/** Charts on one page of the desk's dashboard. */
export const CHARTS_PER_PAGE = 4;
/** Lines one chart can tell apart by colour; a unit shared by more signals is split over several charts. */
export const MAX_SERIES = SERIES.length;

/** The charts for a scenario, most important first; the desk pages through all of them. */
export function dashboardCharts(s: Scenario): ChartSpec[] {
  const cohorts = s.telemetry.cohorts;
  const many = cohorts.length > 1;
  const cohortSeries = (metric: string) =>
    many ? cohorts.map((c, i) => ({ key: `${c.id}.${metric}`, label: c.label, colour: seriesCss(i) })) : [{ key: `service.${metric}`, label: 'all traffic', colour: seriesCss(0) }];
  const thresholds = (metric: string, format?: (v: number) => string) =>
    s.alerts.flatMap((a) =>
      a.rule.kind === 'threshold' && a.rule.metric === metric ? [thresholdLine(a.name ?? a.id, (format ?? (metric === 'errorRatio' ? formatPercent : metric === 'rps' ? formatRps : formatMs))(a.rule.value), a.rule.value)] : [],
    );
  const availability = s.service.slos.filter((x) => x.kind === 'availability');
  const latency = s.service.slos.filter((x) => x.kind === 'latency' && x.thresholdMs !== undefined);

  const charts: ChartSpec[] = [
    {
      title: 'Error ratio',
      series: cohortSeries('errorRatio'),
      lines: [
        ...availability.map((x) => ({ value: 1 - x.objective / 100, label: `SLO ${formatPercent(x.objective / 100)}`, colour: SLO_COLOUR })),
        ...thresholds('errorRatio'),
      ],
      format: formatPercent,
      log: true,
      // The service total, whatever the cohorts: a fifth of shoppers failing is not hidden behind the calm cohort.
      headline: { key: 'service.errorRatio', label: 'all traffic' },
    },
    {
      title: 'Request rate',
      series: cohortSeries('rps'),
      lines: thresholds('rps'),
      format: formatRps,
      headline: { key: 'service.rps', label: 'all traffic' },
    },
    {
      title: 'Latency (all traffic)',
      series: [
        { key: 'service.p99', label: 'p99', colour: '#f778ba' },
        { key: 'service.p95', label: 'p95', colour: '#c792ea' },
        { key: 'service.p50', label: 'p50', colour: '#8ab4ff', faint: true },
      ],
      lines: [
        ...latency.map((x) => ({ value: x.thresholdMs as number, label: `SLO ${formatMs(x.thresholdMs as number)}`, colour: SLO_COLOUR })),
        ...thresholds('p50'),
        ...thresholds('p95'),
        ...thresholds('p99'),
      ],
      format: formatMs,
      headline: { key: 'service.p95', label: 'p95' },
    },
  ];
  // Saturation: signals that share a unit and a scale share a chart (CPU of canary, stable
  // and a dependency side by side), so three CPU signals still fit one panel.
  const groups = saturationGroups(s.telemetry.signals);
  for (const group of groups) {
    const unit = (group[0] as Signal).unit;
    const sameUnit = groups.filter((g) => g.length > 1 && (g[0] as Signal).unit === unit);
    const part = sameUnit.length > 1 ? ` ${sameUnit.indexOf(group) + 1}/${sameUnit.length}` : '';
    const limits = [...new Set(group.flatMap((g) => (g.limit !== undefined ? [g.limit] : [])))];
    // A limit that is not every line's says whose it is.
    const limitLabel = (v: number) => {
      const own = group.filter((g) => g.limit === v);
      const whose = own.length === group.length ? '' : own.length === 1 ? ` (${(own[0] as Signal).label})` : ` (${own.length} of ${group.length} lines)`;
      return `limit ${formatSignal(v, unit)}${whose}`;
    };
    charts.push({
      title: group.length === 1 ? (group[0] as Signal).label : `Saturation${unit ? ` (${unit})` : ''}${part}`,
      series: group.map((g, i) => ({ key: `signal.${g.id}`, label: g.label, colour: seriesCss((i + 3) % SERIES.length) })),
      lines: [
        ...limits.map((v) => ({ value: v, label: limitLabel(v), colour: SLO_COLOUR })),
        ...group.flatMap((g) => thresholds(g.id, (v) => formatSignal(v, unit))),
      ],
      format: (v) => formatSignal(v, unit),
      floorMax: unit === '%' ? 100 : undefined,
      // Signals do not add up: a shared chart's big number names the signal it reads.
      headline: { key: `signal.${(group[0] as Signal).id}`, label: group.length === 1 ? '' : (group[0] as Signal).label },
    });
  }
  return charts;
}

type Signal = Scenario['telemetry']['signals'][number];

/**
 * Signals of one unit share a chart only when their scales are within this factor of each
 * other: a pool of 20 connections per pod and a database's 400 are both "conns", but on
 * one axis the pool is a flat line along the floor and its limit means nothing to the other.
 */
export const SHARED_SCALE = 4;

/** Where a signal's values live: its limit, else its ceiling, else twice its baseline. */
function scaleOf(sig: Signal): number {
  return sig.limit ?? sig.max ?? (Math.abs(sig.baseline) * 2 || 1);
}

/**
 * The saturation charts' signals: each joins the first chart so far with its unit, a
 * scale within {@link SHARED_SCALE} of every line there, and room for another line; else
 * it starts a chart. Declared order is kept.
 */
export function saturationGroups(signals: readonly Signal[]): Signal[][] {
  const groups: Signal[][] = [];
  for (const sig of signals) {
    const scale = scaleOf(sig);
    const fits = (g: Signal[]) =>
      (g[0] as Signal).unit === sig.unit && g.length < MAX_SERIES && g.every((other) => Math.max(scale, scaleOf(other)) <= SHARED_SCALE * Math.min(scale, scaleOf(other)));
    const group = groups.find(fits);
    if (group) group.push(sig);
    else groups.push([sig]);
  }
  return groups;
}
