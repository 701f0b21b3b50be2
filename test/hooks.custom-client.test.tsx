import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { SessionsClientError, type SessionsClient, type SessionsResult } from '../src';
import { renderActiveSessions } from './renderActiveSessions';

// A host may inject its own SessionsClient, which our fetch client's validation never sees. What the
// headless hook makes of what such a client resolves or rejects with.

const good = { id: 'good', isCurrent: true, isTrusted: false, status: 'active', apps: [] };

function clientResolving(result: unknown): SessionsClient {
  return {
    listSessions: async () => result as SessionsResult,
    logOutSession: async () => undefined,
    logOutAllSessions: async () => ({}),
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

  it.each([
    ['a SessionsClientError, keeping its code', new SessionsClientError('refused', 'no'), 'refused'],
    ['an AbortError, as a cancelled call', new DOMException('stopped', 'AbortError'), 'aborted'],
    ['a TimeoutError, as a timeout', new DOMException('slow', 'TimeoutError'), 'timeout'],
    ['a plain Error, as a network failure', new Error('socket closed'), 'network'],
  ])('should explain a client that rejects with %s', async (_, error, code) => {
    const client: SessionsClient = { ...clientResolving(null), listSessions: () => Promise.reject(error) };
    const hook = renderActiveSessions({ client });
    await waitFor(() => expect(hook.result.current.status).toBe('error'), { timeout: 3_000 });
    expect(hook.result.current).toMatchObject({ status: 'error', error: { code } });
  });
});
