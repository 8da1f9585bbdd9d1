import { describe, expect, it } from 'vitest';
import { Scenario } from '../../scenario/schema/index.ts';
import { fixtureInput } from '../../../test/fixtures/sim-fixture.ts';
import { dashboardCharts } from './dashboard.ts';

describe('dashboard charts', () => {
  const s = Scenario.parse({
    ...fixtureInput,
    telemetry: {
      ...fixtureInput.telemetry,
      signals: [
        { id: 'cpu-a', label: 'CPU canary', unit: '%', baseline: 40, max: 100, limit: 80 },
        { id: 'cpu-b', label: 'CPU stable', unit: '%', baseline: 40, max: 100, limit: 80 },
        { id: 'pool', label: 'DB pool', unit: 'conns', baseline: 10, limit: 50 },
      ],
    },
  });
  const charts = dashboardCharts(s);

  it('tells cohorts apart on error ratio and request rate, with the SLO line', () => {
    const errors = charts[0];
    expect(errors?.title).toBe('Error ratio');
    expect(errors?.series.map((x) => x.key)).toEqual(['stable.errorRatio', 'canary.errorRatio']);
    expect(new Set(errors?.series.map((x) => x.colour)).size).toBe(2);
    expect(errors?.lines.map((l) => l.label)).toContain('SLO 99.9%');
    expect(errors?.lines.find((l) => l.label.startsWith('SLO'))?.value).toBeCloseTo(0.001, 12);
    expect(charts[1]?.series.map((x) => x.key)).toEqual(['stable.rps', 'canary.rps']);
  });

  it('draws the latency SLO threshold on the latency chart', () => {
    const latency = charts[2];
    expect(latency?.series.map((x) => x.key)).toEqual(['service.p99', 'service.p95', 'service.p50']);
    expect(latency?.lines).toEqual([expect.objectContaining({ value: 300, label: 'SLO 300 ms' })]);
  });

  it('puts saturation signals with the same unit on one chart, with their limit', () => {
    expect(charts.slice(3).map((c) => c.title)).toEqual(['Saturation (%)', 'DB pool']);
    expect(charts[3]?.series.map((x) => x.key)).toEqual(['signal.cpu-a', 'signal.cpu-b']);
    expect(charts[3]?.lines.map((l) => l.value)).toEqual([80]);
  });

  it('reads the service total for the big number of error ratio and request rate, and names it', () => {
    expect(charts[0]?.headline).toEqual({ key: 'service.errorRatio', label: 'all traffic' });
    expect(charts[1]?.headline).toEqual({ key: 'service.rps', label: 'all traffic' });
    expect(charts[2]?.headline).toEqual({ key: 'service.p95', label: 'p95' });
    expect(charts[3]?.headline.label).toBe('CPU canary');
  });

  it('keeps signals of one unit but far apart in scale on charts of their own, and says whose a limit is', () => {
    const pools = Scenario.parse({
      ...fixtureInput,
      telemetry: {
        ...fixtureInput.telemetry,
        signals: [
          { id: 'pool', label: 'DB pool in use (per pod)', unit: 'conns', baseline: 6, max: 20, limit: 20 },
          { id: 'waiting', label: 'Waiting', unit: 'threads', baseline: 1 },
          { id: 'db', label: 'orders-db connections', unit: 'conns', baseline: 300, max: 400, limit: 400 },
          { id: 'replica', label: 'replica connections', unit: 'conns', baseline: 250, limit: 400 },
          { id: 'idle', label: 'idle in pool', unit: 'conns', baseline: 4, max: 20 },
        ],
      },
    });
    const saturation = dashboardCharts(pools).slice(3);
    expect(saturation.map((c) => c.series.map((x) => x.key))).toEqual([['signal.pool', 'signal.idle'], ['signal.waiting'], ['signal.db', 'signal.replica']]);
    expect(saturation[0]?.lines.map((l) => l.label)).toEqual(['limit 20 conns (DB pool in use (per pod))']);
    expect(saturation[2]?.lines.map((l) => l.label)).toEqual(['limit 400 conns']);
    expect(saturation.map((c) => c.title)).toEqual(['Saturation (conns) 1/2', 'Waiting', 'Saturation (conns) 2/2']);
  });

  it('puts every declared signal on some chart, however many share a unit', () => {
    const many = Scenario.parse({
      ...fixtureInput,
      telemetry: {
        ...fixtureInput.telemetry,
        signals: Array.from({ length: 8 }, (_, i) => ({ id: `cpu-${i}`, label: `CPU ${i}`, unit: '%', baseline: 40, max: 100 })),
      },
    });
    const all = dashboardCharts(many);
    const keys = all.flatMap((c) => c.series.map((x) => x.key));
    for (let i = 0; i < 8; i++) expect(keys).toContain(`signal.cpu-${i}`);
    expect(all.every((c) => c.series.length <= 6)).toBe(true);
  });
});
