// Stryker's view of the tests: the suite of test/suites.ts marked `mutation` (the jsdom `unit` suite), alone,
// so mutation testing never starts a browser. Its config is imported, not written out again, so a change
// to the unit tests' setup reaches Stryker too.
import { relative } from 'node:path';
import { defineConfig, type UserWorkspaceConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { SUITES } from './test/suites.ts';
import unitConfig from './test/vitest.config.ts';

const mutated = SUITES.filter((suite) => suite.mutation);
if (mutated.length !== 1 || mutated[0]?.config !== 'test/vitest.config.ts') {
  throw new Error('vitest.stryker.config.ts: test/suites.ts must mark exactly one suite, test/vitest.config.ts, with `mutation`.');
}
const unit: UserWorkspaceConfig = unitConfig;

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
  ...unit,
  // The unit suite's paths are relative to its folder, as when Vitest loads it as a project.
  root: 'test',
  test: {
    ...unit.test,
    // The README's tests read the repository (its tracked folders through git, the quick start compiled in
    // a child process), which Stryker's sandbox copy is not; they cover no mutated line.
    exclude: [...(unit.test?.exclude ?? []), 'readme.test.ts'],
    sequence: { sequencer: QuickestFirst },
    testTimeout: 60_000,
  },
});
