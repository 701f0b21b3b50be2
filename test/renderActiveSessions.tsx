import { QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import {
  ActiveSessionsProvider,
  createFetchSessionsClient,
  useActiveSessions,
  type ActiveSessionsProviderProps,
  type FetchSessionsClientOptions,
} from '../src';
import { BASE_URL } from './server';

type ClientOptions = Omit<FetchSessionsClientOptions, 'baseUrl'>;

/** `useActiveSessions` under a provider over the test API (or `props.client`), with a fresh QueryClient. */
export function renderActiveSessions(props: Partial<ActiveSessionsProviderProps> = {}, clientOptions: ClientOptions = {}) {
  const client = props.client ?? createFetchSessionsClient({ baseUrl: BASE_URL, ...clientOptions });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ActiveSessionsProvider client={client} queryClient={queryClient} {...props}>
      {children}
    </ActiveSessionsProvider>
  );
  return { ...renderHook(() => useActiveSessions(), { wrapper }), queryClient };
}

/** `renderActiveSessions`, once the list has loaded. */
export async function renderReady(props: Partial<ActiveSessionsProviderProps> = {}, clientOptions: ClientOptions = {}) {
  const hook = renderActiveSessions(props, clientOptions);
  await waitFor(() => expect(hook.result.current.status).toBe('ready'));
  return hook;
}
