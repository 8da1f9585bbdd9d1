import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures/sim-fixture.ts';
import { runPlaythrough, type TimedChoice } from './runner.ts';

const actionIds = fixture.actions.map((a) => a.id);
const choiceArb: fc.Arbitrary<TimedChoice> = fc.oneof(
  fc.record({ at: fc.integer({ min: 0, max: 3600 }), do: fc.constantFrom(...actionIds, 'no-such-action') }),
  fc.record({ at: fc.integer({ min: 0, max: 3600 }), choose: fc.constantFrom('declare.sev2', 'declare.no', 'declare.nope', 'other.x') }),
  fc.record({ at: fc.integer({ min: 0, max: 3600 }), ack: fc.constant(true as const) }),
);

describe('replay', () => {
  it('1,000 random choice logs each replay identically, and never throw', () => {
    fc.assert(
      fc.property(fc.array(choiceArb, { maxLength: 12 }), fc.integer({ min: 0, max: 0xffffffff }), (choices, seed) => {
        const a = runPlaythrough(fixture, { seed, choices });
        const b = runPlaythrough(fixture, { seed, choices });
        expect(a.ending).not.toBeNull();
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });
});
