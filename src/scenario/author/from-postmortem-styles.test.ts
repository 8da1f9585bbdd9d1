/**
 * `new --from-postmortem` on postmortems written in four common styles (a timeline table,
 * a bullet list with 12-hour times, prose paragraphs without a Timeline section, and a
 * one-page "Lessons learned" document): what an author opening the draft would notice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../test/support/drafts.ts';
import { runPlaythrough } from '../../sim/runner.ts';
import type { Scenario } from '../schema/index.ts';
import { scenarioFromPostmortem } from './from-postmortem.ts';
import { parsePostmortem } from './postmortem.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/postmortems/${name}`, import.meta.url), 'utf8');

function draftOf(name: string) {
  const result = scenarioFromPostmortem('drill', fixture(name), name);
  expect(result.diagnostics).toEqual([]);
  const { loaded, problems } = checkDraft(result.value!);
  return { scenario: loaded.scenario as Scenario, problems, text: (loaded as { text?: string }).text ?? '', timeline: parsePostmortem(fixture(name), name).value!.timeline };
}

const impact = (s: Scenario) => s.phases.find((p) => p.id === 'impact')!;
const telemetry = (s: Scenario, metric: string) => impact(s).onEnter.telemetry.find((t) => t.metric === metric);
const labels = (s: Scenario) => s.actions.map((a) => `${a.id}: ${a.label}`);
const fact = (s: Scenario, id: string) => s.facts.find((f) => f.id === id)?.text;

/** Only the judgement calls a draft should leave: evidence, coverage and scoring warnings, never an error. */
function expectOnlyDraftWarnings(problems: ReturnType<typeof checkDraft>['problems']) {
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(new Set(problems.map((p) => p.code))).toSatisfy((codes: Set<string>) => [...codes].every((c) => ['BR060', 'BR061', 'BR062', 'BR063', 'BR064', 'BR068'].includes(c)));
}

describe('a Markdown timeline table (global WAF push)', () => {
  const { scenario, problems, text } = draftOf('table-timeline.md');

  it('turns third-person and passive rows into instructions with clean ids', () => {
    expect(labels(scenario)).toEqual([
      'open-edge-dashboard: Open the edge dashboard',
      'restart-proxies-in-one: Restart the proxies in one region',
      'declare-sev1-incident: Declare a SEV1 incident',
      'confirm-13-40-rule-push: Confirm the 13:40 rule push lines up with the CPU spike',
      'flip-global-waf-kill: Flip the global WAF kill switch',
    ]);
    expect(scenario.service.name).toBe('edge-proxy');
  });

  it('plays the stated 80% error rate and 4.2 s p99, and derives the budget from them', () => {
    expect(telemetry(scenario, 'errorRatio')?.to).toBe(0.8);
    expect(telemetry(scenario, 'p99')?.to).toBe(4200);
    // 99.9% over 30 days, 80% failing: an 800× burn; the fix came 27 minutes after the push.
    expect(scenario.service.slos[0]?.budgetSpentAtStart).toBe(0.25);
    expect(text).toContain('80% failing burns it 800× as fast as the SLO allows, so the 75% left lasts 41m after the trigger (the real fix came 27m in)');
  });

  it('keeps the root cause and each contributing factor as their own facts, whole', () => {
    expect(fact(scenario, 'root-cause')).toBe("The rule's regular expression, (?:.*=.*), backtracks without bound on some inputs, so a single request could hold a proxy core for seconds.");
    expect(fact(scenario, 'contributing-2')).toBe('The CPU guard that should have stopped a runaway rule had been removed in a refactor weeks before.');
    expect(scenario.facts.filter((f) => f.id.startsWith('contributing-'))).toHaveLength(3);
    const revealed = scenario.actions.flatMap((a) => a.effects.reveal ?? []);
    expect(revealed).toEqual(expect.arrayContaining(['root-cause', 'contributing-1', 'contributing-2', 'contributing-3']));
  });

  it('checks with no errors, and plays: as fast as the real team survives, doing nothing runs out', () => {
    expectOnlyDraftWarnings(problems);
    const win = runPlaythrough(scenario, { choices: [{ at: 300, ack: true }, { at: 120 + 27 * 60, do: 'flip-global-waf-kill' }] });
    expect(win.ending?.outcome).toBe('resolved');
    expect(runPlaythrough(scenario, { choices: [] }).ending?.outcome).toBe('exhausted');
  });
});

describe('a bullet list with 12-hour times (index migration)', () => {
  const { scenario, problems, timeline } = draftOf('bullet-list.md');

  it('reads "1:58 PM" and "2:15 PM:" as times, counted from the first entry', () => {
    expect(timeline.map((e) => [e.clock, e.t])).toEqual([
      ['1:58 PM', 0], ['2:04 PM', 360], ['2:11 PM', 780], ['2:15 PM', 1020], ['2:22 PM', 1440], ['2:30 PM', 1920],
      ['2:36 PM', 2280], ['2:41 PM', 2580], ['2:48 PM', 3000], ['2:53 PM', 3300],
    ]);
  });

  it('labels past-tense and passive entries as instructions, stopping at the first action', () => {
    expect(labels(scenario)).toEqual([
      'check-search-dashboards: Check the search dashboards',
      "reduce-migration-job-throughput: Reduce the migration job's throughput",
      'escalate-to-storage-on-call: Escalate to the storage on-call',
      'find-that-new-nodes: Find that the new nodes were provisioned with slower disks',
      'pause-migration: Pause the migration',
      'post-update: Post a status update',
    ]);
    expect(scenario.actions.find((a) => a.id === 'pause-migration')?.effects.goto).toBe('recovering');
  });

  it('takes 35% failing, a 9 s p99 and the 99.5% SLO from the text; two root-cause paragraphs are two facts', () => {
    expect(telemetry(scenario, 'errorRatio')?.to).toBe(0.35);
    expect(telemetry(scenario, 'p99')?.to).toBe(9000);
    expect(scenario.service.slos[0]?.objective).toBe(99.5);
    expect(fact(scenario, 'root-cause')).toMatch(/^The new storage nodes were ordered with network-attached disks/);
    expect(fact(scenario, 'root-cause-2')).toBe('The migration plan had no step to compare query latency on the new nodes before moving traffic.');
    expect(scenario.messages.map((m) => m.when.at)).toEqual([26 * 60]);
    expectOnlyDraftWarnings(problems);
  });
});

describe('prose paragraphs without a Timeline section (certificate expiry)', () => {
  const { scenario, problems, timeline, text } = draftOf('prose.md');

  it('builds the timeline from timed sentences: "at 09:12 UTC", "Four minutes later", "By 09:26 UTC"', () => {
    expect(timeline.map((e) => [e.t, e.text])).toEqual([
      [0, 'The TLS certificate for the login endpoint expired.'],
      [240, 'The synthetic login probe alerted the on-call engineer.'],
      [540, 'The on-call engineer checked the certificate on the load balancer and saw that it had expired.'],
      [840, 'The incident commander had posted a status page update.'],
      [1320, 'The on-call engineer deployed a manually issued certificate to the load balancer.'],
      [1500, 'Logins were back to normal.'],
    ]);
    expect(timeline.map((e) => e.line)).toEqual([8, 14, 14, 16, 16, 17]);
  });

  it('makes the manual certificate the fix, and plays the traffic drop and failure rate the text states', () => {
    expect(labels(scenario)).toEqual([
      'check-certificate-on-load: Check the certificate on the load balancer',
      'post-status-page-update: Post a status page update',
      'deploy-manually-issued-certificate: Deploy a manually issued certificate to the load balancer',
    ]);
    expect(telemetry(scenario, 'rps')?.factor).toBe(0.4);
    expect(telemetry(scenario, 'errorRatio')?.to).toBe(0.6);
    expect(text).toContain('objective: 99.9 # TODO: the postmortem names no SLO; 99.9% is a guess');
    expectOnlyDraftWarnings(problems);
  });
});

describe('a one-page "Lessons learned" document (retry storm across midnight)', () => {
  const { scenario, problems, timeline } = draftOf('google-style.md');

  it('reads date lines, crosses midnight, and ignores the lessons', () => {
    expect(timeline[0]).toMatchObject({ clock: '23:52', t: 0 });
    expect(timeline.at(-1)).toMatchObject({ clock: '00:31', t: 39 * 60 });
    expect(timeline.some((e) => /went well|lucky/.test(e.text))).toBe(false);
  });

  it('takes the 24% peak from the header fields over the 0.1% recovery, and the 12 s p99', () => {
    expect(telemetry(scenario, 'errorRatio')?.to).toBe(0.24);
    expect(telemetry(scenario, 'p99')?.to).toBe(12000);
  });

  it('labels and facts an author can keep', () => {
    expect(labels(scenario)).toContain('call-in-fraud-check-team: Call in the fraud-check team to the bridge');
    expect(labels(scenario)).toContain('shed-retries-at-gateway: Shed retries at the gateway using the retry budget flag');
    expect(labels(scenario).at(-1)).toBe('roll-back-fraud-check: Roll back fraud-check to v3.11');
    expect(fact(scenario, 'contributing-1')).toBe('Retry limits were set per client, not per request, so the layers compounded.');
    expect(fact(scenario, 'root-cause')).toMatch(/its queues saturated; checkout requests then timed out waiting for it\.$/);
    expect(scenario.prompts[0]?.options.map((o) => o.label)).toContain('Enforce a retry budget per request across all layers');
    expectOnlyDraftWarnings(problems);
  });
});
