/**
 * `scenario new`: the commented starting file. It passes the checker as generated and
 * plays end to end, so an author always edits something that works and can tell at
 * once which of their own changes broke it.
 */
import type { ScenarioInput } from '../schema/index.ts';
import { above, after, todo, type Draft, type Note } from './draft.ts';
import { titleFromId } from './scenario-id.ts';
import { exampleServicePart, primarySlo, type ServicePart } from './service-part.ts';
import { templateChoices } from './template-choices.ts';
import { budgetAtStart, templateStory } from './template-story.ts';

const HEADER = `
A Burn Rate scenario. It works as it is: try
  npm run scenario -- check scenarios/<id>/scenario.yaml
  npm run scenario -- graph scenarios/<id>/scenario.yaml
then replace the example incident (a bad release) with yours, one part at a time,
checking as you go. Every field is explained in docs/authoring.md and on hover in an
editor with YAML support. Search for TODO to find what needs your judgement.
`;

/** Options for the generated scenario. */
export interface TemplateOptions {
  /** The service half (from `--from-service`); the example orders-api when omitted. */
  service?: ServicePart;
}

/** The commented template for a new scenario with this id (already validated). */
export function scenarioTemplate(id: string, options: TemplateOptions = {}): Draft {
  const part = options.service ?? exampleServicePart();
  const { story, notes: storyNotes } = templateStory(part);
  const { choices, notes: choiceNotes } = templateChoices(part);
  const primary = primarySlo(part);
  const sloIndex = part.service.slos.indexOf(primary);
  // A copy, so the caller's service part is not changed by generating from it.
  const slos = part.service.slos.map((slo) => (slo === primary ? { ...slo, budgetSpentAtStart: slo.budgetSpentAtStart ?? budgetAtStart(part) } : slo));

  const scenario: ScenarioInput = {
    format: 1,
    id,
    title: titleFromId(id),
    summary: `Errors climb on ${part.service.name} a few minutes into your shift.`,
    briefing: part.briefing ?? `You are on call for ${part.service.name}. A release is rolling out this afternoon; your pager is on.`,
    difficulty: 'beginner',
    duration: 15,
    tags: ['bad-release'],
    seed: 1,
    timeLimit: '1h',
    timeoutEnding: 'out-of-time',
    service: { ...part.service, slos },
    telemetry: part.telemetry,
    alerts: part.alerts,
    runbooks: part.runbooks,
    ...story,
    ...choices,
  };

  const notes: Note[] = [
    after(['format'], 'the file format version; leave it at 1'),
    after(['id'], 'must match the folder name'),
    above(['title'], todo('a title and summary for the scenario picker; the summary must not give the answer away.')),
    above(['briefing'], 'What the player is told as the shift starts.'),
    after(['duration'], 'minutes of real play at 1x speed'),
    after(['seed'], 'the same seed and choices replay a run exactly'),
    after(['timeLimit'], 'sim time; the run ends here'),
    ...part.notes,
    after(
      ['service', 'slos', sloIndex, 'budgetSpentAtStart'],
      'share of the budget already spent this month: doing nothing runs it out in about 40 minutes',
    ),
    ...storyNotes,
    ...choiceNotes,
  ];
  return { header: HEADER.replace(/<id>/g, id).trimEnd(), scenario, notes, files: part.files };
}
