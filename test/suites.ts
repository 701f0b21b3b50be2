// The one list of test suites. `npm test` (scripts/test.ts) runs them in this order and counts their
// results, vite.config.ts makes each a Vitest project, Stryker mutates against the one marked
// `mutation`, and the README's table of suites is this list. Each suite's Vitest config sits beside it.

/** One Vitest project: its name (`npx vitest run --project <name>`), its config, and what it runs. */
export type Suite = {
  name: string;
  /** The suite's Vitest config, from the repository root. */
  config: string;
  /** What `npm test` prints before running it. */
  about: string;
  /** Runs in Debian's Chromium. */
  browser?: boolean;
  /** Needs React 18.3 installed beside React 19 (scripts/react18.ts). */
  react18?: boolean;
  /** The suite Stryker runs against each mutant (`npm run test:mutation`). */
  mutation?: boolean;
  /** `npm test` runs it through this script (by tsx) instead of `vitest run --project <name>`. */
  script?: string;
};

export const SUITES: readonly Suite[] = [
  { name: 'unit', config: 'test/vitest.config.ts', about: 'unit and component tests (jsdom, React 19)', mutation: true },
  { name: 'unit-react18', config: 'test/vitest.react18.config.ts', about: 'unit and component tests (jsdom, React 18.3)', react18: true },
  {
    name: 'contract-check',
    config: 'test/contract-check/vitest.config.ts',
    about: 'contract check: the bin against a correct server and deliberately broken ones; the kit packed and installed',
  },
  {
    name: 'server',
    config: 'test/server/vitest.config.ts',
    about: 'reference server over HTTP (PGlite; PostgreSQL too when DATABASE_URL is set)',
  },
  { name: 'storybook', config: '.storybook/vitest.config.ts', about: 'stories as browser tests (Chromium)', browser: true },
  { name: 'a11y', config: 'test/browser/vitest.config.ts', about: 'keyboard and screen reader (Chromium)', browser: true },
  {
    name: 'visual',
    config: 'test/visual/vitest.config.ts',
    about: 'visual: forced colours, reflow and text spacing, auto theme, reference screenshots (Chromium)',
    browser: true,
    script: 'scripts/visual.ts',
  },
  {
    name: 'e2e',
    config: 'test/e2e/vitest.config.ts',
    about: 'end to end: the demo page against the reference server (PGlite), in Chromium',
    browser: true,
  },
];
