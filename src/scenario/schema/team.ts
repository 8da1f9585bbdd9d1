/** Schema for team drills: injects a facilitator fires by hand. */
import { z } from 'zod';
import { Id } from './primitives.ts';
import { Effects } from './story.ts';

export const Inject = z
  .strictObject({
    id: Id,
    label: z.string().min(1).max(60).meta({ description: 'What the facilitator\'s button says, e.g. "Second failure: the cache".' }),
    description: z.string().max(400).optional().meta({ description: 'What the inject tests, for the facilitator only.' }),
    effects: Effects.meta({ description: 'What happens when the facilitator fires it: messages, telemetry, logs, a phase change.' }),
  })
  .meta({ description: 'A surprise the facilitator can fire by hand during a team drill (a second failure, an executive joining, a customer escalation).' });
export type Inject = z.infer<typeof Inject>;
