/**
 * Which charts the dashboard shows for a scenario and what is on each: request rate and
 * error ratio per cohort, latency percentiles, one chart per saturation signal, with the
 * SLO and alert thresholds drawn as lines. Derived from the scenario's declarations only.
 */
import type { Scenario } from '../../scenario/schema/index.ts';
import { formatMs, formatPercent, formatRps, formatSignal } from '../ui/format.ts';
import { SERIES, seriesCss } from '../ui/theme.ts';

export interface ChartSpec {
  title: string;
  series: Array<{ key: string; label: string; colour: string; faint?: boolean }>;
  lines: Array<{ value: number; label: string; colour: string }>;
  format: (v: number) => string;
  log?: boolean;
  floorMax?: number;
  headline?: number;
}

const SLO_COLOUR = '#ff5d5d';
const ALERT_COLOUR = '#ffb547';

/** The charts for a scenario, most important first; the desk shows as many as fit. */
export function dashboardCharts(s: Scenario): ChartSpec[] {
  const cohorts = s.telemetry.cohorts;
  const many = cohorts.length > 1;
  const cohortSeries = (metric: string) =>
    many ? cohorts.map((c, i) => ({ key: `${c.id}.${metric}`, label: c.label, colour: seriesCss(i) })) : [{ key: `service.${metric}`, label: 'all traffic', colour: seriesCss(0) }];
  const thresholds = (metric: string) =>
    s.alerts.flatMap((a) =>
      a.rule.kind === 'threshold' && a.rule.metric === metric ? [{ value: a.rule.value, label: `${a.name ?? a.id} ${metric === 'errorRatio' ? formatPercent(a.rule.value) : formatMs(a.rule.value)}`, colour: ALERT_COLOUR }] : [],
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
    },
    {
      title: 'Request rate',
      series: cohortSeries('rps'),
      lines: [],
      format: formatRps,
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
        ...thresholds('p95'),
        ...thresholds('p99'),
      ],
      format: formatMs,
      headline: 1,
    },
  ];
  // Saturation: signals that share a unit share a chart (CPU of canary, stable and a
  // dependency side by side), so three CPU signals still fit one panel.
  const byUnit = new Map<string, typeof s.telemetry.signals>();
  for (const sig of s.telemetry.signals) byUnit.set(sig.unit, [...(byUnit.get(sig.unit) ?? []), sig]);
  for (const [unit, group] of byUnit) {
    const limits = [...new Set(group.flatMap((g) => (g.limit !== undefined ? [g.limit] : [])))];
    charts.push({
      title: group.length === 1 ? (group[0] as (typeof group)[number]).label : `Saturation${unit ? ` (${unit})` : ''}`,
      series: group.slice(0, SERIES.length).map((g, i) => ({ key: `signal.${g.id}`, label: g.label, colour: seriesCss((i + 3) % SERIES.length) })),
      lines: [
        ...limits.map((v) => ({ value: v, label: `limit ${formatSignal(v, unit)}`, colour: SLO_COLOUR })),
        ...group.flatMap((g) => thresholds(g.id)),
      ],
      format: (v) => formatSignal(v, unit),
      floorMax: unit === '%' ? 100 : undefined,
    });
  }
  return charts;
}
