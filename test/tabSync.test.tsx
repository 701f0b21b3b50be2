import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  ActiveSessionsProvider,
  ActiveSessionsSection,
  createFetchSessionsClient,
  prefetchActiveSessions,
  useActiveSessions,
  type ActiveSessionsProviderProps,
} from '../src';
import { renderActiveSessions, renderReady } from './renderActiveSessions';
import { BASE_URL, server, useScenario } from './server';
import { createScenarios } from '../mocks';

// B17: after a logout succeeds, every other section of the origin reloads its list (BroadcastChannel
// "@firstparty/active-sessions"); a stale list reloads when the page is seen again.

const CHANNEL = '@firstparty/active-sessions';
const gets = (requests: readonly string[]) => requests.filter((request) => request === 'GET /sessions').length;
const client = () => createFetchSessionsClient({ baseUrl: BASE_URL });
const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

/** Every message posted on the channel by anyone else, as another tab would hear it. */
function listen() {
  const messages: unknown[] = [];
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => messages.push(event.data);
  return { messages, close: () => channel.close() };
}

/** Lets any message in flight arrive (Node delivers them on a later turn of the event loop). */
async function settle() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

/** A host's QueryClientProvider around the section's provider, both on `queryClient`. */
function underHostProvider(queryClient: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ActiveSessionsProvider client={client()} queryClient={queryClient}>
        {children}
      </ActiveSessionsProvider>
    </QueryClientProvider>
  );
}

/** Moves the clock on, for TanStack's staleness, leaving timers real. */
function later(ms: number) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
}

const opened: { close: () => void }[] = [];
afterEach(() => {
  for (const channel of opened.splice(0)) channel.close();
  vi.useRealTimers();
});

/** Two sections of one page, each with a QueryClient of its own, as two tabs would have. */
function renderTwo(props: Partial<ActiveSessionsProviderProps> = {}) {
  const providers = [newQueryClient(), newQueryClient()].map((queryClient) => ({ children }: { children: ReactNode }) => (
    <ActiveSessionsProvider client={client()} queryClient={queryClient} {...props}>
      {children}
    </ActiveSessionsProvider>
  ));
  return providers.map((wrapper) => renderHook(() => useActiveSessions(), { wrapper }));
}

describe('tabs in step (B17)', () => {
  describe('given another section of the origin', () => {
    it('should reload its list after a logout here, and drop the row with no action of its own', async () => {
      const store = useScenario('typical');
      const [here, there] = renderTwo();
      await waitFor(() => expect([here!.result.current.status, there!.result.current.status]).toEqual(['ready', 'ready']));
      expect(there!.result.current.sessions.map((s) => s.id)).toContain('sess_windows');
      await act(() => here!.result.current.logOut('sess_windows'));
      await waitFor(() => expect(there!.result.current.sessions.map((s) => s.id)).not.toContain('sess_windows'));
      // Two first loads, the sender's own reload, and the other section's.
      expect(gets(store.requests)).toBe(4);
    });

    it('should reload its list after Log out of all sessions here', async () => {
      const store = useScenario('typical');
      const [here, there] = renderTwo();
      await waitFor(() => expect([here!.result.current.status, there!.result.current.status]).toEqual(['ready', 'ready']));
      await act(() => here!.result.current.logOutAll());
      await waitFor(() => expect(there!.result.current.sessions).toEqual([]));
      expect(gets(store.requests)).toBe(3);
    });
  });

  it('should post on the channel named @firstparty/active-sessions after a logout, and not reload from its own message', async () => {
    const store = useScenario('typical');
    const tab = listen();
    opened.push(tab);
    const hook = await renderReady();
    await act(() => hook.result.current.logOut('sess_windows'));
    await waitFor(() => expect(tab.messages).toEqual([{ type: 'sessions_changed' }]));
    await settle();
    // The first load and the reload after its own logout: nothing more.
    expect(gets(store.requests)).toBe(2);
  });

  it('should not post after a logout that failed', async () => {
    useScenario('logoutFails');
    const tab = listen();
    opened.push(tab);
    const hook = await renderReady();
    await act(() => hook.result.current.logOut('sess_windows'));
    await settle();
    expect(tab.messages).toEqual([]);
  });

  it('should reload when another tab says sessions changed', async () => {
    const store = useScenario('typical');
    const hook = await renderReady();
    const tab = new BroadcastChannel(CHANNEL);
    opened.push(tab);
    store.sessions.splice(
      store.sessions.findIndex((s) => s.id === 'sess_windows'),
      1,
    );
    tab.postMessage({ type: 'sessions_changed' });
    await waitFor(() => expect(hook.result.current.sessions.map((s) => s.id)).not.toContain('sess_windows'));
    expect(gets(store.requests)).toBe(2);
  });

  it('should ignore other messages on the channel', async () => {
    const store = useScenario('typical');
    await renderReady();
    const tab = new BroadcastChannel(CHANNEL);
    opened.push(tab);
    tab.postMessage({ type: 'something_else' });
    tab.postMessage(null);
    await settle();
    expect(gets(store.requests)).toBe(1);
  });

  it('should not make sections that share one QueryClient reload the list one of them just loaded', async () => {
    const store = useScenario('typical');
    const queryClient = newQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ActiveSessionsProvider client={client()} queryClient={queryClient}>
        {children}
      </ActiveSessionsProvider>
    );
    const here = renderHook(() => useActiveSessions(), { wrapper });
    const there = renderHook(() => useActiveSessions(), { wrapper });
    await waitFor(() => expect(there.result.current.status).toBe('ready'));
    await act(() => here.result.current.logOut('sess_windows'));
    await settle();
    expect(gets(store.requests)).toBe(2);
    expect(there.result.current.sessions.map((s) => s.id)).not.toContain('sess_windows');
  });

  it('should keep listening for a section that stays when another on its QueryClient unmounts', async () => {
    const store = useScenario('typical');
    const queryClient = newQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ActiveSessionsProvider client={client()} queryClient={queryClient}>
        {children}
      </ActiveSessionsProvider>
    );
    const leaving = renderHook(() => useActiveSessions(), { wrapper });
    const staying = renderHook(() => useActiveSessions(), { wrapper });
    await waitFor(() => expect(staying.result.current.status).toBe('ready'));
    leaving.unmount();
    const tab = new BroadcastChannel(CHANNEL);
    opened.push(tab);
    tab.postMessage({ type: 'sessions_changed' });
    await waitFor(() => expect(gets(store.requests)).toBe(2));
  });

  describe('given no BroadcastChannel', () => {
    const original = globalThis.BroadcastChannel;
    afterEach(() => {
      globalThis.BroadcastChannel = original;
    });

    it('should log out with no error and tell no one', async () => {
      // @ts-expect-error: a browser without BroadcastChannel
      delete globalThis.BroadcastChannel;
      const store = useScenario('typical');
      const consoleError = vi.spyOn(console, 'error');
      const hook = await renderReady();
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOut('sess_windows');
      });
      expect(outcome).toEqual({ outcome: 'logged-out' });
      expect(hook.result.current.sessions.map((s) => s.id)).not.toContain('sess_windows');
      expect(consoleError).not.toHaveBeenCalled();
      expect(store.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=false');
      consoleError.mockRestore();
    });
  });

  describe('given a list older than its 10 s stale time', () => {
    it.each([
      ['the window regains focus', () => window.dispatchEvent(new Event('focus'))],
      ['the page becomes visible', () => document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))],
    ])('should reload it when %s', async (_, seen) => {
      const store = useScenario('typical');
      await renderReady();
      later(11_000);
      void act(seen);
      await waitFor(() => expect(gets(store.requests)).toBe(2));
    });

    it('should not start a second load when one is already under way', async () => {
      const store = useScenario({ ...createScenarios().typical, delayMs: 200 });
      const hook = await renderReady();
      later(11_000);
      let refreshing!: Promise<void>;
      act(() => {
        refreshing = hook.result.current.refresh();
      });
      void act(() => window.dispatchEvent(new Event('focus')));
      await act(() => refreshing);
      await settle();
      expect(gets(store.requests)).toBe(2);
    });

    it('should not reload a list that is still fresh', async () => {
      const store = useScenario('typical');
      await renderReady();
      later(5_000);
      act(() => {
        window.dispatchEvent(new Event('focus'));
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      });
      await settle();
      expect(gets(store.requests)).toBe(1);
    });

    it('should not reload while the page is hidden', async () => {
      const store = useScenario('typical');
      await renderReady();
      later(11_000);
      const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      void act(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
      await settle();
      visibility.mockRestore();
      expect(gets(store.requests)).toBe(1);
    });

    it('should tell onUnauthorized when the reload answers 401 (the session was ended elsewhere)', async () => {
      useScenario('typical');
      const onUnauthorized = vi.fn();
      await renderReady({ onUnauthorized });
      server.use(http.get(`${BASE_URL}/sessions`, () => HttpResponse.json({ error: { code: 'unauthorized' } }, { status: 401 })));
      later(11_000);
      void act(() => window.dispatchEvent(new Event('focus')));
      await waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1));
      expect(onUnauthorized.mock.calls[0]![0]).toMatchObject({ code: 'unauthorized' });
    });

    it('should reload it once under a host QueryClientProvider, whose own focus handling runs too', async () => {
      const store = useScenario('typical');
      const queryClient = newQueryClient();
      const wrapper = underHostProvider(queryClient);
      const hook = renderHook(() => useActiveSessions(), { wrapper });
      await waitFor(() => expect(hook.result.current.status).toBe('ready'));
      later(11_000);
      void act(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
      await waitFor(() => expect(gets(store.requests)).toBe(2));
      await settle();
      expect(gets(store.requests)).toBe(2);
    });

    it('should reload it for a host QueryClient whose defaults turn refetch on focus off', async () => {
      const store = useScenario('typical');
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
      const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>
          <ActiveSessionsSection client={client()} queryClient={queryClient} />
          {children}
        </QueryClientProvider>
      );
      render(<></>, { wrapper });
      await screen.findByRole('list', { name: /active sessions/ });
      later(11_000);
      void act(() => window.dispatchEvent(new Event('focus')));
      await waitFor(() => expect(gets(store.requests)).toBe(2));
    });
  });
  describe('given a host QueryClient with queries of its own', () => {
    const PROFILE = ['host', 'profile'];

    /** The host's own query (asked for first, so first in the cache) beside the section's hook, on one QueryClient. */
    function renderWithHostQuery() {
      const queryClient = newQueryClient();
      const profile = vi.fn(async () => 'profile');
      const wrapper = underHostProvider(queryClient);
      const hook = renderHook(
        () => [useQuery({ queryKey: PROFILE, queryFn: profile, staleTime: Infinity }), useActiveSessions()] as const,
        {
          wrapper,
        },
      );
      return { hook, profile, queryClient };
    }

    it("should reload only the sessions list when another tab says sessions changed, never the host's queries", async () => {
      const store = useScenario('typical');
      const { hook, profile } = renderWithHostQuery();
      await waitFor(() => expect(hook.result.current[1].status).toBe('ready'));
      const tab = new BroadcastChannel(CHANNEL);
      opened.push(tab);
      tab.postMessage({ type: 'sessions_changed' });
      await waitFor(() => expect(gets(store.requests)).toBe(2));
      await settle();
      expect(profile).toHaveBeenCalledTimes(1);
    });

    it("should judge the sessions list's age, not a host query's, when the page is seen again", async () => {
      const store = useScenario('typical');
      const { hook, queryClient } = renderWithHostQuery();
      await waitFor(() => expect(hook.result.current[1].status).toBe('ready'));
      later(11_000);
      // The host's query was just updated; the list is 11 s old.
      act(() => {
        queryClient.setQueryData(PROFILE, 'profile, updated');
      });
      void act(() => window.dispatchEvent(new Event('focus')));
      await waitFor(() => expect(gets(store.requests)).toBe(2));
    });
  });

  describe('given a provider whose list no section shows', () => {
    /** The provider alone, as a host mounts it at its root with the section on another page. */
    function renderProviderOnly(queryClient = newQueryClient()) {
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      render(
        <ActiveSessionsProvider client={client()} queryClient={queryClient}>
          <p>Settings</p>
        </ActiveSessionsProvider>,
      );
      return { errors, done: () => window.removeEventListener('error', onError) };
    }

    it('should not load a list when the page is seen again before any section asked for one', async () => {
      const store = useScenario('typical');
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
      const { errors, done } = renderProviderOnly();
      later(11_000);
      act(() => {
        window.dispatchEvent(new Event('focus'));
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      });
      await settle();
      done();
      expect(errors).toEqual([]);
      expect(consoleError).not.toHaveBeenCalled();
      expect(gets(store.requests)).toBe(0);
      consoleError.mockRestore();
    });

    it('should not reload a prefetched list no section shows when another tab says sessions changed', async () => {
      const store = useScenario('typical');
      const queryClient = newQueryClient();
      await prefetchActiveSessions(queryClient, client());
      renderProviderOnly(queryClient).done();
      const tab = new BroadcastChannel(CHANNEL);
      opened.push(tab);
      tab.postMessage({ type: 'sessions_changed' });
      await settle();
      expect(gets(store.requests)).toBe(1);
    });
  });

  describe('given a list whose load failed', () => {
    it('should leave it to Try again: seeing the page again sends nothing, and the host hears of one failure', async () => {
      const store = useScenario('serverError');
      const onEvent = vi.fn();
      const hook = renderActiveSessions({ onEvent });
      await waitFor(() => expect(hook.result.current.status).toBe('error'));
      const loads = gets(store.requests);
      later(11_000);
      void act(() => window.dispatchEvent(new Event('focus')));
      await settle();
      expect(gets(store.requests)).toBe(loads);
      expect(hook.result.current.status).toBe('error');
      expect(onEvent).toHaveBeenCalledTimes(1);
    });
  });
});
