/** The scenario file: the top-level schema that ties every part together. */
import { z } from 'zod';
import { Duration, Id, UnitDuration } from './primitives.ts';
import { Scoring } from './scoring.ts';
import { Action, Ending, Fact, Message, Phase, Prompt, Runbook, Stakeholder } from './story.ts';
import { Inject } from './team.ts';
import { Alert, Service, Telemetry } from './telemetry.ts';

export const FORMAT_VERSION = 1;

export const Scenario = z
  .strictObject({
    format: z.literal(FORMAT_VERSION).meta({ description: 'Scenario file format version. Always 1 for now.' }),
    id: Id.meta({ description: 'Scenario id; matches its folder name.' }),
    title: z.string().min(1).max(80).meta({ description: 'Title shown in the scenario picker.' }),
    summary: z.string().min(1).max(400).meta({ description: 'One or two sentences for the picker. Do not give the answer away.' }),
    briefing: z.string().max(2000).default('').meta({ description: 'What the player is told as the shift starts.' }),
    difficulty: z.enum(['tutorial', 'beginner', 'intermediate', 'advanced']).meta({ description: 'How hard the scenario is.' }),
    duration: z.number().int().min(1).max(600).meta({ description: 'Expected real play time in minutes at 1× speed.' }),
    tags: z.array(z.string().min(1).max(30)).max(12).default([]).meta({ description: 'Tags for the picker, e.g. canary, database.' }),
    seed: z.number().int().min(0).max(0xffffffff).default(1).meta({ description: 'Default seed for reference playthroughs and tests.' }),
    timeLimit: UnitDuration.refine((s) => s >= 60 && s <= 72 * 3600, 'the time limit must be between 1 minute and 72 hours').meta({
      description: 'The run ends when sim time reaches this (1 minute to 72 hours), written with its unit: "30m", "2h".',
    }),
    timeoutEnding: Id.meta({ description: 'The ending reached when the time limit passes.' }),
    service: Service,
    telemetry: Telemetry,
    alerts: z.array(Alert).max(20).default([]).meta({ description: 'Alerting rules.' }),
    runbooks: z.array(Runbook).max(20).default([]).meta({ description: 'Runbooks (markdown files beside the scenario).' }),
    facts: z.array(Fact).max(100).default([]).meta({ description: 'Things the player can find out.' }),
    stakeholders: z.array(Stakeholder).max(20).default([]).meta({ description: 'People who send messages.' }),
    messages: z.array(Message).max(100).default([]).meta({ description: 'Messages sent on time or on conditions.' }),
    phases: z.array(Phase).min(1).max(50).meta({ description: 'The incident\'s phases; the first is where it starts.' }),
    endings: z.array(Ending).min(1).max(20).meta({ description: 'How the run can end.' }),
    actions: z.array(Action).min(1).max(80).meta({ description: 'What the player can do.' }),
    prompts: z.array(Prompt).max(30).default([]).meta({ description: 'Decision prompts.' }),
    injects: z.array(Inject).max(20).default([]).meta({ description: 'Surprises a facilitator can fire by hand during a team drill.' }),
    scoring: Scoring.default({ rules: [], references: [] }),
  })
  .meta({
    title: 'Burn Rate scenario',
    description: 'An incident scenario for the Burn Rate SRE training game.',
  });

/** A scenario as validated and normalised by the schema (durations in seconds, defaults filled). */
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
