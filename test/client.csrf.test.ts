import { afterEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { createFetchSessionsClient, type FetchSessionsClientOptions } from '../src';
import { rejection } from './rejection';
import { BASE_URL, server } from './server';

// What the server saw of each call: method, path and the X-CSRF-Token header.
// `refuse` answers every DELETE and POST instead of the contract's success.
function recordCalls(refuse?: () => Response) {
  const seen: string[] = [];
  const record = ({ request }: { request: Request }) => {
    seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('x-csrf-token') ?? '(none)'}`);
  };
  server.use(
    http.get(`${BASE_URL}/sessions`, (info) => (record(info), HttpResponse.json({ sessions: [] }))),
    http.delete(`${BASE_URL}/sessions/:id`, (info) => (record(info), refuse?.() ?? new HttpResponse(null, { status: 204 }))),
    http.post(
      `${BASE_URL}/sessions/logout_all`,
      (info) => (record(info), refuse?.() ?? HttpResponse.json({ completes_by: '2030-01-01T00:00:00Z' }, { status: 202 })),
    ),
  );
  return seen;
}

async function everyCall(options: Partial<FetchSessionsClientOptions> = {}) {
  const client = createFetchSessionsClient({ baseUrl: BASE_URL, ...options });
  await client.listSessions({ signal: new AbortController().signal });
  await client.logOutSession('sess_a', { removeTrustedDevice: false });
  await client.logOutAllSessions();
}

// The page's cookies as document.cookie reads them (a __Host- cookie cannot be set over jsdom's http).
function pageCookies(cookies: string) {
  vi.spyOn(document, 'cookie', 'get').mockReturnValue(cookies);
}

const csrfRefused = () => HttpResponse.json({ error: { code: 'csrf' } }, { status: 403 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('createFetchSessionsClient, given a page with a CSRF cookie', () => {
  it('should send the csrf_token cookie as X-CSRF-Token on DELETE and POST, never on GET', async () => {
    pageCookies('theme=dark; csrf_token=tok%2Ben; other=1');
    const seen = recordCalls();
    await everyCall();
    expect(seen).toEqual(['GET /api/sessions (none)', 'DELETE /api/sessions/sess_a tok+en', 'POST /api/sessions/logout_all tok+en']);
  });

  it('should prefer __Host-csrf_token (the reference server under an https PUBLIC_ORIGIN) over csrf_token', async () => {
    pageCookies('csrf_token=plain; __Host-csrf_token=host');
    const seen = recordCalls();
    await everyCall();
    expect(seen.slice(1)).toEqual(['DELETE /api/sessions/sess_a host', 'POST /api/sessions/logout_all host']);
  });

  it('should read a real cookie the page set', async () => {
    document.cookie = 'csrf_token=from-the-page; path=/';
    try {
      const seen = recordCalls();
      await everyCall();
      expect(seen[1]).toBe('DELETE /api/sessions/sess_a from-the-page');
    } finally {
      document.cookie = 'csrf_token=; path=/; max-age=0';
    }
  });

  it('should let an X-CSRF-Token header the host passes win over the cookie', async () => {
    pageCookies('csrf_token=cookie');
    const seen = recordCalls();
    await everyCall({ headers: () => ({ 'X-CSRF-Token': 'mine' }) });
    expect(seen).toEqual(['GET /api/sessions mine', 'DELETE /api/sessions/sess_a mine', 'POST /api/sessions/logout_all mine']);
  });

  it('should read another cookie when csrfCookie names it', async () => {
    pageCookies('csrf_token=default; XSRF-TOKEN=angular');
    const seen = recordCalls();
    await everyCall({ csrfCookie: 'XSRF-TOKEN' });
    expect(seen.slice(1)).toEqual(['DELETE /api/sessions/sess_a angular', 'POST /api/sessions/logout_all angular']);
  });

  it('should send no token when csrfCookie is false', async () => {
    pageCookies('csrf_token=default');
    const seen = recordCalls();
    await everyCall({ csrfCookie: false });
    expect(seen.slice(1)).toEqual(['DELETE /api/sessions/sess_a (none)', 'POST /api/sessions/logout_all (none)']);
  });

  it('should send a cookie that is not valid percent-encoding as it is', async () => {
    pageCookies('csrf_token=100%ok');
    const seen = recordCalls();
    await everyCall();
    expect(seen.slice(1)).toEqual(['DELETE /api/sessions/sess_a 100%ok', 'POST /api/sessions/logout_all 100%ok']);
  });

  it('should send no header when the page has no such cookie, or an empty one', async () => {
    pageCookies('csrf_token=; theme=dark');
    const seen = recordCalls();
    await everyCall();
    expect(seen.slice(1)).toEqual(['DELETE /api/sessions/sess_a (none)', 'POST /api/sessions/logout_all (none)']);
  });
});

describe('createFetchSessionsClient, given a server that refuses the CSRF token', () => {
  it('should reject DELETE and POST with code csrf, not server', async () => {
    recordCalls(csrfRefused);
    const client = createFetchSessionsClient({ baseUrl: BASE_URL });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await rejection(client.logOutSession('sess_a', { removeTrustedDevice: false }))).toMatchObject({ code: 'csrf', status: 403 });
    expect(await rejection(client.logOutAllSessions())).toMatchObject({
      code: 'csrf',
      status: 403,
      message: 'POST /sessions/logout_all answered 403: the X-CSRF-Token header was missing or not accepted.',
    });
  });

  it('should say in development which header was missing and where it looked', async () => {
    recordCalls(csrfRefused);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await rejection(createFetchSessionsClient({ baseUrl: BASE_URL }).logOutSession('sess_a', { removeTrustedDevice: false }));
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/X-CSRF-Token header was missing.*no __Host-csrf_token or csrf_token cookie/);
  });

  it('should say in development that a token was sent but not accepted', async () => {
    pageCookies('csrf_token=stale');
    recordCalls(csrfRefused);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await rejection(createFetchSessionsClient({ baseUrl: BASE_URL }).logOutAllSessions());
    expect(warn.mock.calls[0]?.[0]).toMatch(/X-CSRF-Token header read from the cookie was not accepted/);
  });

  it('should say in development, when csrfCookie is false, that the host must pass the header', async () => {
    recordCalls(csrfRefused);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await rejection(createFetchSessionsClient({ baseUrl: BASE_URL, csrfCookie: false }).logOutAllSessions());
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /X-CSRF-Token header was missing\. csrfCookie is false, so pass headers: \{ 'X-CSRF-Token': token \}/,
    );
  });

  it('should say in development that the header the host passed was not accepted', async () => {
    recordCalls(csrfRefused);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await rejection(createFetchSessionsClient({ baseUrl: BASE_URL, headers: { 'X-CSRF-Token': 'old' } }).logOutAllSessions());
    expect(warn.mock.calls[0]?.[0]).toMatch(/X-CSRF-Token header passed in headers was not accepted \(stale or wrong token\)/);
  });

  it('should print nothing in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    recordCalls(csrfRefused);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = await rejection(createFetchSessionsClient({ baseUrl: BASE_URL }).logOutAllSessions());
    expect(error.code).toBe('csrf');
    expect(warn).not.toHaveBeenCalled();
  });

  it('should keep any other 403 a server failure', async () => {
    recordCalls(() => HttpResponse.json({ error: { code: 'forbidden' } }, { status: 403 }));
    const error = await rejection(createFetchSessionsClient({ baseUrl: BASE_URL }).logOutAllSessions());
    expect(error).toMatchObject({ code: 'server', status: 403 });
  });
});

describe('createFetchSessionsClient, given the browser blocks a request to another origin', () => {
  // jsdom's page is http://localhost:3000. A CORS block rejects the request with a TypeError, but a
  // no-cors request (which CORS does not stop) reaches the server and resolves with an opaque answer.
  function browserFetch({ serverUp }: { serverUp: boolean }) {
    const calls: string[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      // The probe must not carry the reader's cookies to the other origin.
      const probe = init?.mode === 'no-cors' ? ` credentials=${init.credentials}` : '';
      calls.push(`${init?.method} ${input instanceof Request ? input.url : String(input)} ${init?.mode ?? 'cors'}${probe}`);
      if (serverUp && init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    return { fetch, calls };
  }

  it('should reject with code blocked, and explain same-origin and proxying in development', async () => {
    const { fetch, calls } = browserFetch({ serverUp: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = await rejection(
      createFetchSessionsClient({ baseUrl: 'https://api.example/api', fetch }).listSessions({ signal: new AbortController().signal }),
    );
    expect(error).toMatchObject({ code: 'blocked' });
    expect(calls).toEqual(['GET https://api.example/api/sessions cors', 'GET https://api.example/api/sessions no-cors credentials=omit']);
    expect(warn.mock.calls[0]?.[0]).toMatch(/page's origin \(http:\/\/localhost:3000\) is not the API's.*proxy it/);
  });

  it("should say what was blocked in the error a host logs, with the browser's TypeError as its cause", async () => {
    const { fetch } = browserFetch({ serverUp: true });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = await rejection(createFetchSessionsClient({ baseUrl: 'https://api.example/api', fetch }).logOutAllSessions());
    expect(error.message).toBe(
      'POST https://api.example/api/sessions/logout_all was blocked by the browser (cross-origin): Failed to fetch',
    );
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('should print no explanation in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const { fetch } = browserFetch({ serverUp: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = await rejection(createFetchSessionsClient({ baseUrl: 'https://api.example/api', fetch }).logOutAllSessions());
    expect(error.code).toBe('blocked');
    expect(warn).not.toHaveBeenCalled();
  });

  it("should read a failure that is not the browser's TypeError as a network failure, with no probe", async () => {
    const calls: string[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method} ${init?.mode ?? 'cors'}`);
      throw new Error('socket hang up');
    }) as typeof globalThis.fetch;
    const error = await rejection(createFetchSessionsClient({ baseUrl: 'https://api.example/api', fetch }).logOutAllSessions());
    expect(error.code).toBe('network');
    expect(calls).toEqual(['POST cors']);
  });

  it('should read as a network failure when the other origin cannot be reached at all', async () => {
    const { fetch } = browserFetch({ serverUp: false });
    const error = await rejection(createFetchSessionsClient({ baseUrl: 'https://api.example/api', fetch }).logOutAllSessions());
    expect(error.code).toBe('network');
  });

  it('should read as a network failure on the page origin, where CORS does not apply, without a second request', async () => {
    const { fetch, calls } = browserFetch({ serverUp: true });
    const error = await rejection(createFetchSessionsClient({ baseUrl: '/api', fetch }).logOutAllSessions());
    expect(error.code).toBe('network');
    expect(calls).toEqual(['POST http://localhost:3000/api/sessions/logout_all cors']);
  });
});
