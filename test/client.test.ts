import { describe, expect, it } from 'vitest';
import { http, HttpResponse, delay } from 'msw';
import { createFetchSessionsClient } from '../src';
import { rejection } from './rejection';
import { BASE_URL, server, useScenario } from './server';
import { createFixtures, createHandlers } from '../mocks';

const signal = () => new AbortController().signal;
const client = () => createFetchSessionsClient({ baseUrl: BASE_URL });
const f = createFixtures();

function serveList(body: unknown, init?: ResponseInit) {
  server.use(http.get(`${BASE_URL}/sessions`, () => HttpResponse.json(body as never, init)));
}

describe('createFetchSessionsClient', () => {
  describe('given bad options', () => {
    it('should throw a clear error without a baseUrl', () => {
      expect(() => createFetchSessionsClient({} as never)).toThrow(/baseUrl/);
      expect(() => createFetchSessionsClient({ baseUrl: '  ' })).toThrow(/baseUrl/);
    });
  });

  describe('listSessions', () => {
    it('should map wire sessions to camelCase sessions', async () => {
      useScenario({ sessions: [f.current, f.trusted] });
      const result = await client().listSessions({ signal: signal() });
      expect(result).toEqual({
        availability: 'available',
        skipped: 0,
        sessions: [
          {
            id: 'sess_current',
            isCurrent: true,
            isTrusted: false,
            status: 'active',
            apps: ['chatgpt'],
            device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
            location: { city: 'San Francisco', region: 'California', country: 'US' },
            signedInAt: f.current.signed_in_at,
            lastActiveAt: f.current.last_active_at,
          },
          expect.objectContaining({ id: 'sess_iphone', isTrusted: true, device: { browser: 'ChatGPT app', os: 'iOS', type: 'mobile' } }),
        ],
      });
    });

    it('should leave out missing, null and blank details instead of keeping them empty', async () => {
      serveList({
        sessions: [
          {
            id: 'a',
            is_current: false,
            is_trusted: false,
            status: 'active',
            apps: [],
            device: null,
            location: { city: '  ' },
            signed_in_at: null,
          },
        ],
      });
      const result = await client().listSessions({ signal: signal() });
      expect(result).toEqual({
        availability: 'available',
        skipped: 0,
        sessions: [{ id: 'a', isCurrent: false, isTrusted: false, status: 'active', apps: [] }],
      });
    });

    it('should ignore unknown extra fields', async () => {
      serveList({ sessions: [{ ...f.other, ip_address: '10.0.0.1', device: { ...f.other.device, model: 'x' } }], next_page: null });
      const result = await client().listSessions({ signal: signal() });
      expect(result.availability === 'available' && result.sessions[0]).toEqual(
        expect.not.objectContaining({ ip_address: expect.anything() as unknown }),
      );
      expect(result.availability === 'available' && result.sessions[0]?.device).toEqual({
        browser: 'Edge',
        os: 'Windows',
        type: 'desktop',
      });
    });

    it('should reject rows with wrong types one by one and count them, keeping the valid rows', async () => {
      serveList({
        sessions: [
          f.current,
          { ...f.other, id: 7 },
          { ...f.trusted, is_trusted: 'true' },
          { ...f.severalProducts, apps: 'chatgpt' },
          { ...f.unavailable, device: { browser: 42 } },
          'not a row',
          null,
          { ...f.tablet, status: undefined },
        ],
      });
      const result = await client().listSessions({ signal: signal() });
      expect(result).toMatchObject({ availability: 'available', skipped: 7 });
      expect(result.availability === 'available' && result.sessions.map((s) => s.id)).toEqual(['sess_current']);
    });

    it('should reject a response with rows but none readable as malformed', async () => {
      serveList({
        sessions: [
          { ...f.current, is_current: 'yes' },
          { ...f.other, id: 7 },
        ],
      });
      const error = await rejection(client().listSessions({ signal: signal() }));
      expect(error).toMatchObject({ code: 'malformed' });
      expect(error.message).toMatch(/None of the 2 sessions/);
    });

    it('should keep the first of two rows with the same id and count the other', async () => {
      serveList({ sessions: [f.other, { ...f.other, is_trusted: true }] });
      const result = await client().listSessions({ signal: signal() });
      expect(result).toMatchObject({ skipped: 1, sessions: [{ id: 'sess_windows', isTrusted: false }] });
    });

    it('should never list signed-out sessions (B11) and treat unknown statuses as unavailable (B5)', async () => {
      serveList({
        sessions: [
          { ...f.other, id: 'ended', status: 'signed_out' },
          { ...f.other, id: 'revoked', status: 'revoked' },
          { ...f.other, id: 'future', status: 'quarantined' },
        ],
      });
      const result = await client().listSessions({ signal: signal() });
      expect(result).toMatchObject({ skipped: 0, sessions: [{ id: 'future', status: 'unavailable' }] });
    });

    it('should drop an unreadable sign-in date and an unknown device type, not the row', async () => {
      serveList({ sessions: [{ ...f.other, signed_in_at: 'yesterday-ish', device: { browser: 'Edge', type: 'fridge' } }] });
      const result = await client().listSessions({ signal: signal() });
      const session = result.availability === 'available' ? result.sessions[0] : undefined;
      expect(session?.device).toEqual({ browser: 'Edge' });
      expect(session).not.toHaveProperty('signedInAt');
    });

    it.each([
      ['a body without a sessions list', { items: [] }],
      ['a list instead of an object', [f.current]],
      ['sessions that is not a list', { sessions: { 0: f.current } }],
      ['null', null],
    ])('should reject %s as malformed', async (_, body) => {
      serveList(body);
      const error = await rejection(client().listSessions({ signal: signal() }));
      expect(error.code).toBe('malformed');
      expect(error.message).toMatch(/sessions/);
    });

    it('should reject a body that is not JSON as malformed', async () => {
      useScenario({ sessions: [], list: 'not-json' });
      const error = await rejection(client().listSessions({ signal: signal() }));
      expect(error).toMatchObject({ code: 'malformed', status: 200 });
    });

    it('should map 403 sso_account to unavailable with reason sso (B7)', async () => {
      useScenario('sso');
      await expect(client().listSessions({ signal: signal() })).resolves.toEqual({ availability: 'unavailable', reason: 'sso' });
    });

    it('should map 403 not_supported to unavailable with reason not_supported', async () => {
      useScenario('notSupported');
      await expect(client().listSessions({ signal: signal() })).resolves.toEqual({
        availability: 'unavailable',
        reason: 'not_supported',
      });
    });

    it.each([500, 502, 503, 404, 403])('should fail with code server on %i', async (status) => {
      server.use(http.get(`${BASE_URL}/sessions`, () => HttpResponse.json({ error: { code: 'x' } }, { status })));
      const error = await rejection(client().listSessions({ signal: signal() }));
      expect(error).toMatchObject({ code: 'server', status });
    });

    it('should fail with code unauthorized on 401', async () => {
      useScenario('unauthorized');
      const error = await rejection(client().listSessions({ signal: signal() }));
      expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    });

    it('should fail with code network when the server cannot be reached', async () => {
      server.use(http.get(`${BASE_URL}/sessions`, () => HttpResponse.error()));
      const error = await rejection(client().listSessions({ signal: signal() }));
      expect(error.code).toBe('network');
    });

    it('should fail with code timeout when the server does not answer in time', async () => {
      server.use(
        http.get(`${BASE_URL}/sessions`, async () => {
          await delay('infinite');
          return HttpResponse.json({ sessions: [] });
        }),
      );
      const error = await rejection(createFetchSessionsClient({ baseUrl: BASE_URL, timeoutMs: 50 }).listSessions({ signal: signal() }));
      expect(error.code).toBe('timeout');
      // What a host that logs the cause reads: the timeout, said the same way.
      expect(error.cause).toMatchObject({ name: 'TimeoutError', message: 'The server took too long to answer.' });
    });

    it('should honour its AbortSignal', async () => {
      useScenario({ sessions: [f.current], list: 'hang' });
      const controller = new AbortController();
      const promise = client().listSessions({ signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      const error = await rejection(promise);
      expect(error.code).toBe('aborted');
    });

    it('should not send a request for an already aborted signal', async () => {
      const store = useScenario('typical');
      const controller = new AbortController();
      controller.abort();
      await expect(client().listSessions({ signal: controller.signal })).rejects.toBeDefined();
      expect(store.requests).toEqual([]);
    });

    it('should send headers from a function, fresh for each request, and the credentials', async () => {
      const seen: Array<[string | null, string | null, RequestCredentials]> = [];
      server.use(
        http.get(`${BASE_URL}/sessions`, ({ request }) => {
          seen.push([request.headers.get('x-csrf-token'), request.headers.get('accept'), request.credentials]);
          return HttpResponse.json({ sessions: [] });
        }),
      );
      let token = 0;
      const c = createFetchSessionsClient({
        baseUrl: `${BASE_URL}/`,
        headers: async () => ({ 'X-CSRF-Token': `t${++token}` }),
        credentials: 'include',
      });
      await c.listSessions({ signal: signal() });
      await c.listSessions({ signal: signal() });
      expect(seen).toEqual([
        ['t1', 'application/json', 'include'],
        ['t2', 'application/json', 'include'],
      ]);
    });

    it('should resolve a relative baseUrl against the page', async () => {
      const handlers = createHandlers({ baseUrl: '/api', scenario: 'onlyCurrent' });
      server.use(...handlers);
      const result = await createFetchSessionsClient({ baseUrl: '/api' }).listSessions({ signal: signal() });
      expect(result.availability === 'available' && result.sessions.map((s) => s.id)).toEqual(['sess_current']);
      expect(handlers.store.requests).toEqual(['GET /sessions']);
    });

    it('should use an injected fetch', async () => {
      const calls: string[] = [];
      const c = createFetchSessionsClient({
        baseUrl: 'https://sessions.example/api',
        fetch: async (input) => {
          calls.push(input instanceof Request ? input.url : String(input));
          return new Response(JSON.stringify({ sessions: [] }), { status: 200 });
        },
      });
      await expect(c.listSessions({ signal: signal() })).resolves.toEqual({ availability: 'available', sessions: [], skipped: 0 });
      expect(calls).toEqual(['https://sessions.example/api/sessions']);
    });
  });

  describe('logOutSession', () => {
    it('should send DELETE with remove_trusted_device and resolve on 204', async () => {
      const store = useScenario('typical');
      await client().logOutSession('sess_iphone', { removeTrustedDevice: true });
      await client().logOutSession('sess_windows', { removeTrustedDevice: false });
      expect(store.requests).toEqual([
        'DELETE /sessions/sess_iphone?remove_trusted_device=true',
        'DELETE /sessions/sess_windows?remove_trusted_device=false',
      ]);
      expect(store.sessions.map((s) => s.id)).toEqual(['sess_current', 'sess_products']);
    });

    it('should encode the id into the path', async () => {
      const paths: string[] = [];
      server.use(
        http.delete(`${BASE_URL}/sessions/:id`, ({ request }) => {
          paths.push(new URL(request.url).pathname);
          return new HttpResponse(null, { status: 204 });
        }),
      );
      await client().logOutSession('a/b?c#d', { removeTrustedDevice: false });
      expect(paths).toEqual(['/api/sessions/a%2Fb%3Fc%23d']);
    });

    it('should treat 404 as success: the session is already gone', async () => {
      useScenario({ sessions: [f.current, f.other], logOut: 'gone' });
      await expect(client().logOutSession('sess_windows', { removeTrustedDevice: false })).resolves.toBeUndefined();
    });

    it('should fail with code refused on 409 current_session', async () => {
      useScenario('typical');
      const error = await rejection(client().logOutSession('sess_current', { removeTrustedDevice: false }));
      expect(error).toMatchObject({ code: 'refused', status: 409 });
      expect(error.message).toMatch(/current_session/);
    });

    it('should fail with code server on 500', async () => {
      useScenario('logoutFails');
      const error = await rejection(client().logOutSession('sess_windows', { removeTrustedDevice: false }));
      expect(error).toMatchObject({ code: 'server', status: 500 });
    });

    it('should honour its AbortSignal', async () => {
      useScenario('logoutHangs');
      const controller = new AbortController();
      const promise = client().logOutSession('sess_windows', { removeTrustedDevice: false, signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      expect((await rejection(promise)).code).toBe('aborted');
    });

    it('should refuse an empty id without a request', async () => {
      const store = useScenario('typical');
      await expect(client().logOutSession('', { removeTrustedDevice: false })).rejects.toThrow(/id/);
      expect(store.requests).toEqual([]);
    });
  });

  describe('given a server that asks for a recent sign-in', () => {
    it('should reject with reauthentication_required, saying which call answered what', async () => {
      server.use(
        http.delete(`${BASE_URL}/sessions/:id`, () => HttpResponse.json({ error: { code: 'reauthentication_required' } }, { status: 403 })),
      );
      const error = await rejection(client().logOutSession('sess_a', { removeTrustedDevice: true }));
      expect(error).toMatchObject({ code: 'reauthentication_required', status: 403 });
      expect(error.message).toBe('DELETE /sessions/sess_a?remove_trusted_device=true answered 403: a recent sign-in is required.');
    });
  });

  describe('logOutAllSessions', () => {
    it('should POST and return completesBy', async () => {
      const store = useScenario('typical');
      const result = await client().logOutAllSessions();
      expect(store.requests).toEqual(['POST /sessions/logout_all']);
      expect(Date.parse(result.completesBy!)).toBeGreaterThan(Date.now());
    });

    it('should succeed without completesBy when the body has no readable time', async () => {
      server.use(http.post(`${BASE_URL}/sessions/logout_all`, () => HttpResponse.json({ completes_by: 'soon' }, { status: 202 })));
      await expect(client().logOutAllSessions()).resolves.toEqual({});
      server.use(http.post(`${BASE_URL}/sessions/logout_all`, () => new HttpResponse(null, { status: 202 })));
      await expect(client().logOutAllSessions()).resolves.toEqual({});
    });

    it('should fail with code server on 5xx', async () => {
      useScenario('logOutAllFails');
      expect((await rejection(client().logOutAllSessions())).code).toBe('server');
    });

    it('should honour its AbortSignal', async () => {
      useScenario('logOutAllHangs');
      const controller = new AbortController();
      const promise = client().logOutAllSessions({ signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      expect((await rejection(promise)).code).toBe('aborted');
    });
  });
});
