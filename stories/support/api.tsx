// Types `context.msw` in stories (CSF 3 setups reference the addon's augmentation explicitly).
import type {} from 'msw-storybook-addon/types';
import { QueryClient } from '@tanstack/react-query';
import type { HttpHandler } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { createHandlers, type MockSessionStore, type Scenario, type ScenarioName } from '../../mocks';
import { createFetchSessionsClient, type SessionsClient } from '../../src';

/** Where the stories' API lives; MSW answers it in the browser. */
export const BASE_URL = '/api';

/** The mocked API behind one story: fresh handlers, client and query cache on every run. */
export type MockedApi = {
  /** Installs the scenario's handlers (and any `before` handlers, which answer first). */
  beforeEach: (context: { msw: SetupWorker }) => () => void;
  /** The in-memory server of the current run, e.g. `store.requests`. */
  readonly store: MockSessionStore;
  /** The client and query cache of the current run. */
  readonly client: SessionsClient;
  readonly queryClient: QueryClient;
};

/**
 * A story's API in the state of a scenario from mocks/. Each run starts from the scenario again, with a
 * query cache of its own, so no story sees another's data. `before` adds handlers that answer first
 * (return nothing from one to let the scenario answer).
 */
export function mockedApi(scenario: ScenarioName | Scenario, before: () => HttpHandler[] = () => []): MockedApi {
  let store: MockSessionStore | undefined;
  let client: SessionsClient | undefined;
  let queryClient: QueryClient | undefined;
  return {
    beforeEach({ msw }) {
      const handlers = createHandlers({ baseUrl: BASE_URL, scenario });
      store = handlers.store;
      client = createFetchSessionsClient({ baseUrl: BASE_URL });
      queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      msw.use(...before(), ...handlers);
      return () => queryClient?.clear();
    },
    get store() {
      if (!store) throw new Error('mockedApi: the story has not run its beforeEach yet.');
      return store;
    },
    get client() {
      if (!client) throw new Error('mockedApi: the story has not run its beforeEach yet.');
      return client;
    },
    get queryClient() {
      if (!queryClient) throw new Error('mockedApi: the story has not run its beforeEach yet.');
      return queryClient;
    },
  };
}
