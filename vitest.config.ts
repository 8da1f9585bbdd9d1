import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Browser files that play whole runs, slowest first. Vitest starts the files it has timed
 * before longest first; on a fresh clone it has no timings and starts the largest files
 * first, which left these (short files, long runs) to the end with the other browsers idle.
 */
const SLOW_FILES = ['play-assessed', 'play-practice', 'desk-input', 'gameday', 'render-on-demand', 'preview'];

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FILES.indexOf(basename(f.moduleId).replace(/\.test\.ts$/, ''));
      return i < 0 ? SLOW_FILES.length : i;
    };
    // Timings from an earlier run know better than the list.
    const timed = files.every((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${f.moduleId.slice(this.ctx.config.root.length + 1)}`));
    return timed ? sorted : [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    sequence: { sequencer: SlowFilesFirst },
  },
});
