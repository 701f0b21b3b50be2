// The `unit` suite: every test/*.test.{ts,tsx} in jsdom, on React 19. Stryker mutates against it.
import { defineSuite, JSDOM_EXCLUDE } from './vitest.shared.ts';

export default defineSuite({
  test: {
    name: 'unit',
    // The property tests run thousands of generated cases; on this project's 2-core machines under
    // load they pass 5 s. What they assert is behaviour, not speed (speed is the bench's job).
    testTimeout: 30_000,
    environment: 'jsdom',
    include: ['**/*.test.{ts,tsx}'],
    exclude: JSDOM_EXCLUDE,
    setupFiles: ['./setup.ts'],
    env: { EXPECTED_REACT: '19' },
  },
});
