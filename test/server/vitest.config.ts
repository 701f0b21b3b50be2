// The `server` suite: the reference server over HTTP, in Node (no jsdom): PGlite always, PostgreSQL when DATABASE_URL is set.
import { defineSuite } from '../vitest.shared.ts';

export default defineSuite({
  test: {
    name: 'server',
    environment: 'node',
    include: ['**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
