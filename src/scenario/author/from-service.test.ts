import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft, loadDraft } from '../../../test/support/drafts.ts';
import { runPlaythrough } from '../../sim/runner.ts';
import { renderDraft } from './draft.ts';
import { servicePartFromYaml } from './from-service.ts';
import { scenarioTemplate } from './template.ts';

const EXAMPLE = readFileSync(new URL('../../../docs/examples/service.yaml', import.meta.url), 'utf8');

function fromService(text: string, file = 'service.yaml') {
  return servicePartFromYaml(text, file);
}

describe('--from-service with the documented example', () => {
  const part = fromService(EXAMPLE);
  const draft = scenarioTemplate('auth-game-day', { service: part.value! });
  const scenario = loadDraft(draft).scenario!;

  it('reads the example without problems', () => {
    expect(part.diagnostics).toEqual([]);
  });

  it('gives a scenario that passes the checker with no errors or warnings', () => {
    expect(checkDraft(draft).problems).toEqual([]);
  });

  it('carries the service, its SLOs (p95 < 100 ms becomes 95% under 100 ms) and its on-call into the scenario', () => {
    expect(scenario.service).toMatchObject({ name: 'user-auth-service', team: 'sre-platform' });
    expect(scenario.service.slos[0]).toMatchObject({ kind: 'availability', objective: 99.99, window: 30 * 86400 });
    expect(scenario.service.slos[1]).toMatchObject({ kind: 'latency', objective: 95, thresholdMs: 100 });
    expect(scenario.briefing).toContain('weekly rotation');
  });

  it('keeps the alerts exactly as configured, with the burn they mean', () => {
    expect(scenario.alerts.map((a) => [a.id, a.name, a.severity, a.route, a.runbook])).toEqual([
      ['high-error-rate-alert', 'HighErrorRateAlert', 'critical', 'page', 'high-error-rate'],
      ['high-latency-alert', 'HighLatencyAlert', 'warning', 'chat', 'high-latency'],
    ]);
    expect(scenario.alerts[0]?.rule).toMatchObject({ kind: 'threshold', metric: 'errorRatio', value: 0.0005 });
    expect(scenario.alerts[1]?.rule).toMatchObject({ kind: 'threshold', metric: 'p95', value: 200 });
    expect(loadDraft(draft).text).toContain('# 0.05% errors is a 5x burn of a 99.99% SLO');
  });

  it('turns the canary into cohorts and capacity metrics into signals (request rate is built in)', () => {
    expect(scenario.telemetry.cohorts.map((c) => [c.id, c.share])).toEqual([['stable', 0.9], ['canary', 0.1]]);
    expect(scenario.telemetry.signals.map((s) => s.id)).toEqual(['cpu', 'memory']);
    expect(scenario.telemetry).toMatchObject({ rps: 1200, errorRatio: 0.00002, latency: { p50: 22, p95: 68, p99: 140 } });
  });

  it('writes a runbook stub per runbook, with the steps and the rollback policy\'s open question', () => {
    const files = renderDraft(draft);
    expect(files.map((f) => f.path)).toEqual(['scenario.yaml', 'runbooks/high-error-rate.md', 'runbooks/high-latency.md']);
    const stub = files[1]!.text;
    expect(stub).toContain('2. Check deploys and config changes in the last hour.');
    expect(stub).toContain('does not say whether on the canary or the whole service');
    expect(files[2]!.text).toContain('TODO: the first thing to check');
  });

  it('plays: the bad release hits the canary; aborting it resolves, ignoring it exhausts the 4.32-minute budget', () => {
    const win = runPlaythrough(scenario, { choices: [{ at: 200, ack: true }, { at: 210, do: 'roll-back' }] });
    expect(win.ending?.outcome).toBe('resolved');
    const lose = runPlaythrough(scenario, { choices: [] });
    expect(lose.ending?.outcome).toBe('exhausted');
  });
});

describe('--from-service with a minimal file', () => {
  it('guesses baselines inside the SLOs and adds a paging alert when there is none', () => {
    const part = fromService('name: tiny\nteam: solo\nslos:\n  availability: { objective: 99.5 }\n  latency: { percentile: p99, belowMs: 400 }\n');
    const draft = scenarioTemplate('tiny', { service: part.value! });
    const loaded = loadDraft(draft);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const s = loaded.scenario!;
    expect(s.telemetry.latency.p99).toBeLessThan(400);
    expect(s.telemetry.errorRatio).toBeCloseTo(0.0005, 8);
    expect(s.alerts).toHaveLength(1);
    expect(s.alerts[0]).toMatchObject({ route: 'page', rule: { kind: 'burnRate', slo: 'availability' } });
    expect(loaded.text).toContain('TODO: the service file gives no traffic figures');
    expect(runPlaythrough(s, { choices: [] }).ending?.outcome).not.toBe('resolved');
  });
});

describe('--from-service with broken files', () => {
  const at = (text: string) => fromService(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);

  it('points at each mistake with line, column and a plain-words message', () => {
    const text = [
      'name: user-auth-service',
      'team: sre-platform',
      'slos:',
      '  availability:',
      '    objective: 99.99',
      '    windw: 30d',
      'alerts:',
      '  - name: HighErrorRateAlert',
      '    threshold: 0.05',
      '    severity: critcal',
      '    route: paging',
      'deployment:',
      '  canary: { traffic: "10%", duration: 30 minutes }',
    ].join('\n');
    const result = fromService(text);
    expect(result.value).toBeUndefined();
    expect(at(text)).toEqual([
      '6:5 BR012 unknown key `windw`',
      '9:16 BR016 alert 1: `threshold` is not in the right format, got 0.05',
      '10:15 BR014 alert 1: `severity` must be one of critical, warning, info, got "critcal"',
      '13:39 BR016 `duration` must be a duration such as "90s" or "5m", got "30 minutes"',
    ]);
    expect(result.diagnostics[0]?.hint).toBe('did you mean `window`?');
    expect(result.diagnostics[1]?.hint).toContain('write the unit: an error rate such as "0.05%"');
    expect(result.diagnostics.every((d) => d.file === 'service.yaml')).toBe(true);
  });

  it('names a runbook an alert links to but the file does not define', () => {
    const text = 'name: a\nteam: b\nslos: { availability: { objective: 99.9 } }\nalerts:\n  - { name: X, threshold: 1%, severity: critical, route: page, runbook: high-eror-rate }\nrunbooks:\n  - { id: high-error-rate, title: High error rate }\n';
    const [d] = fromService(text).diagnostics;
    expect(d).toMatchObject({ line: 5, code: 'BR017' });
    expect(d?.message).toContain('no runbook has the id `high-eror-rate`; the runbooks are `high-error-rate`');
  });

  it('reports missing required fields, YAML syntax errors and a file that is not a mapping', () => {
    expect(at('name: a\nslos: { availability: { objective: 99.9 } }\n')).toEqual(['1:1 BR011 `team` is missing']);
    expect(at('name: [unclosed\nteam: x\n')[0]).toMatch(/^2:1 BR001 /);
    expect(at('- name: a\n')).toEqual(['1:1 BR005 the file holds a list, but a service ownership file is a mapping of `key: value` fields']);
    expect(at('# nothing\n')).toEqual(['1:1 BR004 the file is empty, but a service ownership file was expected']);
  });

  it('accepts percentages with or without the % sign', () => {
    const base = 'name: a\nteam: b\nslos: { availability: { objective: 99.9 } }\ndeployment: { canary: { traffic: TRAFFIC, duration: 30m } }\n';
    for (const traffic of ['"10%"', '10']) {
      const part = fromService(base.replace('TRAFFIC', traffic)).value!;
      expect(part.telemetry.cohorts?.[1]).toMatchObject({ id: 'canary', share: 0.1 });
    }
  });
});
