// The `unit-react18` suite: the rendering tests again on React 18.3. `npx tsx scripts/react18.ts` installs
// it (npm test does) in a folder of its own with every package that imports React; these aliases resolve to it.
import { react18Aliases } from '../scripts/react18.ts';
import { defineSuite, JSDOM_EXCLUDE } from './vitest.shared.ts';

export default defineSuite({
  resolve: { alias: react18Aliases() },
  test: {
    name: 'unit-react18',
    testTimeout: 30_000,
    environment: 'jsdom',
    // The .tsx tests are the ones that render; the .ts ones (client, core, formatter, i18n check)
    // load no React, so a second run would repeat the same code for the same result.
    include: ['**/*.test.tsx'],
    exclude: JSDOM_EXCLUDE,
    setupFiles: ['./setup.ts'],
    env: { EXPECTED_REACT: '18' },
  },
});
