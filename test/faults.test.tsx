import { describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { delay, HttpResponse } from 'msw';
import {
  createFetchSessionsClient,
  useActiveSessions,
  type ActiveSessionsProviderProps,
  type LogOutResult,
  type SessionsClient,
} from '../src';
import { createFixtures } from '../mocks';
import { BASE_URL } from './server';
import { createFaultyApi, sleep, type FaultyApi } from './faultyApi';
import { renderActiveSessions as setup, renderReady as ready } from './renderActiveSessions';

// The fault matrix: each fault of the API or the network, what the hook shows for it, and that
// trying again works once the fault is gone, with no row left logging out or failed for nothing.

const f = createFixtures();
const SESSIONS = [f.current, f.other, f.trusted];

type Hook = { result: { current: ReturnType<typeof useActiveSessions> } };

async function failedToLoad(props: Partial<ActiveSessionsProviderProps> = {}, clientOptions: { timeoutMs?: number } = {}) {
  const hook = setup(props, clientOptions);
  await waitFor(() => expect(hook.result.current.status).toBe('error'), { timeout: 3_000 });
  return hook;
}

const ids = (hook: Hook) => hook.result.current.sessions.map((s) => s.id);
const row = (hook: Hook, id: string) => hook.result.current.rows.find((r) => r.session.id === id);
const errorCode = (hook: Hook) => (hook.result.current.status === 'error' ? hook.result.current.error.code : undefined);

async function logOut(hook: Hook, id: string): Promise<LogOutResult> {
  let result: LogOutResult | undefined;
  await act(async () => {
    result = await hook.result.current.logOut(id);
  });
  return result!;
}

/** After any fault has settled: nothing stuck logging out, the current session never offered, Log out offered where allowed. */
function expectNoRowInAWrongState(hook: Hook) {
  for (const r of hook.result.current.rows) {
    expect(r.state).not.toBe('logging-out');
    if (r.session.isCurrent) expect(r.canLogOut).toBe(false);
    if (r.state === 'failed') expect(r.error).not.toBeNull();
    if (r.state === 'idle' || r.state === 'failed') expect(r.canLogOut).toBe(!r.session.isCurrent && r.session.status === 'active');
  }
}

/** Heals the API, tries the list again and expects every session back, each idle. */
async function expectRefreshRecovers(hook: Hook, api: FaultyApi) {
  api.list = undefined;
  await act(() => hook.result.current.refresh());
  expect(hook.result.current.status).toBe('ready');
  expect(hook.result.current.refreshError).toBeNull();
  expect(ids(hook)).toEqual(['sess_current', 'sess_iphone', 'sess_windows']);
  expect(hook.result.current.rows.every((r) => r.state === 'idle')).toBe(true);
  expectNoRowInAWrongState(hook);
}

describe('fault matrix: the list', () => {
  it.each([500, 502, 503])(
    'given GET /sessions answers %i, should be in error (B8), retry once only, and load on Try again',
    async (status) => {
      const api = createFaultyApi(SESSIONS);
      api.list = () => HttpResponse.json({ error: { code: 'internal' } }, { status });
      const hook = await failedToLoad();
      expect(errorCode(hook)).toBe('server');
      expect(hook.result.current.sessions).toEqual([]);
      await sleep(500);
      expect(api.count('GET')).toBe(2); // one quick retry for a blip, no more
      await expectRefreshRecovers(hook, api);
    },
  );

  it('given the network fails, should be in error with code network and load on Try again', async () => {
    const api = createFaultyApi(SESSIONS);
    api.list = () => HttpResponse.error();
    const hook = await failedToLoad();
    expect(errorCode(hook)).toBe('network');
    await sleep(400);
    expect(api.count('GET')).toBe(2);
    await expectRefreshRecovers(hook, api);
  });

  it('given the server does not answer in time, should fail with code timeout instead of loading forever', async () => {
    const api = createFaultyApi(SESSIONS);
    api.list = async () => {
      await delay('infinite');
      return HttpResponse.json({ sessions: [] });
    };
    const hook = await failedToLoad({}, { timeoutMs: 150 });
    expect(errorCode(hook)).toBe('timeout');
    await expectRefreshRecovers(hook, api);
  });

  it('given a 200 whose body is not JSON, should be in error with code malformed and not retry', async () => {
    const api = createFaultyApi(SESSIONS);
    api.list = () => new HttpResponse('<html><body>Bad gateway</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const hook = await failedToLoad();
    expect(errorCode(hook)).toBe('malformed');
    await sleep(400);
    expect(api.count('GET')).toBe(1);
    await expectRefreshRecovers(hook, api);
  });

  it('given 401, should tell the host once and send no further request by itself', async () => {
    const api = createFaultyApi(SESSIONS);
    api.list = () => HttpResponse.json({ error: { code: 'unauthorized' } }, { status: 401 });
    const onUnauthorized = vi.fn();
    const hook = await failedToLoad({ onUnauthorized });
    expect(errorCode(hook)).toBe('unauthorized');
    await sleep(300);
    expect(api.requests).toEqual(['GET /sessions']);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]).toMatchObject({ code: 'unauthorized', status: 401 });
    // Re-renders of the host do not report the same expiry again.
    hook.rerender();
    await sleep(50);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expectRefreshRecovers(hook, api);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('given slow answers, should stay loading until the list arrives, then be ready', async () => {
    const api = createFaultyApi(SESSIONS);
    api.list = async () => {
      await delay(400);
      return HttpResponse.json({ sessions: SESSIONS });
    };
    const hook = setup();
    await sleep(200);
    expect(hook.result.current.status).toBe('loading');
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(api.count('GET')).toBe(1);
    expectNoRowInAWrongState(hook);
  });

  it('given a refresh fails once the list is shown, should keep the rows, say the refresh failed, and recover', async () => {
    const api = createFaultyApi(SESSIONS);
    const hook = await ready();
    api.list = () => HttpResponse.json({ error: { code: 'internal' } }, { status: 500 });
    await act(() => hook.result.current.refresh());
    await waitFor(() => expect(hook.result.current.refreshError).not.toBeNull(), { timeout: 2_000 });
    expect(hook.result.current.status).toBe('ready');
    expect(ids(hook)).toEqual(['sess_current', 'sess_iphone', 'sess_windows']);
    expect(hook.result.current.refreshError).toMatchObject({ code: 'server' });
    await expectRefreshRecovers(hook, api);
  });

  it('given a custom client that rejects with a value that cannot be printed, should be in error instead of crashing', async () => {
    let fail = true;
    const inner = createFetchSessionsClient({ baseUrl: BASE_URL });
    createFaultyApi(SESSIONS);
    const client: SessionsClient = {
      ...inner,
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the fault under test: a rejection that is not an Error
      listSessions: (init) => (fail ? Promise.reject(Object.create(null)) : inner.listSessions(init)),
    };
    const hook = await failedToLoad({ client });
    expect(errorCode(hook)).toBe('network');
    expect(hook.result.current).toMatchObject({ error: { message: 'The request failed: an unreadable error value' } });
    fail = false;
    await act(() => hook.result.current.refresh());
    expect(hook.result.current.status).toBe('ready');
  });
});

describe('fault matrix: logging out one session', () => {
  it('given DELETE answers 404 because the session is already gone, should count it as logged out (success)', async () => {
    const api = createFaultyApi(SESSIONS);
    const hook = await ready();
    // Logged out elsewhere in the meantime: the server no longer has it.
    api.sessions = api.sessions.filter((s) => s.id !== 'sess_windows');
    const result = await logOut(hook, 'sess_windows');
    expect(result).toEqual({ outcome: 'logged-out' });
    expect(api.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=false');
    expect(ids(hook)).toEqual(['sess_current', 'sess_iphone']);
    expectNoRowInAWrongState(hook);
  });

  it('given DELETE answers 409 current_session, should be failed with code refused, and retrying works once the server accepts', async () => {
    const api = createFaultyApi(SESSIONS);
    api.logOut = () => HttpResponse.json({ error: { code: 'current_session' } }, { status: 409 });
    const hook = await ready();
    const result = await logOut(hook, 'sess_windows');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'refused', status: 409 } });
    await waitFor(() => expect(row(hook, 'sess_windows')).toMatchObject({ state: 'failed', error: { code: 'refused' } }));
    expect(ids(hook)).toContain('sess_windows');
    expectNoRowInAWrongState(hook);
    api.logOut = undefined;
    expect(await logOut(hook, 'sess_windows')).toEqual({ outcome: 'logged-out' });
    expect(ids(hook)).not.toContain('sess_windows');
    expect(api.count('DELETE')).toBe(2);
  });

  it.each([
    ['500', () => HttpResponse.json({ error: { code: 'internal' } }, { status: 500 }), 'server'],
    ['a network failure', () => HttpResponse.error(), 'network'],
  ] as const)('given DELETE fails with %s, should be failed, keep the row, and retrying works', async (_, fault, code) => {
    const api = createFaultyApi(SESSIONS);
    api.logOut = fault;
    const hook = await ready();
    expect(await logOut(hook, 'sess_iphone')).toMatchObject({ outcome: 'failed', error: { code } });
    await waitFor(() => expect(row(hook, 'sess_iphone')).toMatchObject({ state: 'failed', canLogOut: true, error: { code } }));
    expect(api.count('DELETE')).toBe(1); // a logout is never retried behind the reader's back
    expectNoRowInAWrongState(hook);
    api.logOut = undefined;
    expect(await logOut(hook, 'sess_iphone')).toEqual({ outcome: 'logged-out' });
    expect(api.requests.filter((r) => r.startsWith('DELETE'))).toEqual([
      'DELETE /sessions/sess_iphone?remove_trusted_device=true',
      'DELETE /sessions/sess_iphone?remove_trusted_device=true',
    ]);
  });

  it('given DELETE does not answer in time, should be failed with code timeout, not logging out forever', async () => {
    const api = createFaultyApi(SESSIONS);
    api.logOut = async () => {
      await delay('infinite');
      return new HttpResponse(null, { status: 204 });
    };
    const hook = await ready({}, { timeoutMs: 150 });
    expect(await logOut(hook, 'sess_windows')).toMatchObject({ outcome: 'failed', error: { code: 'timeout' } });
    await waitFor(() => expect(row(hook, 'sess_windows')).toMatchObject({ state: 'failed', error: { code: 'timeout' } }));
    api.logOut = undefined;
    expect(await logOut(hook, 'sess_windows')).toEqual({ outcome: 'logged-out' });
    expectNoRowInAWrongState(hook);
  });

  it('given DELETE answers 401, should tell the host once, fail the row, and send nothing more', async () => {
    const api = createFaultyApi(SESSIONS);
    api.logOut = () => HttpResponse.json({ error: { code: 'unauthorized' } }, { status: 401 });
    const onUnauthorized = vi.fn();
    const hook = await ready({ onUnauthorized });
    expect(await logOut(hook, 'sess_windows')).toMatchObject({ outcome: 'failed', error: { code: 'unauthorized' } });
    await sleep(300);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(api.requests).toEqual(['GET /sessions', 'DELETE /sessions/sess_windows?remove_trusted_device=false']);
    expectNoRowInAWrongState(hook);
  });

  it('given slow answers, should show logging-out (and offer no second Log out) until the server answers', async () => {
    const api = createFaultyApi(SESSIONS);
    const hook = await ready();
    api.logOut = async () => {
      await delay(300);
      api.logOut = undefined;
      api.sessions = api.sessions.filter((s) => s.id !== 'sess_windows');
      return new HttpResponse(null, { status: 204 });
    };
    let pending: Promise<LogOutResult> | undefined;
    act(() => {
      pending = hook.result.current.logOut('sess_windows');
    });
    await waitFor(() => expect(row(hook, 'sess_windows')?.state).toBe('logging-out'));
    expect(row(hook, 'sess_windows')?.canLogOut).toBe(false);
    await sleep(150);
    expect(row(hook, 'sess_windows')?.state).toBe('logging-out');
    await act(async () => {
      await expect(pending).resolves.toEqual({ outcome: 'logged-out' });
    });
    expect(ids(hook)).toEqual(['sess_current', 'sess_iphone']);
    expect(api.count('DELETE')).toBe(1);
    expectNoRowInAWrongState(hook);
  });

  it('given the server accepts but the row stays listed (B9), should be signing-out until a refresh no longer lists it', async () => {
    const api = createFaultyApi(SESSIONS);
    api.lingerFor = 2;
    const hook = await ready();
    expect(await logOut(hook, 'sess_windows')).toEqual({ outcome: 'signing-out' });
    await waitFor(() => expect(row(hook, 'sess_windows')).toMatchObject({ state: 'signing-out', canLogOut: false, error: null }));
    await act(() => hook.result.current.refresh());
    expect(row(hook, 'sess_windows')).toMatchObject({ state: 'signing-out', canLogOut: false });
    await act(() => hook.result.current.refresh());
    expect(ids(hook)).toEqual(['sess_current', 'sess_iphone']);
    expect(api.count('DELETE')).toBe(1);
    expectNoRowInAWrongState(hook);
  });
});

describe('fault matrix: logging out of all sessions', () => {
  it('given POST fails, should be failed without telling the host, leave the rows as they were, and retrying works', async () => {
    const api = createFaultyApi(SESSIONS);
    api.logOutAll = () => HttpResponse.json({ error: { code: 'internal' } }, { status: 503 });
    const onSignedOut = vi.fn();
    const hook = await ready({ onSignedOut });
    let result: unknown;
    await act(async () => {
      result = await hook.result.current.logOutAll();
    });
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'server' } });
    await waitFor(() => expect(hook.result.current.logOutAllState).toBe('failed'));
    expect(hook.result.current.logOutAllError).toMatchObject({ code: 'server', status: 503 });
    expect(onSignedOut).not.toHaveBeenCalled();
    expect(hook.result.current.rows.map((r) => r.state)).toEqual(['idle', 'idle', 'idle']);
    expect(row(hook, 'sess_windows')?.canLogOut).toBe(true);
    expectNoRowInAWrongState(hook);

    api.logOutAll = undefined;
    await act(async () => {
      result = await hook.result.current.logOutAll();
    });
    expect(result).toMatchObject({ outcome: 'done' });
    await waitFor(() => expect(hook.result.current.logOutAllState).toBe('done'));
    expect(hook.result.current.logOutAllError).toBeNull();
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(api.count('POST')).toBe(2);
  });

  it('given POST fails on the network, should be failed with code network', async () => {
    const api = createFaultyApi(SESSIONS);
    api.logOutAll = () => HttpResponse.error();
    const hook = await ready();
    await act(() => hook.result.current.logOutAll());
    await waitFor(() => expect(hook.result.current.logOutAllState).toBe('failed'));
    expect(hook.result.current.logOutAllError).toMatchObject({ code: 'network' });
    expect(api.count('POST')).toBe(1);
  });
});
