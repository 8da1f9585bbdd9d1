import { describe, expect, it } from 'vitest';
import { checkDraft, loadDraft } from '../../../test/support/drafts.ts';
import { runPlaythrough } from '../../sim/runner.ts';
import { renderDraft } from './draft.ts';
import { scenarioIdProblem, suggestId } from './scenario-id.ts';
import { scenarioTemplate } from './template.ts';

describe('the new-scenario template', () => {
  const draft = scenarioTemplate('checkout-latency');

  it('passes the checker as generated: no errors, no warnings, references at their levels', () => {
    const { loaded, problems } = checkDraft(draft);
    expect(loaded.scenario?.id).toBe('checkout-latency');
    expect(problems).toEqual([]);
  });

  it('plays to a resolved ending when the player rolls back', () => {
    const scenario = loadDraft(draft).scenario!;
    const run = runPlaythrough(scenario, { choices: [{ at: 420, ack: true }, { at: 430, do: 'check-changes' }, { at: 500, do: 'roll-back' }] });
    expect(run.ending).toMatchObject({ id: 'resolved', outcome: 'resolved' });
    expect(run.budgetSpent).toBeLessThan(1);
  });

  it('plays to a lost ending when the player does nothing: the budget runs out inside the hour', () => {
    const scenario = loadDraft(draft).scenario!;
    const run = runPlaythrough(scenario, { choices: [] });
    expect(run.ending).toMatchObject({ id: 'budget-exhausted', outcome: 'exhausted' });
    expect(run.ending!.at).toBeLessThan(scenario.timeLimit);
    expect(run.events.some((e) => e.type === 'page')).toBe(true);
  });

  it('a restart alone does not save the run', () => {
    const scenario = loadDraft(draft).scenario!;
    const run = runPlaythrough(scenario, { choices: [{ at: 420, ack: true }, { at: 430, do: 'restart-pods' }] });
    expect(run.ending?.outcome).toBe('exhausted');
  });

  it('writes a commented file bound to the JSON Schema, with the runbook beside it', () => {
    const [yaml, runbook] = renderDraft(draft);
    expect(yaml?.text.split('\n')[0]).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    expect(yaml?.text).toContain('npm run scenario -- check scenarios/checkout-latency/scenario.yaml');
    expect(yaml?.text).toMatch(/^# The incident's ground truth, as stages\./m);
    expect(yaml?.text).toMatch(/^ {2}# A tempting wrong move/m);
    expect(yaml?.text).toContain('timeLimit: 1h # sim time; the run ends here');
    expect(runbook?.path).toBe('runbooks/high-error-rate.md');
    expect(runbook?.text).toMatch(/^# orders-api: high error rate/);
  });

  it('takes its title from the id', () => {
    expect(loadDraft(draft).scenario?.title).toBe('Checkout latency');
  });
});

describe('scenario ids', () => {
  it('accepts lowercase words joined by dashes', () => {
    expect(scenarioIdProblem('checkout-latency')).toBeUndefined();
    expect(scenarioIdProblem('db-pool-2024')).toBeUndefined();
  });

  it('explains what is wrong in plain words and suggests a fix', () => {
    expect(scenarioIdProblem('Checkout Latency')).toBe(
      'the id `Checkout Latency` has capital letters; use lowercase letters, digits and dashes; did you mean `checkout-latency`?',
    );
    expect(scenarioIdProblem('checkout_latency')).toContain('did you mean `checkout-latency`?');
    expect(scenarioIdProblem('9-lives')).toContain('must start with a letter');
    expect(scenarioIdProblem('')).toContain('give the new scenario an id');
    expect(scenarioIdProblem('a'.repeat(70))).toContain('70 characters long');
    expect(scenarioIdProblem('double--dash')).toContain('stray dash');
    expect(scenarioIdProblem('../escape')).toBeDefined();
  });

  it('turns free text into an id', () => {
    expect(suggestId('Café outage, São Paulo!')).toBe('cafe-outage-sao-paulo');
    expect(suggestId('!!!')).toBeUndefined();
  });
});

describe('the generated YAML', () => {
  it('never uses anchors or aliases, even where the generator shares an object', () => {
    const text = renderDraft(scenarioTemplate('shared-objects'))[0]!.text;
    expect(text).not.toMatch(/[&*][a-z]+\d/);
    expect(text).toContain('available: { phase: bad-release }');
  });
});
