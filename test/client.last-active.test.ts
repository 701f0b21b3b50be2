import { describe, expect, it } from 'vitest';
import { createFetchSessionsClient, type SessionsResult } from '../src';

// B12 and B14 at the boundary: last_active_at read like every other field, reason=unrecognized sent.

const row = (overrides: Record<string, unknown> = {}) => ({
  id: 'sess_a',
  is_current: false,
  is_trusted: false,
  status: 'active',
  apps: ['chatgpt'],
  signed_in_at: '2026-03-01T10:00:00Z',
  ...overrides,
});

function client(answer: () => Response, urls: string[] = []) {
  const fetch = (async (url: RequestInfo | URL) => {
    urls.push(url instanceof Request ? url.url : String(url));
    return answer();
  }) as typeof globalThis.fetch;
  return createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch });
}

async function sessionsOf(rows: unknown[]) {
  const result = await client(() => Response.json({ sessions: rows })).listSessions({ signal: new AbortController().signal });
  return result as Extract<SessionsResult, { availability: 'available' }>;
}

describe('last_active_at (B12)', () => {
  it('should map it to lastActiveAt', async () => {
    const { sessions } = await sessionsOf([row({ last_active_at: '2026-03-04T09:30:00Z' })]);
    expect(sessions[0]).toMatchObject({ signedInAt: '2026-03-01T10:00:00Z', lastActiveAt: '2026-03-04T09:30:00Z' });
  });

  it('should leave it out when absent, null, blank or not a date, keeping the row', async () => {
    const { sessions, skipped } = await sessionsOf([
      row({ id: 'absent' }),
      row({ id: 'null', last_active_at: null }),
      row({ id: 'blank', last_active_at: ' ' }),
      row({ id: 'not-a-date', last_active_at: 'yesterday-ish' }),
    ]);
    expect(skipped).toBe(0);
    expect(sessions.map((s) => s.id)).toEqual(['absent', 'null', 'blank', 'not-a-date']);
    for (const session of sessions) expect(session).not.toHaveProperty('lastActiveAt');
  });

  it('should reject a row whose last_active_at has the wrong type, like any other field, and keep the rest', async () => {
    const { sessions, skipped } = await sessionsOf([
      row({ id: 'number', last_active_at: 1_700_000_000 }),
      row({ id: 'object', last_active_at: {} }),
      row({ id: 'ok' }),
    ]);
    expect(sessions.map((s) => s.id)).toEqual(['ok']);
    expect(skipped).toBe(2);
  });

  it('should ignore fields it does not know', async () => {
    const { sessions, skipped } = await sessionsOf([row({ last_seen_ip: '203.0.113.9', risk: { score: 9 } })]);
    expect(skipped).toBe(0);
    expect(Object.keys(sessions[0]!).sort()).toEqual(['apps', 'id', 'isCurrent', 'isTrusted', 'signedInAt', 'status']);
  });
});

describe('logOutSession with a reason (B14)', () => {
  it('should add reason=unrecognized to the DELETE', async () => {
    const urls: string[] = [];
    await client(() => new Response(null, { status: 204 }), urls).logOutSession('sess_a', {
      removeTrustedDevice: true,
      reason: 'unrecognized',
    });
    expect(urls).toEqual(['https://a.example/api/sessions/sess_a?remove_trusted_device=true&reason=unrecognized']);
  });

  it('should send no reason when none is given', async () => {
    const urls: string[] = [];
    await client(() => new Response(null, { status: 204 }), urls).logOutSession('sess_a', { removeTrustedDevice: false });
    expect(urls).toEqual(['https://a.example/api/sessions/sess_a?remove_trusted_device=false']);
  });
});
