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
  /** The recorder series the big number reads, and what it is ("all traffic", "p95"). */
  headline: { key: string; label: string };
}

const SLO_COLOUR = '#ff5d5d';
const ALERT_COLOUR = '#ffb547';

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
      a.rule.kind === 'threshold' && a.rule.metric === metric ? [{ value: a.rule.value, label: `${a.name ?? a.id} ${(format ?? (metric === 'errorRatio' ? formatPercent : metric === 'rps' ? formatRps : formatMs))(a.rule.value)}`, colour: ALERT_COLOUR }] : [],
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
  // Saturation: signals that share a unit share a chart (CPU of canary, stable and a
  // dependency side by side), so three CPU signals still fit one panel.
  const byUnit = new Map<string, typeof s.telemetry.signals>();
  for (const sig of s.telemetry.signals) byUnit.set(sig.unit, [...(byUnit.get(sig.unit) ?? []), sig]);
  for (const [unit, all] of byUnit) for (let from = 0; from < all.length; from += MAX_SERIES) {
    const group = all.slice(from, from + MAX_SERIES);
    const part = all.length > MAX_SERIES ? ` ${from / MAX_SERIES + 1}/${Math.ceil(all.length / MAX_SERIES)}` : '';
    const limits = [...new Set(group.flatMap((g) => (g.limit !== undefined ? [g.limit] : [])))];
    charts.push({
      title: group.length === 1 ? (group[0] as (typeof group)[number]).label : `Saturation${unit ? ` (${unit})` : ''}${part}`,
      series: group.map((g, i) => ({ key: `signal.${g.id}`, label: g.label, colour: seriesCss((i + 3) % SERIES.length) })),
      lines: [
        ...limits.map((v) => ({ value: v, label: `limit ${formatSignal(v, unit)}`, colour: SLO_COLOUR })),
        ...group.flatMap((g) => thresholds(g.id, (v) => formatSignal(v, unit))),
      ],
      format: (v) => formatSignal(v, unit),
      floorMax: unit === '%' ? 100 : undefined,
      // Signals do not add up: a shared chart's big number names the signal it reads.
      headline: { key: `signal.${(group[0] as (typeof group)[number]).id}`, label: group.length === 1 ? '' : (group[0] as (typeof group)[number]).label },
    });
  }
  return charts;
}
