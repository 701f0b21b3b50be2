import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ActiveSessionsProvider, createFetchSessionsClient, useActiveSessions, type SessionsClient } from '../src';
import { BASE_URL, useScenario } from './server';
import { createScenarios } from '../mocks';
import { renderActiveSessions as setup, renderReady as ready } from './renderActiveSessions';

const ids = (hook: { result: { current: { sessions: { id: string }[] } } }) => hook.result.current.sessions.map((s) => s.id);
const stateOf = (hook: { result: { current: ReturnType<typeof useActiveSessions> } }, id: string) =>
  hook.result.current.rows.find((row) => row.session.id === id)?.state;

describe('useActiveSessions', () => {
  describe('given the list loads', () => {
    it('should go from loading to ready with the current session first, then the most recently active (B3, B12)', async () => {
      useScenario('everyRowState');
      const hook = setup();
      expect(hook.result.current.status).toBe('loading');
      await waitFor(() => expect(hook.result.current.status).toBe('ready'));
      expect(ids(hook)).toEqual([
        'sess_current_trusted',
        'sess_iphone',
        'sess_products',
        'sess_windows',
        'sess_unknown_app',
        'sess_unavailable',
        'sess_ipad',
        'sess_incomplete',
      ]);
    });

    it('should offer Log out only on other, active rows (B3, B5)', async () => {
      useScenario('everyRowState');
      const hook = await ready();
      const offered = hook.result.current.rows.filter((row) => row.canLogOut).map((row) => row.session.id);
      expect(offered).not.toContain('sess_current_trusted');
      expect(offered).not.toContain('sess_unavailable');
      expect(offered).toContain('sess_windows');
    });

    it('should send one GET however many components use the hook', async () => {
      const store = useScenario('typical');
      const client = createFetchSessionsClient({ baseUrl: BASE_URL });
      const queryClient = new QueryClient();
      const wrapper = ({ children }: { children: ReactNode }) => (
        <ActiveSessionsProvider client={client} queryClient={queryClient}>
          {children}
        </ActiveSessionsProvider>
      );
      const hook = renderHook(() => [useActiveSessions(), useActiveSessions(), useActiveSessions()], { wrapper });
      await waitFor(() => expect(hook.result.current.every((r) => r.status === 'ready')).toBe(true));
      expect(store.requests).toEqual(['GET /sessions']);
    });

    it('should report how many malformed rows were left out', async () => {
      useScenario('malformedRows');
      const hook = await ready();
      expect(hook.result.current.skipped).toBe(2);
      expect(ids(hook)).toEqual(['sess_current', 'sess_windows']);
    });
  });

  describe('given the list cannot load', () => {
    it('should be in error (B8), and refresh should load it once the server recovers', async () => {
      useScenario('serverError');
      const hook = setup();
      await waitFor(() => expect(hook.result.current.status).toBe('error'));
      const result = hook.result.current;
      expect(result.status === 'error' && result.error.code).toBe('server');
      useScenario('typical');
      await act(() => hook.result.current.refresh());
      expect(hook.result.current.status).toBe('ready');
    });

    it('should be unavailable with reason sso for SSO accounts (B7)', async () => {
      useScenario('sso');
      const hook = setup();
      await waitFor(() => expect(hook.result.current.status).toBe('unavailable'));
      const result = hook.result.current;
      expect(result.status === 'unavailable' && result.reason).toBe('sso');
    });

    it('should tell the host once on 401 and not retry', async () => {
      const store = useScenario('unauthorized');
      const onUnauthorized = vi.fn();
      const hook = setup({ onUnauthorized });
      await waitFor(() => expect(hook.result.current.status).toBe('error'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(onUnauthorized).toHaveBeenCalledTimes(1);
      expect(onUnauthorized.mock.calls[0]?.[0]).toMatchObject({ code: 'unauthorized' });
      expect(store.requests).toEqual(['GET /sessions']);
    });

    it('should not tell the host of a sign-in that expired when the list fails for another reason', async () => {
      useScenario('serverError');
      const onUnauthorized = vi.fn();
      const hook = setup({ onUnauthorized });
      await waitFor(() => expect(hook.result.current.status).toBe('error'), { timeout: 3_000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(onUnauthorized).not.toHaveBeenCalled();
    });

    it('should say it is refreshing while a refresh is under way with the list shown, but not while it first loads', async () => {
      useScenario({ ...createScenarios().typical, delayMs: 200 });
      const hook = setup();
      await waitFor(() => expect(hook.result.current.status).toBe('loading'));
      expect(hook.result.current.isRefreshing).toBe(false);
      await waitFor(() => expect(hook.result.current.status).toBe('ready'));
      expect(hook.result.current.isRefreshing).toBe(false);
      let refreshed!: Promise<void>;
      act(() => {
        refreshed = hook.result.current.refresh();
      });
      await waitFor(() => expect(hook.result.current.isRefreshing).toBe(true));
      await act(() => refreshed);
      expect(hook.result.current.isRefreshing).toBe(false);
    });

    it('should be in error with code unauthorized when the host passes no onUnauthorized', async () => {
      useScenario('unauthorized');
      const hook = setup();
      await waitFor(() => expect(hook.result.current.status).toBe('error'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const result = hook.result.current;
      expect(result.status === 'error' && result.error.code).toBe('unauthorized');
    });

    it('should turn a custom client that resolves garbage into a malformed error', async () => {
      const client = { listSessions: async () => ({ sessions: 'nope' }) } as unknown as SessionsClient;
      const hook = setup({ client });
      await waitFor(() => expect(hook.result.current.status).toBe('error'));
      const result = hook.result.current;
      expect(result.status === 'error' && result.error.code).toBe('malformed');
    });
  });

  describe('when logging out one session', () => {
    it('should go idle → logging-out → gone, sending DELETE with remove_trusted_device=false', async () => {
      const store = useScenario({ ...createScenarios().typical, delayMs: 100 });
      const hook = await ready();
      expect(stateOf(hook, 'sess_windows')).toBe('idle');
      let outcome: Promise<unknown> | undefined;
      act(() => {
        outcome = hook.result.current.logOut('sess_windows');
      });
      await waitFor(() => expect(stateOf(hook, 'sess_windows')).toBe('logging-out'));
      await expect(outcome).resolves.toEqual({ outcome: 'logged-out' });
      await waitFor(() => expect(ids(hook)).not.toContain('sess_windows'));
      expect(store.requests).toEqual(['GET /sessions', 'DELETE /sessions/sess_windows?remove_trusted_device=false', 'GET /sessions']);
    });

    it('should remove a trusted device from trusted devices too (B4)', async () => {
      const store = useScenario('typical');
      const hook = await ready();
      await act(() => hook.result.current.logOut('sess_iphone'));
      expect(store.requests).toContain('DELETE /sessions/sess_iphone?remove_trusted_device=true');
    });

    it('should go logging-out → failed when the server fails, and succeed when tried again', async () => {
      useScenario('logoutFails');
      const hook = await ready();
      let result: unknown;
      await act(async () => {
        result = await hook.result.current.logOut('sess_windows');
      });
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'server' } });
      expect(stateOf(hook, 'sess_windows')).toBe('failed');
      expect(hook.result.current.rows.find((r) => r.session.id === 'sess_windows')).toMatchObject({
        canLogOut: true,
        error: { code: 'server' },
      });
      useScenario('typical');
      await act(() => hook.result.current.logOut('sess_windows'));
      expect(ids(hook)).not.toContain('sess_windows');
    });

    it('should be signing-out, not idle, when the server accepted but the next list still holds the row (B9)', async () => {
      useScenario('logoutLingers');
      const hook = await ready();
      let result: unknown;
      await act(async () => {
        result = await hook.result.current.logOut('sess_windows');
      });
      expect(result).toEqual({ outcome: 'signing-out' });
      expect(stateOf(hook, 'sess_windows')).toBe('signing-out');
      expect(hook.result.current.rows.find((r) => r.session.id === 'sess_windows')?.canLogOut).toBe(false);
      // A refresh (or a window-focus refetch) while it lingers keeps it signing-out; the next one drops it.
      await act(() => hook.result.current.refresh());
      expect(ids(hook)).not.toContain('sess_windows');
    });

    it('should refuse the current and a status-unavailable session without a request (B3, B5)', async () => {
      const store = useScenario('everyRowState');
      const hook = await ready();
      await expect(hook.result.current.logOut('sess_current_trusted')).resolves.toMatchObject({
        outcome: 'refused',
        error: { code: 'refused', message: 'Session sess_current_trusted cannot be logged out from its row.' },
      });
      await expect(hook.result.current.logOut('sess_unavailable')).resolves.toMatchObject({ outcome: 'refused' });
      await expect(hook.result.current.logOut('no_such_session')).resolves.toMatchObject({ outcome: 'refused' });
      expect(store.requests).toEqual(['GET /sessions']);
    });

    it('should send one request when logOut is called twice while one is in flight', async () => {
      const store = useScenario('typical');
      const hook = await ready();
      await act(async () => {
        const first = hook.result.current.logOut('sess_windows');
        const second = hook.result.current.logOut('sess_windows');
        expect(second).toBe(first);
        await first;
      });
      expect(store.requests.filter((r) => r.startsWith('DELETE'))).toHaveLength(1);
    });

    it('should log out two rows at once', async () => {
      const store = useScenario('typical');
      const hook = await ready();
      await act(() => Promise.all([hook.result.current.logOut('sess_windows'), hook.result.current.logOut('sess_iphone')]));
      expect(ids(hook)).toEqual(['sess_current', 'sess_products']);
      expect(store.requests.filter((r) => r.startsWith('DELETE'))).toHaveLength(2);
    });

    it('should abort a logout in flight when the provider unmounts, with the row left as it was', async () => {
      useScenario('logoutHangs');
      const signals: AbortSignal[] = [];
      const inner = createFetchSessionsClient({ baseUrl: BASE_URL });
      const client: SessionsClient = {
        ...inner,
        listSessions: (init) => inner.listSessions(init),
        logOutSession: (id, init) => {
          if (init.signal) signals.push(init.signal);
          return inner.logOutSession(id, init);
        },
      };
      const hook = await ready({ client });
      act(() => {
        void hook.result.current.logOut('sess_windows');
      });
      await waitFor(() => expect(signals).toHaveLength(1));
      hook.unmount();
      expect(signals[0]?.aborted).toBe(true);
    });
  });

  describe('when logging out of all sessions', () => {
    it('should POST once, report done with completesBy and tell the host once (B6)', async () => {
      const store = useScenario('typical');
      const onSignedOut = vi.fn();
      const hook = await ready({ onSignedOut });
      expect(hook.result.current.logOutAllState).toBe('idle');
      await act(async () => {
        const first = hook.result.current.logOutAll();
        expect(hook.result.current.logOutAll()).toBe(first);
        await first;
      });
      expect(hook.result.current.logOutAllState).toBe('done');
      expect(Date.parse(hook.result.current.completesBy!)).toBeGreaterThan(Date.now());
      expect(onSignedOut).toHaveBeenCalledTimes(1);
      expect(onSignedOut).toHaveBeenCalledWith({ completesBy: hook.result.current.completesBy });
      expect(store.requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /sessions/logout_all']);
    });

    it('should be failed when the server fails, without telling the host', async () => {
      useScenario('logOutAllFails');
      const onSignedOut = vi.fn();
      const hook = await ready({ onSignedOut });
      await act(() => hook.result.current.logOutAll());
      expect(hook.result.current.logOutAllState).toBe('failed');
      expect(hook.result.current.logOutAllError).toMatchObject({ code: 'server' });
      expect(onSignedOut).not.toHaveBeenCalled();
    });

    it('should offer no single Log out while it is pending or done, and refuse one without a request', async () => {
      const store = useScenario('typical');
      const hook = await ready();
      await act(() => hook.result.current.logOutAll());
      expect(hook.result.current.rows.some((row) => row.canLogOut)).toBe(false);
      await expect(hook.result.current.logOut('sess_windows')).resolves.toMatchObject({ outcome: 'refused' });
      expect(store.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    });

    it('should be pending while the request is in flight', async () => {
      useScenario('logOutAllHangs');
      const hook = await ready();
      act(() => {
        void hook.result.current.logOutAll();
      });
      await waitFor(() => expect(hook.result.current.logOutAllState).toBe('pending'));
    });
  });

  describe('security', () => {
    it('should keep a session seen as current unable to log out, even if a later list says otherwise', async () => {
      let calls = 0;
      const current = { id: 'me', isCurrent: true, isTrusted: false, status: 'active' as const, apps: [] };
      const client: SessionsClient = {
        listSessions: async () => ({
          availability: 'available',
          sessions: [{ ...current, isCurrent: calls++ === 0 }],
        }),
        logOutSession: vi.fn(async () => {}),
        logOutAllSessions: async () => ({}),
      };
      const hook = await ready({ client });
      await act(() => hook.result.current.refresh());
      expect(calls).toBe(2);
      expect(hook.result.current.rows[0]).toMatchObject({ canLogOut: false, session: { isCurrent: true } });
      await expect(hook.result.current.logOut('me')).resolves.toMatchObject({ outcome: 'refused' });
      expect(client.logOutSession).not.toHaveBeenCalled();
    });
  });

  it('should throw a clear error outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useActiveSessions())).toThrow(/ActiveSessionsProvider/);
  });
});
