/** Reading the parts of a postmortem a draft is built from: times, labels, figures. */
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './postmortem.ts';
import { figuresFrom } from './postmortem-figures.ts';
import { startingBudget } from './postmortem-budget.ts';
import { idFromLabel, labelOf } from './postmortem-text.ts';

const timeline = (lines: string[]) => parsePostmortem(`# T\n\n## Timeline\n${lines.join('\n')}\n`, 'pm.md');
const times = (lines: string[]) => timeline(lines).value!.timeline.map((e) => [e.clock, e.t, e.text]);

describe('times in every common form, counted from the first event', () => {
  it('reads clock times with seconds and zones, and never cuts the text at a colon', () => {
    expect(times(['- 13:42 — Deploy starts', '- 13:42:10 UTC: Alert fires', '- 13:50 Dana confirms the 13:40 deploy'])).toEqual([
      ['13:42', 0, 'Deploy starts'],
      ['13:42:10 UTC', 10, 'Alert fires'],
      ['13:50', 480, 'Dana confirms the 13:40 deploy'],
    ]);
  });

  it('reads 12-hour times, "at" before a time, and bracketed or bold times', () => {
    expect(times(['- 11:58 AM Deploy', '- at 12:05 PM the alert fires', '- [12:10 p.m.] Rolled back', '- **1:02 PM** — Resolved'])).toEqual([
      ['11:58 AM', 0, 'Deploy'],
      ['12:05 PM', 420, 'the alert fires'],
      ['12:10 p.m.', 720, 'Rolled back'],
      ['1:02 PM', 3840, 'Resolved'],
    ]);
  });

  it('reads ISO timestamps across days and zones', () => {
    expect(times(['- 2026-03-01T23:58:00Z Deploy', '- 2026-03-02T01:03:30+01:00 Alert fires', '- 2026-03-02 00:20 Rolled back'])).toEqual([
      ['23:58:00 UTC', 0, 'Deploy'],
      ['01:03:30 +01:00', 330, 'Alert fires'],
      ['00:20', 1320, 'Rolled back'],
    ]);
  });

  it('reads offsets from the start: T+5m, T-2m, +00:05, T+1h30m', () => {
    expect(times(['- T-2m Deploy', '- T+0 Errors begin', '- T+5m Alert fires', '- +00:12 Rolled back', '- T+1h30m Resolved']).map(([c, t]) => [c, t])).toEqual([
      ['T-2m', 0],
      ['T+0', 120],
      ['T+5m', 420],
      ['+00:12', 840],
      ['T+1h30m', 5520],
    ]);
  });

  it('takes the day from a date line above the times, as one-page templates write it', () => {
    const pm = timeline(['2026-02-03 (all times UTC)', '', '- 23:50 Deploy', '', '2026-02-05', '', '- 00:10 Resolved']).value!;
    expect(pm.timeline.map((e) => e.t)).toEqual([0, 86400 + 20 * 60]);
  });

  it('names a time that is not one, at its line', () => {
    expect(timeline(['- 14:02 Deploy', '- 13:75 Alert']).diagnostics[0]).toMatchObject({ line: 5, code: 'BR016', message: '`13:75` is not a time of day' });
    expect(timeline(['- 11:02 AM Deploy', '- 13:05 PM Alert']).diagnostics[0]).toMatchObject({ line: 5, message: '`13:05 PM` is not a time of day' });
  });
});

describe('labels an author would have written', () => {
  it.each([
    ['The SRE opens the edge dashboard', 'Open the edge dashboard', 'open-edge-dashboard'],
    ['The on-call engineer rolled back the deploy', 'Roll back the deploy', 'roll-back-deploy'],
    ['The deploy was rolled back by Sam at 14:03', 'Roll back the deploy', 'roll-back-deploy'],
    ['We disabled the feature flag; errors drop', 'Disable the feature flag', 'disable-feature-flag'],
    ['Engineers began investigating the load balancer', 'Investigate the load balancer', 'investigate-load-balancer'],
    ['The IC decided to fail over to us-west-2', 'Fail over to us-west-2', 'fail-over-to-us-west-2'],
    ['Retries were shed at the gateway', 'Shed retries at the gateway', 'shed-retries-at-gateway'],
    ['On-call opens the dashboard and sees timeouts', 'Open the dashboard', 'open-dashboard'],
    ['Checked the logs: nothing unusual', 'Check the logs', 'check-logs'],
    ['Priya confirms the 13:40 deploy caused it', 'Confirm the 13:40 deploy caused it', 'confirm-13-40-deploy-caused'],
  ])('%s → %s', (entry, label, id) => {
    expect(labelOf(entry)).toBe(label);
    expect(idFromLabel(labelOf(entry))).toBe(id);
  });

  it('keeps entries that name no action as they are', () => {
    expect(labelOf('The database fails over')).toBe('The database fails over');
    expect(labelOf('Errors spike to 80%')).toBe('Errors spike to 80%');
    expect(labelOf('The database was overloaded')).toBe('The database was overloaded');
  });
});

describe('figures taken from the text', () => {
  const figures = (body: string) => figuresFrom(parsePostmortem(`# T\n\n${body}\n\n## Timeline\n- 10:00 Deploy\n- 10:30 Rolled back\n`, 'pm.md').value!);

  it('the worst error rate, not budgets, thresholds or the recovery', () => {
    const f = figures('## Impact\n\nThe alert fires when the error rate exceeds 5% (threshold). Error rate reached 80%. 31% of the error budget was spent. Errors back under 0.1% by 10:40.');
    expect(f.errorShare).toMatchObject({ value: 0.8, quote: 'Error rate reached 80%.', line: 5 });
  });

  it('shares of requests that failed, success rates that fell, and "one in five"', () => {
    expect(figures('## Details\n\n40% of API calls failed with 503.').errorShare?.value).toBe(0.4);
    expect(figures('## Details\n\nThe success rate dropped to 70%.').errorShare?.value).toBeCloseTo(0.3);
    expect(figures('## Impact\n\nAbout one checkout in five failed.').errorShare?.value).toBe(0.2);
    expect(figures('## Impact\n\n1 in 4 logins failed.').errorShare?.value).toBe(0.25);
    expect(figures('## Details\n\nNothing measured.').errorShare).toBeUndefined();
  });

  it('latency with its percentile and unit, traffic moves, and the SLO', () => {
    const f = figures('## Impact\n\nThe p99 latency 4.2 s at worst; p50 went to 300 ms. Traffic dropped 60%. Our 99.95% availability SLO was breached.');
    expect(f.latency).toMatchObject({ metric: 'p99', value: 4200 });
    expect(f.traffic?.value).toBe(0.4);
    expect(f.objective?.value).toBe(99.95);
    expect(figures('## Impact\n\nRequest rate doubled after the campaign.').traffic?.value).toBe(2);
  });
});

describe('the starting budget, from the stated rate', () => {
  it('lets a player as fast as the real team through and runs out for one who does nothing', () => {
    // 99.9% over 30 days = 43.2 min of full outage; 80% failing is an 800× burn.
    const b = startingBudget(99.9, 0.8, 27 * 60);
    expect(b.spent).toBe(0.25);
    expect(b.lasts).toBeCloseTo((0.75 * 30 * 86400) / 800);
    expect(b.lasts).toBeGreaterThan(27 * 60);
    expect(b.problem).toBeUndefined();
  });

  it('says so when even a full budget runs out before the real fix', () => {
    const b = startingBudget(99.99, 1, 20 * 60);
    expect(b.spent).toBe(0);
    expect(b.problem).toContain('even a full budget runs out 4m after the trigger, before the real fix at 20m');
  });
});

describe('odd input never crashes the reader', () => {
  const pieces = ['# Outage\n', '## Timeline\n', '## Root cause\n', '## Impact\n', '- ', '* ', '| ', ' | ', '|---|---|\n', '14:0', '2', ':', '5', ' PM', ' UTC', 'T+', 'T-', '+00:', 'm ', 'at ', '2026-02-0', 'T', 'Z ', '\n', '\n\n', 'The SRE ', 'rolled back ', 'the deploy', '. ', 'error rate ', '80%', 'p99 ', '4.2 s', ' was ', 'reverted', '`', '**', '[', ']', '(', ')', '\u0000', '\r', 'é', '…'];
  it('for any mix of postmortem fragments: a draft that loads, or located diagnostics', async () => {
    const fc = await import('fast-check');
    const { scenarioFromPostmortem } = await import('./from-postmortem.ts');
    const { loadDraft } = await import('../../../test/support/drafts.ts');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        const result = scenarioFromPostmortem('odd', text, 'pm.md');
        if (!result.value) {
          expect(result.diagnostics.length).toBeGreaterThan(0);
          for (const d of result.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
          return;
        }
        expect(loadDraft(result.value).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
