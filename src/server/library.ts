/**
 * The scenarios a room server can host: the library folders on disk, loaded with the
 * game's own loader once each and kept. Only scenarios that load without errors are hosted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../cli/scenario-files.ts';
import type { Scenario } from '../scenario/schema/index.ts';

export class ScenarioLibrary {
  private readonly cache = new Map<string, Scenario | string>();

  constructor(readonly root: string) {}

  /** The scenario with this id, or a plain reason it cannot be hosted. */
  get(id: string): Scenario | string {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const path = join(this.root, id, 'scenario.yaml');
    let found: Scenario | string;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !existsSync(path)) {
      found = `there is no scenario "${id}" in the library`;
    } else {
      const result = loadScenarioFile(path, `scenarios/${id}/scenario.yaml`);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      found = result.scenario ?? `the scenario "${id}" has ${errors.length} error(s): ${errors[0]?.message ?? 'unknown'}`;
    }
    this.cache.set(id, found);
    return found;
  }
}
