import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { delay, HttpResponse } from 'msw';
import { createFetchSessionsClient, useActiveSessions, type LogOutAllResult, type LogOutResult, type SessionsClient } from '../src';
import { createFixtures } from '../mocks';
import { BASE_URL } from './server';
import { createFaultyApi, sleep } from './faultyApi';
import { renderActiveSessions as setup, renderReady as ready } from './renderActiveSessions';

// Races: calls that overlap each other, the list refetching under a logout, and the section going away
// mid-request. Each must settle with one request per intent and no row stuck or reset.

const f = createFixtures();
const SESSIONS = [f.current, f.other, f.trusted, f.severalProducts];

type Hook = { result: { current: ReturnType<typeof useActiveSessions> } };

const ids = (hook: Hook) => hook.result.current.sessions.map((s) => s.id);
const stateOf = (hook: Hook, id: string) => hook.result.current.rows.find((r) => r.session.id === id)?.state;
const noRowLoggingOut = (hook: Hook) => expect(hook.result.current.rows.filter((r) => r.state === 'logging-out')).toEqual([]);

/** A client that records the AbortSignal of every call, to prove what unmounting cancels. */
function recordingClient() {
  const inner = createFetchSessionsClient({ baseUrl: BASE_URL });
  const signals = { list: [] as AbortSignal[], logOut: [] as (AbortSignal | undefined)[], logOutAll: [] as (AbortSignal | undefined)[] };
  const client: SessionsClient = {
    listSessions: (init) => {
      signals.list.push(init.signal);
      return inner.listSessions(init);
    },
    logOutSession: (id, init) => {
      signals.logOut.push(init.signal);
      return inner.logOutSession(id, init);
    },
    logOutAllSessions: (init) => {
      signals.logOutAll.push(init?.signal);
      return inner.logOutAllSessions(init);
    },
  };
  return { client, signals };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('races', () => {
  describe('given Log out is pressed twice', () => {
    it('should send one DELETE, also when the second press comes after a re-render', async () => {
      const api = createFaultyApi(SESSIONS);
      api.logOut = async () => {
        await delay(150);
        api.logOut = undefined;
        api.sessions = api.sessions.filter((s) => s.id !== 'sess_windows');
        return new HttpResponse(null, { status: 204 });
      };
      const hook = await ready();
      let first: Promise<LogOutResult> | undefined;
      let second: Promise<LogOutResult> | undefined;
      let third: Promise<LogOutResult> | undefined;
      act(() => {
        first = hook.result.current.logOut('sess_windows');
        second = hook.result.current.logOut('sess_windows');
      });
      await waitFor(() => expect(stateOf(hook, 'sess_windows')).toBe('logging-out'));
      act(() => {
        third = hook.result.current.logOut('sess_windows');
      });
      await act(async () => {
        await expect(first).resolves.toEqual({ outcome: 'logged-out' });
        await expect(second).resolves.toEqual({ outcome: 'logged-out' });
        await expect(third).resolves.toEqual({ outcome: 'logged-out' });
      });
      expect(api.count('DELETE')).toBe(1);
      expect(ids(hook)).not.toContain('sess_windows');
    });

    it('should send one POST when Log out of all sessions is pressed twice', async () => {
      const api = createFaultyApi(SESSIONS);
      const onSignedOut = vi.fn();
      const hook = await ready({ onSignedOut });
      await act(async () => {
        await Promise.all([hook.result.current.logOutAll(), hook.result.current.logOutAll()]);
      });
      expect(api.count('POST')).toBe(1);
      expect(onSignedOut).toHaveBeenCalledTimes(1);
    });
  });

  describe('given two rows are logged out at once', () => {
    it('should send both DELETEs, show both logging-out together, and end with both gone, each reported logged out', async () => {
      const api = createFaultyApi(SESSIONS);
      const hook = await ready();
      api.logOut = async (request) => {
        await delay(150);
        const id = decodeURIComponent(new URL(request.url).pathname.split('/').at(-1)!);
        api.sessions = api.sessions.filter((s) => s.id !== id);
        return new HttpResponse(null, { status: 204 });
      };
      let both: Promise<LogOutResult[]> | undefined;
      act(() => {
        both = Promise.all([hook.result.current.logOut('sess_windows'), hook.result.current.logOut('sess_iphone')]);
      });
      await waitFor(() => {
        expect(stateOf(hook, 'sess_windows')).toBe('logging-out');
        expect(stateOf(hook, 'sess_iphone')).toBe('logging-out');
      });
      let outcomes: LogOutResult[] = [];
      await act(async () => {
        outcomes = await both!;
      });
      expect(outcomes).toEqual([{ outcome: 'logged-out' }, { outcome: 'logged-out' }]);
      await waitFor(() => expect(ids(hook)).toEqual(['sess_current', 'sess_products']));
      expect(api.requests.filter((r) => r.startsWith('DELETE')).sort()).toEqual([
        'DELETE /sessions/sess_iphone?remove_trusted_device=true',
        'DELETE /sessions/sess_windows?remove_trusted_device=false',
      ]);
      noRowLoggingOut(hook);
    });

    it('should fail one and log out the other when only one DELETE fails', async () => {
      const api = createFaultyApi(SESSIONS);
      const hook = await ready();
      api.logOut = async (request) => {
        await delay(50);
        if (request.url.includes('/sess_iphone?')) return HttpResponse.json({ error: { code: 'internal' } }, { status: 500 });
        api.sessions = api.sessions.filter((s) => s.id !== 'sess_windows');
        return new HttpResponse(null, { status: 204 });
      };
      let outcomes: LogOutResult[] = [];
      await act(async () => {
        outcomes = await Promise.all([hook.result.current.logOut('sess_windows'), hook.result.current.logOut('sess_iphone')]);
      });
      expect(outcomes).toMatchObject([{ outcome: 'logged-out' }, { outcome: 'failed', error: { code: 'server' } }]);
      await waitFor(() => expect(stateOf(hook, 'sess_iphone')).toBe('failed'));
      expect(ids(hook)).not.toContain('sess_windows');
      noRowLoggingOut(hook);
    });
  });

  describe('given Log out of all sessions while a single logout is in flight', () => {
    it('should settle both, with no row left logging out, and offer no more single logouts', async () => {
      const api = createFaultyApi(SESSIONS);
      const onSignedOut = vi.fn();
      const hook = await ready({ onSignedOut });
      api.logOut = async () => {
        await delay(200);
        api.sessions = api.sessions.filter((s) => s.id !== 'sess_windows');
        return new HttpResponse(null, { status: 204 });
      };
      // Accepted, but every other session stays listed while the logout propagates (up to 30 minutes).
      api.logOutAll = () => HttpResponse.json({ completes_by: new Date(Date.now() + 30 * 60_000).toISOString() }, { status: 202 });
      let single: Promise<LogOutResult> | undefined;
      let all: Promise<LogOutAllResult> | undefined;
      act(() => {
        single = hook.result.current.logOut('sess_windows');
      });
      await waitFor(() => expect(stateOf(hook, 'sess_windows')).toBe('logging-out'));
      act(() => {
        all = hook.result.current.logOutAll();
      });
      let results: [LogOutResult, LogOutAllResult] | undefined;
      await act(async () => {
        results = await Promise.all([single!, all!]);
      });
      expect(results![0].outcome).toMatch(/^(logged-out|signing-out)$/);
      expect(results![1]).toMatchObject({ outcome: 'done' });
      await waitFor(() => expect(hook.result.current.logOutAllState).toBe('done'));
      noRowLoggingOut(hook);
      expect(ids(hook)).toEqual(['sess_current', 'sess_iphone', 'sess_products']);
      expect(hook.result.current.rows.filter((r) => r.canLogOut)).toEqual([]);
      await expect(hook.result.current.logOut('sess_iphone')).resolves.toMatchObject({ outcome: 'refused' });
      expect(onSignedOut).toHaveBeenCalledTimes(1);
      expect(api.count('DELETE')).toBe(1);
      expect(api.count('POST')).toBe(1);
    });

    it('should settle both when the single logout fails, leaving that row failed, not logging out', async () => {
      const api = createFaultyApi(SESSIONS);
      const hook = await ready();
      api.logOut = async () => {
        await delay(150);
        return HttpResponse.json({ error: { code: 'internal' } }, { status: 500 });
      };
      api.logOutAll = async () => {
        await delay(50);
        return HttpResponse.json({ error: { code: 'internal' } }, { status: 503 });
      };
      let results: [LogOutResult, LogOutAllResult] | undefined;
      await act(async () => {
        const single = hook.result.current.logOut('sess_windows');
        const all = hook.result.current.logOutAll();
        results = await Promise.all([single, all]);
      });
      expect(results).toMatchObject([{ outcome: 'failed' }, { outcome: 'failed' }]);
      await waitFor(() => expect(stateOf(hook, 'sess_windows')).toBe('failed'));
      expect(hook.result.current.logOutAllState).toBe('failed');
      noRowLoggingOut(hook);
    });
  });

  describe('given the section unmounts mid-request', () => {
    it('should abort the list request, with no React warning', async () => {
      const api = createFaultyApi(SESSIONS);
      api.list = async () => {
        await delay('infinite');
        return HttpResponse.json({ sessions: [] });
      };
      const consoleError = vi.spyOn(console, 'error');
      const { client, signals } = recordingClient();
      const hook = setup({ client });
      await waitFor(() => expect(signals.list).toHaveLength(1));
      expect(signals.list[0]!.aborted).toBe(false);
      hook.unmount();
      await waitFor(() => expect(signals.list[0]!.aborted).toBe(true));
      await sleep(100);
      expect(consoleError).not.toHaveBeenCalled();
      expect(api.count('GET')).toBe(1);
    });

    it('should abort a logout in flight, send no follow-up request, and log no React warning', async () => {
      const api = createFaultyApi(SESSIONS);
      const consoleError = vi.spyOn(console, 'error');
      const { client, signals } = recordingClient();
      const hook = await ready({ client });
      api.logOut = async () => {
        await delay('infinite');
        return new HttpResponse(null, { status: 204 });
      };
      let pending: Promise<LogOutResult> | undefined;
      act(() => {
        pending = hook.result.current.logOut('sess_windows');
      });
      await waitFor(() => expect(signals.logOut).toHaveLength(1));
      expect(signals.logOut[0]?.aborted).toBe(false);
      hook.unmount();
      expect(signals.logOut[0]?.aborted).toBe(true);
      await expect(pending).resolves.toMatchObject({ outcome: 'failed', error: { code: 'aborted' } });
      await sleep(100);
      expect(api.requests).toEqual(['GET /sessions', 'DELETE /sessions/sess_windows?remove_trusted_device=false']);
      expect(consoleError).not.toHaveBeenCalled();
    });

    it('should abort Log out of all sessions in flight without telling the host it signed out', async () => {
      const api = createFaultyApi(SESSIONS);
      api.logOutAll = async () => {
        await delay('infinite');
        return HttpResponse.json({}, { status: 202 });
      };
      const consoleError = vi.spyOn(console, 'error');
      const onSignedOut = vi.fn();
      const { client, signals } = recordingClient();
      const hook = await ready({ client, onSignedOut });
      let pending: Promise<LogOutAllResult> | undefined;
      act(() => {
        pending = hook.result.current.logOutAll();
      });
      await waitFor(() => expect(signals.logOutAll).toHaveLength(1));
      hook.unmount();
      expect(signals.logOutAll[0]?.aborted).toBe(true);
      await expect(pending).resolves.toMatchObject({ outcome: 'failed', error: { code: 'aborted' } });
      await sleep(50);
      expect(onSignedOut).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    });
  });

  describe('given the list refetches during a logout', () => {
    it('should keep a signing-out row signing-out through refetches that still list it (B9)', async () => {
      const api = createFaultyApi(SESSIONS);
      api.lingerFor = 4;
      const hook = await ready();
      await act(() => hook.result.current.logOut('sess_windows'));
      await waitFor(() => expect(stateOf(hook, 'sess_windows')).toBe('signing-out'));
      // A host refetch, an invalidation and a window focus: none of them may reset the row to idle.
      await act(() => hook.queryClient.refetchQueries());
      expect(stateOf(hook, 'sess_windows')).toBe('signing-out');
      await act(() => hook.queryClient.invalidateQueries());
      expect(stateOf(hook, 'sess_windows')).toBe('signing-out');
      await act(async () => {
        window.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event('focus'));
        await sleep(50);
      });
      expect(stateOf(hook, 'sess_windows')).toBe('signing-out');
      expect(hook.result.current.rows.find((r) => r.session.id === 'sess_windows')?.canLogOut).toBe(false);
      expect(api.count('DELETE')).toBe(1);
      // Once the server stops listing it, it is gone.
      api.lingering.clear();
      api.sessions = api.sessions.filter((s) => s.id !== 'sess_windows');
      await act(() => hook.result.current.refresh());
      // A focus refetch may still be settling on a loaded machine: the row must go, and stay gone.
      await waitFor(() => expect(ids(hook)).not.toContain('sess_windows'));
      await act(() => sleep(50));
      expect(ids(hook)).not.toContain('sess_windows');
    });

    it('should keep a pending logout logging-out when a refetch lands before the server answers', async () => {
      const api = createFaultyApi(SESSIONS);
      const hook = await ready();
      let answer: () => void = () => {};
      api.logOut = async () => {
        await new Promise<void>((resolve) => {
          answer = resolve;
        });
        api.sessions = api.sessions.filter((s) => s.id !== 'sess_windows');
        return new HttpResponse(null, { status: 204 });
      };
      let pending: Promise<LogOutResult> | undefined;
      act(() => {
        pending = hook.result.current.logOut('sess_windows');
      });
      await waitFor(() => expect(stateOf(hook, 'sess_windows')).toBe('logging-out'));
      const getsBefore = api.count('GET');
      await act(() => hook.queryClient.refetchQueries());
      expect(api.count('GET')).toBe(getsBefore + 1);
      expect(ids(hook)).toContain('sess_windows');
      expect(stateOf(hook, 'sess_windows')).toBe('logging-out');
      expect(hook.result.current.rows.find((r) => r.session.id === 'sess_windows')?.canLogOut).toBe(false);
      await waitFor(() => expect(api.count('DELETE')).toBe(1));
      act(() => answer());
      await act(async () => {
        await expect(pending).resolves.toEqual({ outcome: 'logged-out' });
      });
      expect(ids(hook)).not.toContain('sess_windows');
      noRowLoggingOut(hook);
    });

    it('should not let a stale list that lands after the server accepted make the row idle again', async () => {
      const api = createFaultyApi(SESSIONS);
      api.lingerFor = 1;
      const hook = await ready();
      // A slow refetch starts before the logout and answers with the old list after it was accepted.
      const stale = structuredClone(api.sessions);
      let release: () => void = () => {};
      api.list = async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return HttpResponse.json({ sessions: stale });
      };
      let refetch: Promise<void> | undefined;
      act(() => {
        refetch = hook.queryClient.refetchQueries();
      });
      await waitFor(() => expect(api.count('GET')).toBe(2));
      api.list = undefined;
      await act(() => hook.result.current.logOut('sess_windows'));
      act(() => release());
      await act(() => refetch!);
      expect(stateOf(hook, 'sess_windows')).toBe('signing-out');
      expect(hook.result.current.rows.find((r) => r.session.id === 'sess_windows')?.canLogOut).toBe(false);
    });
  });
});
