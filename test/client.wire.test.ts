import { describe, expect, it } from 'vitest';
import { createFetchSessionsClient, SessionsClientError, type SessionsResult } from '../src';

// Validation at the boundary, row by row: which wire rows a host's users get, and exactly how they read.

const row = (overrides: Record<string, unknown> = {}) => ({
  id: 'sess_a',
  is_current: false,
  is_trusted: false,
  status: 'active',
  apps: ['chatgpt'],
  ...overrides,
});

function answering(status: number, body: unknown) {
  const fetch = (async () =>
    body === undefined ? new Response(null, { status }) : Response.json(body, { status })) as typeof globalThis.fetch;
  return createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch });
}

const list = (rows: unknown[]) => answering(200, { sessions: rows }).listSessions({ signal: new AbortController().signal });

async function sessionsOf(rows: unknown[]) {
  const result = (await list(rows)) as Extract<SessionsResult, { availability: 'available' }>;
  return result;
}

describe('listSessions, row by row', () => {
  it('should keep a row whose device and location are null or absent, with no such keys at all', async () => {
    const { sessions, skipped } = await sessionsOf([row({ id: 'a', device: null, location: null }), row({ id: 'b' })]);
    expect(skipped).toBe(0);
    expect(sessions).toStrictEqual([
      { id: 'a', isCurrent: false, isTrusted: false, status: 'active', apps: ['chatgpt'] },
      { id: 'b', isCurrent: false, isTrusted: false, status: 'active', apps: ['chatgpt'] },
    ]);
  });

  it('should skip a row whose device or location is text instead of an object', async () => {
    const { sessions, skipped } = await sessionsOf([
      row({ id: 'a', device: 'Chrome' }),
      row({ id: 'b', location: 'Oslo' }),
      row({ id: 'c' }),
    ]);
    expect(sessions.map((s) => s.id)).toEqual(['c']);
    expect(skipped).toBe(2);
  });

  it('should skip a row whose id is blank', async () => {
    const { sessions, skipped } = await sessionsOf([row({ id: '   ' }), row({ id: 'ok' })]);
    expect(sessions.map((s) => s.id)).toEqual(['ok']);
    expect(skipped).toBe(1);
  });

  it('should skip a row whose apps are not all text, and keep the others', async () => {
    const { sessions, skipped } = await sessionsOf([row({ id: 'a', apps: ['chatgpt', 7] }), row({ id: 'b', apps: [] })]);
    expect(sessions.map((s) => s.id)).toEqual(['b']);
    expect(skipped).toBe(1);
  });

  it('should trim app ids and drop blank ones and repeats', async () => {
    const { sessions } = await sessionsOf([row({ apps: [' chatgpt ', '', '  ', 'codex', 'chatgpt'] })]);
    expect(sessions[0]!.apps).toEqual(['chatgpt', 'codex']);
  });

  it('should list a row without apps as having none', async () => {
    const { apps: _, ...withoutApps } = row();
    const { sessions } = await sessionsOf([withoutApps]);
    expect(sessions[0]!.apps).toEqual([]);
  });

  describe('given the same id twice', () => {
    it('should keep the first row, marked current when the later copy says it is the current session', async () => {
      const { sessions, skipped } = await sessionsOf([row({ id: 'a', is_trusted: true }), row({ id: 'a', is_current: true })]);
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({ id: 'a', isTrusted: true, isCurrent: true });
      expect(skipped).toBe(1);
    });

    it('should leave the kept row not current when no copy says it is', async () => {
      const { sessions } = await sessionsOf([row({ id: 'a' }), row({ id: 'a' })]);
      expect(sessions[0]!.isCurrent).toBe(false);
    });
  });
});

describe('error bodies', () => {
  it('should read a 403 without a body as a server error, not as SSO', async () => {
    const error = await answering(403, undefined)
      .listSessions({ signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionsClientError);
    expect(error).toMatchObject({ code: 'server', status: 403 });
  });

  it('should read a 403 whose error is not an object as a server error', async () => {
    const error = await answering(403, { error: 'sso_account' })
      .listSessions({ signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'server', status: 403 });
  });

  it('should not name a conflict whose code is not text', async () => {
    const error = await answering(409, { error: { code: 7 } })
      .logOutSession('a', { removeTrustedDevice: false })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'refused', message: 'DELETE /sessions/a?remove_trusted_device=false was refused: conflict.' });
  });
});

describe('logOutAllSessions, given when the logout completes', () => {
  it('should leave out a completion time that is not text', async () => {
    await expect(answering(202, { completes_by: 1_767_225_600_000 }).logOutAllSessions()).resolves.toStrictEqual({});
  });

  it('should pass on a readable completion time', async () => {
    await expect(answering(202, { completes_by: '2026-06-15T12:30:00Z' }).logOutAllSessions()).resolves.toStrictEqual({
      completesBy: '2026-06-15T12:30:00Z',
    });
  });
});
