// The `e2e` suite: the demo page against the reference server, driven in Debian's Chromium by playwright-core.
import { defineSuite } from '../vitest.shared.ts';

export default defineSuite({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
