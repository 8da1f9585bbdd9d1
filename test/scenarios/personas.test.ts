/**
 * Generated play styles that try to game the scoring, played on every library scenario:
 * each must stay at or under its bound, and seeded random play must not read as a lead.
 * The bench plays 1,000 random runs per scenario (`npm run bench`); this file plays 40,
 * enough to catch a scenario where random play reaches L4 in more than a few percent of
 * runs, at a cost the suite can carry on every change.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessRun } from '../../src/scoring/debrief.ts';
import { checkPersonas } from '../../src/scoring/personas.ts';
import { loadLibraryScenario } from '../support/library-run.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
const ids = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(ROOT, e.name, 'scenario.yaml')))
  .map((e) => e.name)
  .sort();
const RANDOM_RUNS = 40;

describe('play styles that try to game the scoring', () => {
  for (const id of ids) {
    describe(id, () => {
      const { scenario } = loadLibraryScenario(id);
      const played = checkPersonas(scenario, (t) => assessRun(scenario, t), { randomRuns: RANDOM_RUNS });
      for (const r of played.personas) {
        it(`"${r.persona.id}" (${r.persona.title}) stays at or under ${r.persona.bound}`, () => {
          expect(r.assessed === null ? 0 : Number(r.assessed.slice(1)), `assessed ${r.assessed}; replay: npm run scenario -- play scenarios/${id}/scenario.yaml --persona ${r.persona.id}`).toBeLessThanOrEqual(
            Number(r.persona.bound.slice(1)),
          );
        });
      }
      it('generates every style when the scenario has an L4 or L5 reference', () => {
        expect(played.personas.map((r) => r.persona.id).sort()).toEqual(['checklist', 'idle', 'late-principal', 'senior-answers', 'silent-principal']);
      });
      it(`random play that avoids anti-patterns never reaches L4 in ${RANDOM_RUNS} seeded runs`, () => {
        expect(played.random.counts.L4 + played.random.counts.L5, JSON.stringify(played.random.counts)).toBe(0);
      });
    });
  }
});
