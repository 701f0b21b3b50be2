// Stryker's view of the tests: vite.config.ts with only its `unit` project (jsdom), so mutation testing
// never starts the Storybook browser project. The project is taken from vite.config.ts rather than
// written out again, so a change to the unit tests' setup reaches Stryker too.
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import config from './vite.config';

const projects = config.test?.projects ?? [];
const unit = projects.filter((project) => typeof project === 'object' && 'test' in project && project.test?.name === 'unit');
if (unit.length !== 1) throw new Error('vitest.stryker.config.ts: vite.config.ts has no project named "unit".');
const [project] = unit as [{ test?: object }];

/**
 * Stryker stops a mutant's run at the first failing test. Vitest's own order runs the longest file
 * first, so a mutant that a 10 ms unit test kills would wait for 30 s of property tests; this runs the
 * file that failed last first (mutants near each other die by the same test), then the quickest.
 * The order changes how long a run takes, never which mutants are killed.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const { cache, config: root } = this.ctx;
    const key = (file: TestSpecification) => `${file.project.name}:${relative(root.root, file.moduleId)}`;
    const results = (file: TestSpecification) => cache.getFileTestResults(key(file));
    const size = (file: TestSpecification) => cache.getFileStats(key(file))?.size ?? 0;
    return [...files].sort((a, b) => {
      const failed = Number(results(b)?.failed ?? false) - Number(results(a)?.failed ?? false);
      if (failed !== 0) return failed;
      const [durationA, durationB] = [results(a)?.duration, results(b)?.duration];
      return durationA !== undefined && durationB !== undefined ? durationA - durationB : size(a) - size(b);
    });
  }
}

// Stryker instruments every line to record which test covers which mutant, on a shared 2-core machine:
// the property tests (thousands of generated payloads) can then take longer than Vitest's 5 s default.
// Stryker still ends a mutant that hangs, by its own timeout (stryker.config.mjs).
export default defineConfig({
  ...config,
  test: {
    ...config.test,
    sequence: { ...config.test?.sequence, sequencer: QuickestFirst },
    projects: [{ ...project, test: { ...project.test, testTimeout: 60_000 } }],
  },
});
