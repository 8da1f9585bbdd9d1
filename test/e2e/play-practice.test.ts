import { describe, it } from 'vitest';
import { useBuiltGame } from './harness.ts';
import { playWholeRun } from './whole-run.ts';

const game = useBuiltGame();

describe('a whole incident in the browser', () => {
  it('practice mode: coaching after choices, a debrief with the level, exports', async () => {
    await playWholeRun(game, 'practice', 'senior');
  }, 420_000);
});
