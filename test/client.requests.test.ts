import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchSessionsClient } from '../src';
import { rejection } from './rejection';

// What `createFetchSessionsClient` sends and how it fails, as a host sees it: the requests its `fetch`
// receives, and the code and message of every rejection (what lands in the host's logs).

afterEach(() => vi.unstubAllGlobals());

type Call = { url: string; init: RequestInit };

/** A fetch that records each call and answers with `answer()`. */
function recordingFetch(answer: (call: Call) => Response | Promise<Response> = () => Response.json({ sessions: [] })) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: url instanceof Request ? url.url : String(url), init: init ?? {} };
    calls.push(call);
    return answer(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** A fetch that never answers, and rejects the way old fetch polyfills do when its signal aborts. */
function hangingFetch() {
  return (async (_url: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
    })) as typeof globalThis.fetch;
}

const signal = () => new AbortController().signal;

describe('createFetchSessionsClient, seen from the host', () => {
  describe('the requests it sends', () => {
    it('should drop every trailing slash of baseUrl', async () => {
      const { fetch, calls } = recordingFetch();
      await createFetchSessionsClient({ baseUrl: 'https://accounts.example.com/api//', fetch }).listSessions({ signal: signal() });
      expect(calls[0]!.url).toBe('https://accounts.example.com/api/sessions');
    });

    it('should keep an Accept header the host sets, and ask for JSON otherwise', async () => {
      const own = recordingFetch();
      await createFetchSessionsClient({
        baseUrl: 'https://a.example/api',
        fetch: own.fetch,
        headers: { Accept: 'application/vnd.sessions+json' },
      }).listSessions({ signal: signal() });
      expect(new Headers(own.calls[0]!.init.headers).get('accept')).toBe('application/vnd.sessions+json');
      const plain = recordingFetch();
      await createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch: plain.fetch }).listSessions({ signal: signal() });
      expect(new Headers(plain.calls[0]!.init.headers).get('accept')).toBe('application/json');
    });

    it('should work where there is no page to resolve against (server rendering)', async () => {
      vi.stubGlobal('location', undefined);
      const { fetch, calls } = recordingFetch();
      const result = await createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch }).listSessions({ signal: signal() });
      expect(result).toEqual({ availability: 'available', sessions: [], skipped: 0 });
      expect(calls[0]!.url).toBe('https://a.example/api/sessions');
    });
  });

  describe('logOutSession, given ids it must not send', () => {
    it.each(['.', '..'])('should refuse the id "%s", which a URL parser would turn into another path, without a request', async (id) => {
      const { fetch, calls } = recordingFetch();
      const error = await rejection(
        createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch }).logOutSession(id, { removeTrustedDevice: false }),
      );
      expect(error.code).toBe('refused');
      expect(error.message).toBe(`logOutSession: the id "${id}" cannot be addressed in a URL.`);
      expect(calls).toEqual([]);
    });

    it('should send an id that merely contains dots', async () => {
      const { fetch, calls } = recordingFetch(() => new Response(null, { status: 204 }));
      await createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch }).logOutSession('...', { removeTrustedDevice: false });
      expect(calls[0]!.url).toBe('https://a.example/api/sessions/...?remove_trusted_device=false');
    });

    it.each([
      ['an empty id', ''],
      ['a numeric id (a host passing a database key)', 42],
      ['no id', undefined],
    ])('should throw a TypeError for %s, without a request', async (_, id) => {
      const { fetch, calls } = recordingFetch();
      await expect(
        createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch }).logOutSession(id as string, { removeTrustedDevice: false }),
      ).rejects.toThrow(new TypeError('logOutSession: "id" must be a non-empty string.'));
      expect(calls).toEqual([]);
    });
  });

  describe('the answers it accepts', () => {
    it('should take any 2xx for a logout, 200 included, and a 3xx as a failure', async () => {
      const status = (code: number) => recordingFetch(() => new Response(null, { status: code })).fetch;
      const client = (code: number) => createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch: status(code) });
      await expect(client(200).logOutSession('a', { removeTrustedDevice: false })).resolves.toBeUndefined();
      await expect(client(200).logOutAllSessions()).resolves.toEqual({});
      expect(await rejection(client(300).logOutSession('a', { removeTrustedDevice: false }))).toMatchObject({
        code: 'server',
        status: 300,
      });
      expect(await rejection(client(300).logOutAllSessions())).toMatchObject({ code: 'server', status: 300 });
    });

    it('should read sso_account as "unavailable" only on a 403, never on a 401', async () => {
      const { fetch } = recordingFetch(() => Response.json({ error: { code: 'sso_account' } }, { status: 401 }));
      const error = await rejection(
        createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch }).listSessions({ signal: signal() }),
      );
      expect(error.code).toBe('unauthorized');
    });
  });

  describe('the messages of its errors (what a host logs)', () => {
    const failing = (answer: () => Response) =>
      createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch: recordingFetch(answer).fetch });

    it('should say which call answered which status', async () => {
      const list = await rejection(failing(() => new Response('oops', { status: 500 })).listSessions({ signal: signal() }));
      expect(list.message).toBe('GET /sessions answered 500.');
      const expired = await rejection(failing(() => new Response(null, { status: 401 })).logOutAllSessions());
      expect(expired.message).toBe('POST /sessions/logout_all answered 401: not signed in.');
      const logOut = await rejection(
        failing(() => new Response(null, { status: 502 })).logOutSession('a b', { removeTrustedDevice: true }),
      );
      expect(logOut.message).toBe('DELETE /sessions/a%20b?remove_trusted_device=true answered 502.');
    });

    it('should call an empty 200 body "not JSON"', async () => {
      const error = await rejection(failing(() => new Response('', { status: 200 })).listSessions({ signal: signal() }));
      expect(error).toMatchObject({ code: 'malformed', message: 'GET /sessions answered 200 with a body that is not JSON.' });
    });

    it('should name the conflict of a 409, or say "conflict" when the body names none', async () => {
      const named = await rejection(
        failing(() => Response.json({ error: { code: 'current_session' } }, { status: 409 })).logOutSession('a', {
          removeTrustedDevice: false,
        }),
      );
      expect(named.message).toBe('DELETE /sessions/a?remove_trusted_device=false was refused: current_session.');
      const unnamed = await rejection(
        failing(() => new Response(null, { status: 409 })).logOutSession('a', { removeTrustedDevice: false }),
      );
      expect(unnamed).toMatchObject({ code: 'refused', message: 'DELETE /sessions/a?remove_trusted_device=false was refused: conflict.' });
    });

    it("should say a call was cancelled, with the caller's reason as its cause", async () => {
      const controller = new AbortController();
      controller.abort('left the page');
      const before = await rejection(failing(() => Response.json({ sessions: [] })).listSessions({ signal: controller.signal }));
      expect(before).toMatchObject({ code: 'aborted', message: 'The request was cancelled.', cause: 'left the page' });

      const during = new AbortController();
      const client = createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch: hangingFetch() });
      const pending = client.listSessions({ signal: during.signal });
      during.abort();
      const error = await rejection(pending);
      expect(error).toMatchObject({ code: 'aborted', message: 'The request was cancelled.' });
      expect(error.cause).toBeInstanceOf(DOMException);
    });
  });

  describe('given no signal of the caller', () => {
    it('should still time out with code timeout, also with a fetch that rejects with a plain AbortError', async () => {
      const client = createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch: hangingFetch(), timeoutMs: 5 });
      const error = await rejection(client.logOutAllSessions());
      expect(error).toMatchObject({ code: 'timeout', message: 'The server took too long to answer.' });
    });

    it('should fail with code network when the network fails', async () => {
      const fetch = (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof globalThis.fetch;
      const error = await rejection(createFetchSessionsClient({ baseUrl: 'https://a.example/api', fetch }).logOutAllSessions());
      expect(error).toMatchObject({ name: 'SessionsClientError', code: 'network', message: 'The request failed: Failed to fetch' });
      expect(error.cause).toBeInstanceOf(TypeError);
    });
  });
});
