import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createHandlers, type MockOptions } from '../mocks';

/** One MSW server per test file; `useScenario` swaps the API state for a test. */
export const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// The page's own origin (jsdom's), as a product serves the API (README, quick start): a request to
// another origin that fails is told apart as one the browser may have blocked.
export const BASE_URL = 'http://localhost:3000/api';

/** Serves a scenario and returns its store (sessions and requests seen). */
export function useScenario(scenario: MockOptions['scenario'] = 'typical') {
  const handlers = createHandlers({ baseUrl: BASE_URL, scenario });
  server.use(...handlers);
  return handlers.store;
}
