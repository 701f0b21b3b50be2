// Mutation testing (`npm run test:mutation`): how well the jsdom tests notice a wrong line in the rules,
// the client, the hook and the formatter. On demand, not part of `npm test`. See README, "Mutation testing".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the `unit` project: the Storybook browser project is never run by Stryker.
  vitest: { configFile: 'vitest.stryker.config.ts' },
  // Globs, not lists: a file added to these folders is mutated without touching this config.
  mutate: ['src/{core,client,hooks,i18n}/**/*.{ts,tsx}', '!src/**/*.d.ts', '!src/**/*.test.{ts,tsx}'],
  coverageAnalysis: 'perTest',
  // Four workers on this 2-core machine: a worker spends most of a mutant waiting on the component
  // tests' real timers (retry delays, timeouts, waitFor), at about a quarter of a core each.
  concurrency: 4,
  // A busy machine makes slow tests slower; a mutant must hang well past that to count as a timeout.
  timeoutMS: 10_000,
  // A re-run tests only the mutants whose code or covering tests changed. The file is a local cache,
  // git-ignored: a fresh clone (and `--force`) runs every mutant, so the README's scores are measured,
  // never replayed from a stale file.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 95, low: 85, break: null },
  ignorePatterns: ['/dist', '/storybook-static', '/test/.consumer', '/reports'],
  tempDirName: '.stryker-tmp',
};
