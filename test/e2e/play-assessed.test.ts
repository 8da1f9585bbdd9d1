import { describe, it } from 'vitest';
import { useBuiltGame } from './harness.ts';
import { playWholeRun } from './whole-run.ts';

const game = useBuiltGame();

describe('a whole incident in the browser', () => {
  it('assessed mode: no coaching during the run; reloaded on its ending screen, the run is kept and reopens to the same debrief; exports; progress', async () => {
    await playWholeRun(game, 'assessed', 'practitioner');
  }, 420_000);
});
