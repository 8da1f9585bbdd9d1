/**
 * Every reference playthrough of every library scenario, replayed and scored: the
 * scorer must assess each at the level its author expects. A failure names the
 * reference, both levels and the choices the engine refused, which is usually enough to
 * tell a scoring change from a timing slip in the choice log.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, hasErrors } from '../../src/scenario/diagnostics.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { calibrate } from '../../src/scoring/calibrate.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
const ids = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(ROOT, e.name, 'scenario.yaml')))
  .map((e) => e.name)
  .sort();

function load(id: string) {
  const folder = join(ROOT, id);
  return loadScenario(readFileSync(join(folder, 'scenario.yaml'), 'utf8'), {
    file: `scenarios/${id}/scenario.yaml`,
    readFile: (path) => {
      try {
        return readFileSync(join(folder, path), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
}

describe('reference playthroughs', () => {
  it('the library has scenarios to check', () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  for (const id of ids) {
    describe(id, () => {
      const loaded = load(id);
      it('loads without errors', () => {
        expect(hasErrors(loaded.diagnostics), loaded.diagnostics.map(formatDiagnostic).join('\n')).toBe(false);
      });
      const scenario = loaded.scenario;
      if (!scenario) return;
      for (const result of calibrate(scenario)) {
        it(`"${result.id}" is assessed at ${result.expect}`, () => {
          const refused = result.refused.map((r) => `${r.what} at ${r.t}s: ${r.reason}`).join('; ');
          expect(result.assessed, `assessed ${result.assessed}, expected ${result.expect}${refused ? `; refused: ${refused}` : ''}`).toBe(result.expect);
        });
      }
    });
  }
});
