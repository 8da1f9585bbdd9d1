import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDraft } from '../../../test/support/drafts.ts';
import { runPlaythrough } from '../../sim/runner.ts';
import { scenarioFromPostmortem } from './from-postmortem.ts';
import { parsePostmortem } from './postmortem.ts';
import { imperative } from './postmortem-text.ts';
import { assignRoles } from './timeline-roles.ts';

const EXAMPLE = readFileSync(new URL('../../../docs/examples/postmortem.md', import.meta.url), 'utf8');

describe('--from-postmortem with the documented example', () => {
  const result = scenarioFromPostmortem('payments-pool', EXAMPLE, 'postmortem.md');
  const loaded = loadDraft(result.value!);
  const scenario = loaded.scenario!;

  it('gives a file that loads with no errors', () => {
    expect(result.diagnostics).toEqual([]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(scenario.title).toBe('Checkout payments fail after a connection-pool change');
  });

  it('builds the phases from the timeline: the trigger two minutes in, the fix, then recovery for as long as it took', () => {
    expect(scenario.phases.map((p) => p.id)).toEqual(['before', 'impact', 'recovering']);
    expect(scenario.phases[0]?.transitions[0]).toMatchObject({ to: 'impact', when: { at: 120 } });
    expect(scenario.phases[0]?.transitions[0]?.description).toContain('CHG-4471');
    expect(scenario.phases[2]?.transitions[0]).toMatchObject({ to: 'resolved', when: { inPhaseFor: 300 } });
    expect(scenario.phases[1]?.onEnter.telemetry[0]).toMatchObject({ metric: 'errorRatio', to: 0.18 });
    expect(scenario.phases[1]?.logs[0]?.text).toBe('Connection is not available, request timed out after 30000ms');
  });

  it("turns responders' steps into actions, the last fix into the winning move, and support's report into a message", () => {
    expect(scenario.actions.map((a) => [a.kind, a.label])).toEqual([
      ['investigate', 'Open the payments dashboard'],
      ['mitigate', 'Restart the payments-api pods'],
      ['communicate', 'Declare a SEV2 incident'],
      ['mitigate', 'Scale payments-api from 6 to 12 pods'],
      ['investigate', 'Ask what changed in the last hour'],
      ['mitigate', 'Revert CHG-4471'],
    ]);
    expect(scenario.actions[5]?.effects.goto).toBe('recovering');
    expect(scenario.actions[2]?.effects.declare).toBe('SEV2');
    expect(scenario.messages).toEqual([expect.objectContaining({ from: 'support', when: expect.objectContaining({ at: 16 * 60 }) })]);
    expect(scenario.alerts[0]?.name).toBe('PaymentsFastBurn');
    expect(scenario.prompts[0]?.options.map((o) => o.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-4', 'none']);
  });

  it('marks the judgement calls with TODO and quotes the timeline line behind each action', () => {
    expect(loaded.text).toContain('evidence: [] # TODO: what does taking this show? (dimension, level, why)');
    expect(loaded.text).toContain('# TODO: add rules and reference playthroughs');
    expect(loaded.text).toContain('# 14:14 — Dana restarts the payments-api pods; errors dip for two minutes, then return.');
    expect(loaded.text).toContain('# Timeline (after the fix): 14:51 — Incident resolved; final status page update posted.');
  });

  it('plays: fixing as fast as the real team resolves it; doing nothing runs the budget out before the time limit', () => {
    const win = runPlaythrough(scenario, { choices: [{ at: 300, ack: true }, { at: 38 * 60, do: 'revert-chg-4471' }] });
    expect(win.ending?.outcome).toBe('resolved');
    const lose = runPlaythrough(scenario, { choices: [] });
    expect(lose.ending?.outcome).toBe('exhausted');
  });
});

describe('reading the timeline', () => {
  const timeline = (lines: string[]) => parsePostmortem(`# T\n\n## Timeline\n${lines.join('\n')}\n`, 'pm.md');

  it('reads list items and table rows, with or without dates, across midnight', () => {
    const pm = timeline(['| Time | Event |', '|---|---|', '| 23:50 | Deploy of v9 |', '| 00:05 UTC | Alert fires |']).value!;
    expect(pm.timeline.map((e) => [e.t, e.clock, e.text])).toEqual([
      [0, '23:50', 'Deploy of v9'],
      [15 * 60, '00:05 UTC', 'Alert fires'],
    ]);
    const dated = timeline(['- 2025-03-11 23:58 — Deploy', '- 2025-03-12 00:03:30 — Rolled back']).value!;
    expect(dated.timeline.map((e) => e.t)).toEqual([0, 330]);
  });

  it('reports an entry without a time, at its line and column', () => {
    const result = timeline(['- 14:02 — Deploy starts', '- then the alert fires', '- 14:20 — Rolled back']);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'pm.md', line: 5, column: 3, code: 'BR016', message: 'this timeline entry does not start with a time' }),
    ]);
  });

  it('reports a time that goes backwards, and an impossible time', () => {
    const back = timeline(['- 14:02 — Deploy', '- 14:20 — Rolled back', '- 14:10 — Errors drop']);
    expect(back.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['6:3 14:10 is earlier than the entry above it']);
    expect(timeline(['- 14:02 — Deploy', '- 25:10 — Later']).diagnostics[0]?.message).toBe('`25:10` is not a time of day');
  });

  it('needs a timeline with at least two timed entries', () => {
    expect(parsePostmortem('# Notes\n\nNothing here.\n', 'pm.md').diagnostics[0]).toMatchObject({ line: 1, code: 'BR011' });
    expect(timeline(['- 14:02 — Deploy']).diagnostics[0]).toMatchObject({ line: 3, code: 'BR015' });
    expect(parsePostmortem('', 'pm.md').diagnostics[0]).toMatchObject({ code: 'BR004' });
  });

  it('picks the trigger, the fix and the recovery by their words', () => {
    const pm = timeline([
      '- 10:00 — Config push CHG-1 goes out',
      '- 10:04 — HighErrors alert pages Sam',
      '- 10:06 — Sam restarts the workers; no change',
      '- 10:15 — CHG-1 is reverted',
      '- 10:19 — Errors back to normal',
    ]).value!;
    const roles = assignRoles(pm.timeline);
    expect(roles.trigger.clock).toBe('10:00');
    expect(roles.fix?.clock).toBe('10:15');
    expect(roles.recovered?.clock).toBe('10:19');
    expect(roles.during.map((d) => d.role)).toEqual(['alert', 'mitigate']);
  });
});

describe('button labels from timeline entries', () => {
  it('turns "someone does" and "something is done" into an instruction', () => {
    expect(imperative('Dana restarts the payments-api pods')).toBe('Restart the payments-api pods');
    expect(imperative('Marco pushes a hotfix')).toBe('Push a hotfix');
    expect(imperative('CHG-4471 is reverted')).toBe('Revert CHG-4471');
    expect(imperative('Incident declared SEV2')).toBe('Declare a SEV2 incident');
    expect(imperative('The database fails over')).toBe('The database fails over');
  });
});

describe('any readable postmortem gives a file that loads', () => {
  const phrases = [
    'Deploy of v2 rolled out',
    'HighErrors alert pages the on-call',
    'Support reports failed logins, "session store: connection refused, retrying"',
    'Sam restarts the api pods; no change',
    'Incident declared SEV1; status page updated',
    'Ana joins the call',
    'Ana checks the dashboards: errors at 40%',
    'Config change is reverted',
    'Errors back to normal',
    'Customers: "is it down?" on social media',
    'Rolled back to v1',
    'Incident resolved',
  ];
  it('for timelines made of any mix of typical entries', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 40 })), { minLength: 2, maxLength: 14 }), (entries) => {
        let minute = 0;
        const lines = entries.map(([phrase, gap]) => {
          minute += gap;
          const clock = `${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          return `- ${clock} — ${phrases[phrase]}`;
        });
        const md = `# Postmortem: Fuzzed\n\n## Impact\n12% of requests failed.\n\n## Timeline\n${lines.join('\n')}\n\n## Action items\n- Do better\n`;
        const result = scenarioFromPostmortem('fuzzed', md, 'pm.md');
        expect(result.diagnostics).toEqual([]);
        const loaded = loadDraft(result.value!);
        expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(runPlaythrough(loaded.scenario!, { choices: [] }).ending).not.toBeNull();
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
