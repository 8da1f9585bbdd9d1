/**
 * Closing an incident while customers are still affected is a choice with consequences:
 * in db-pool-exhaustion the junior verifies and closes while checkout still fails at 5×
 * the sustainable burn. The close must not take, the pager must say why and page again,
 * and the debrief must hold it against the player.
 */
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/scoring/debrief.ts';
import { runPlaythrough } from '../../src/sim/runner.ts';
import { loadLibraryScenario } from '../support/library-run.ts';

describe('closing before recovery', () => {
  const { scenario } = loadLibraryScenario('db-pool-exhaustion');
  const junior = scenario.scoring.references.find((r) => r.id === 'junior');
  if (!junior) throw new Error('db-pool-exhaustion has no junior reference');
  const run = runPlaythrough(scenario, { seed: junior.seed ?? scenario.seed, choices: junior.choices });
  const reopen = run.events.find((e) => e.type === 'reopen');

  it('does not end the run: the close is refused while the budget still burns', () => {
    expect(reopen).toMatchObject({ type: 'reopen', ending: 'resolved' });
    if (reopen?.type !== 'reopen') return;
    expect(reopen.burn).toBeGreaterThan(1);
    expect(run.ending?.at ?? Infinity).toBeGreaterThan(reopen.t);
  });

  it('tells the player why, and the page fires again', () => {
    const t = reopen?.t ?? -1;
    const said = run.events.find((e) => e.type === 'message' && e.t === t && e.from === 'pager');
    expect(said?.type === 'message' ? said.text : '').toMatch(/^Not closed: customers are still affected \(the error budget burns at \d+\.\d× the sustainable rate\)\. The page fires again\.$/);
    expect(run.events.some((e) => e.type === 'page' && e.t === t)).toBe(true);
  });

  it('is an anti-pattern in the debrief, with the burn in its reason', () => {
    const d = buildDebrief(scenario, run);
    const judgment = d.dimensions.find((x) => x.dimension === 'judgment');
    const item = judgment?.evidence.find((e) => e.source.id === 'run:reopened');
    expect(item).toMatchObject({ harmful: true, level: 'L1' });
    expect(item?.why).toMatch(/closed while customers were still affected \(budget burning at \d+\.\d×\); it stayed open and the page fired again/);
  });
});
