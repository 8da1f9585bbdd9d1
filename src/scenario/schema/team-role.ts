/** The seat a piece of work belongs to in a team drill. */
import { z } from 'zod';

export const TeamRole = z.enum(['ic', 'ops', 'comms', 'observer']).meta({
  description:
    'In a team drill, the seat this belongs to: ic (Incident Commander), ops (Operations), comms (Communications), observer. The commander may always take it over.',
});
export type TeamRole = z.infer<typeof TeamRole>;
