import { describe, expect, it } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { SessionsClientError, type Session, type SessionsClient, type SessionsResult } from '../src';
import { renderActiveSessions } from './renderActiveSessions';

// A host may inject its own SessionsClient, which our fetch client's validation never sees. What the
// headless hook makes of what such a client resolves or rejects with.

const good: Session = { id: 'good', isCurrent: true, isTrusted: false, status: 'active', apps: [] };

function clientResolving(result: unknown): SessionsClient {
  return {
    listSessions: async () => result as SessionsResult,
    logOutSession: async () => undefined,
    logOutAllSessions: async () => ({}),
  };
}

/** A client whose first list holds `sessions`, and whose every later one says the list is unavailable (SSO). */
function clientTurningUnavailable(sessions: Session[]): SessionsClient {
  let calls = 0;
  return {
    ...clientResolving(null),
    listSessions: async () => (calls++ === 0 ? { availability: 'available', sessions } : { availability: 'unavailable', reason: 'sso' }),
  };
}

async function readyWith(result: unknown) {
  const hook = renderActiveSessions({ client: clientResolving(result) });
  await waitFor(() => expect(hook.result.current.status).toBe('ready'));
  return hook.result.current;
}

describe('useActiveSessions, given a custom client', () => {
  it.each([
    ['null', null],
    ['text', 'session'],
    ['no id', { ...good, id: undefined }],
    ['a numeric id', { ...good, id: 7 }],
    ['an empty id', { ...good, id: '' }],
    ['isCurrent as text', { ...good, id: 'x', isCurrent: 'yes' }],
    ['isTrusted missing', { ...good, id: 'x', isTrusted: undefined }],
    ['apps as text', { ...good, id: 'x', apps: 'chatgpt' }],
  ])('should leave out a row with %s, count it, and keep the valid row', async (_, bad) => {
    const result = await readyWith({ availability: 'available', sessions: [bad, good] });
    expect(result.sessions.map((s) => s.id)).toEqual(['good']);
    expect(result.skipped).toBe(1);
  });

  it('should add the rows it leaves out to those the client already skipped', async () => {
    const result = await readyWith({ availability: 'available', sessions: [good, null], skipped: 2 });
    expect(result.skipped).toBe(3);
  });

  it('should leave out app ids that are not text, keeping the row and its other apps', async () => {
    const result = await readyWith({ availability: 'available', sessions: [{ ...good, apps: [42, 'chatgpt', null] }] });
    expect(result.rows.map((row) => row.session.apps)).toEqual([['chatgpt']]);
  });

  it('should count nothing skipped when the client says nothing about it', async () => {
    const result = await readyWith({ availability: 'available', sessions: [good] });
    expect(result.skipped).toBe(0);
    expect(result.rows).toHaveLength(1);
  });

  it('should pass on "unavailable" with its reason', async () => {
    const hook = renderActiveSessions({ client: clientResolving({ availability: 'unavailable', reason: 'not_supported' }) });
    await waitFor(() => expect(hook.result.current.status).toBe('unavailable'));
    expect(hook.result.current).toMatchObject({ status: 'unavailable', reason: 'not_supported' });
  });

  it.each([
    ['nothing', undefined],
    ['an unknown availability', { availability: 'maybe', sessions: [good] }],
    ['"available" without a list', { availability: 'available', sessions: { good } }],
  ])('should be in error with code malformed when it resolves %s', async (_, result) => {
    const hook = renderActiveSessions({ client: clientResolving(result) });
    await waitFor(() => expect(hook.result.current.status).toBe('error'));
    expect(hook.result.current).toMatchObject({ status: 'error', error: { code: 'malformed' } });
  });

  // What a host that logs the error reads: its code, a message, and what was thrown underneath as `cause`.
  it.each([
    ['a SessionsClientError, keeping its code', new SessionsClientError('refused', 'no'), 'refused', 'no'],
    ['an AbortError, as a cancelled call', new DOMException('stopped', 'AbortError'), 'aborted', 'The request was cancelled.'],
    ['a TimeoutError, as a timeout', new DOMException('slow', 'TimeoutError'), 'timeout', 'The server took too long to answer.'],
    [
      'another DOMException, as a network failure',
      new DOMException('denied', 'NotAllowedError'),
      'network',
      expect.stringMatching(/^The request failed: .*denied$/),
    ],
    ['a plain Error, as a network failure', new Error('socket closed'), 'network', 'The request failed: socket closed'],
  ])('should explain a client that rejects with %s', async (_, error, code, message) => {
    const client: SessionsClient = { ...clientResolving(null), listSessions: () => Promise.reject(error) };
    const hook = renderActiveSessions({ client });
    await waitFor(() => expect(hook.result.current.status).toBe('error'), { timeout: 3_000 });
    const result = hook.result.current;
    expect(result).toMatchObject({ status: 'error', error: { code, message: message as unknown } });
    if (result.status === 'error' && !(error instanceof SessionsClientError)) expect(result.error.cause).toBe(error);
  });

  it.each([
    ['times out', new DOMException('slow', 'TimeoutError')],
    ['fails on the network', new TypeError('Failed to fetch')],
    ['answers 503', new SessionsClientError('server', 'unavailable', { status: 503 })],
  ])('should try once more by itself when the list %s, and show the list that loads then', async (_, error) => {
    let calls = 0;
    const client: SessionsClient = {
      ...clientResolving(null),
      listSessions: async () => {
        if (calls++ === 0) throw error;
        return { availability: 'available', sessions: [good] };
      },
    };
    const hook = renderActiveSessions({ client });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'), { timeout: 3_000 });
    expect(calls).toBe(2);
  });

  it('should say what a bad result was in the malformed error it gives', async () => {
    const hook = renderActiveSessions({ client: clientResolving({ availability: 'maybe' }) });
    await waitFor(() => expect(hook.result.current.status).toBe('error'));
    expect(hook.result.current).toMatchObject({
      error: { code: 'malformed', message: 'listSessions resolved with something that is not a SessionsResult.' },
    });
  });

  it("should keep each unchanged session the same object across a refresh, so a host's memoized rows do not re-render", async () => {
    let calls = 0;
    const other = { ...good, id: 'other', isCurrent: false };
    const client: SessionsClient = {
      ...clientResolving(null),
      // Fresh objects on every call, as from JSON.
      listSessions: async () => ({ availability: 'available', sessions: [{ ...good }, { ...other, apps: calls++ === 0 ? [] : ['sora'] }] }),
    };
    const hook = renderActiveSessions({ client });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    const [firstGood, firstOther] = hook.result.current.sessions;
    await act(() => hook.result.current.refresh());
    const [nextGood, nextOther] = hook.result.current.sessions;
    expect(nextGood).toBe(firstGood);
    expect(nextOther).not.toBe(firstOther);
    expect(nextOther?.apps).toEqual(['sora']);
  });

  it('should show the unavailable state when a refresh finds the list no longer available', async () => {
    const hook = renderActiveSessions({ client: clientTurningUnavailable([good]) });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    await act(() => hook.result.current.refresh());
    expect(hook.result.current).toMatchObject({ status: 'unavailable', reason: 'sso', sessions: [] });
  });

  it('should count a logout as done when the list that follows is no longer available', async () => {
    const hook = renderActiveSessions({ client: clientTurningUnavailable([good, { ...good, id: 'other', isCurrent: false }]) });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    await act(async () => {
      await expect(hook.result.current.logOut('other')).resolves.toEqual({ outcome: 'logged-out' });
    });
  });
});
