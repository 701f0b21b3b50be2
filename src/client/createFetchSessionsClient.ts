import type { SessionsClient } from './types';
import { SessionsClientError, toSessionsError } from './errors';
import { errorCodeOf, parseLogOutAllBody, parseSessionsBody } from './wire';

/** Options of `createFetchSessionsClient`. */
export type FetchSessionsClientOptions = {
  /** Where the REST contract is served, e.g. `/api` or `https://example.com/api`; no trailing slash needed. */
  baseUrl: string;
  /** The fetch to use. @default globalThis.fetch, looked up at each call */
  fetch?: typeof fetch;
  /** Headers for every request, or a function called before each request (e.g. a fresh CSRF token). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** Sent as `fetch`'s `credentials`. @default 'same-origin' */
  credentials?: RequestCredentials;
  /** A request not answered in this many milliseconds fails with code `timeout`. @default 20000 */
  timeoutMs?: number;
};

// A relative baseUrl ('/api') is resolved against the page, as a browser would, so it also works where
// fetch needs absolute URLs (server rendering, jsdom tests).
function absolute(url: string): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  return base ? new URL(url, base).href : url;
}

type Answer = { status: number; body: unknown; isJson: boolean };

/** The default `SessionsClient`: speaks the REST contract and validates every response at the boundary. */
export function createFetchSessionsClient(options: FetchSessionsClientOptions): SessionsClient {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl.trim() === '') {
    throw new TypeError('createFetchSessionsClient: "baseUrl" must be a non-empty string, e.g. "/api".');
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 20_000;

  async function request(method: string, path: string, signal?: AbortSignal): Promise<Answer> {
    // Not throwIfAborted(): it throws the raw abort reason, and every call must reject with a SessionsClientError.
    if (signal?.aborted) throw new SessionsClientError('aborted', 'The request was cancelled.', { cause: signal.reason });
    // One controller for both the caller's signal and the timeout, without relying on AbortSignal.any.
    const controller = new AbortController();
    // Stryker disable next-line OptionalChaining: onAbort is only ever added to a signal that exists
    const onAbort = () => controller.abort(signal?.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is removed in `finally` anyway; `once` only tidies earlier
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DOMException('The server took too long to answer.', 'TimeoutError')),
      timeoutMs,
    );
    try {
      const headers = new Headers(
        typeof options.headers === 'function' ? await options.headers() : options.headers,
      );
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      const doFetch = options.fetch ?? globalThis.fetch;
      const response = await doFetch(absolute(`${baseUrl}${path}`), {
        method,
        headers,
        credentials: options.credentials ?? 'same-origin',
        signal: controller.signal,
      });
      const text = await response.text();
      let body: unknown;
      let readable = true;
      try {
        // Stryker disable next-line ConditionalExpression,StringLiteral: JSON.parse('') throws, which leaves body undefined and isJson false just the same
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        readable = false;
      }
      return { status: response.status, body, isJson: readable && text !== '' };
    } catch (error) {
      // The abort reason is what the fetch rejects with for a timeout; keep the caller's own abort as "aborted".
      if (controller.signal.aborted && !signal?.aborted) throw toSessionsError(controller.signal.reason);
      if (signal?.aborted) throw new SessionsClientError('aborted', 'The request was cancelled.', { cause: error });
      throw toSessionsError(error);
    } finally
    // Stryker disable next-line BlockStatement: cleanup only; a timer or listener left behind fires on a settled request and changes nothing a caller sees (the comment sits here so that it reaches this block)
    {
      clearTimeout(timer);
      // Stryker disable next-line StringLiteral: cleanup only, as above
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function failure(method: string, path: string, answer: Answer): SessionsClientError {
    const what = `${method} ${path} answered ${answer.status}`;
    if (answer.status === 401) return new SessionsClientError('unauthorized', `${what}: not signed in.`, { status: 401 });
    return new SessionsClientError('server', `${what}.`, { status: answer.status });
  }

  return {
    async listSessions({ signal }) {
      const path = '/sessions';
      const answer = await request('GET', path, signal);
      if (answer.status === 403) {
        const code = errorCodeOf(answer.body);
        if (code === 'sso_account') return { availability: 'unavailable', reason: 'sso' };
        if (code === 'not_supported') return { availability: 'unavailable', reason: 'not_supported' };
      }
      if (answer.status !== 200) throw failure('GET', path, answer);
      if (!answer.isJson) {
        throw new SessionsClientError('malformed', `GET ${path} answered 200 with a body that is not JSON.`, { status: 200 });
      }
      return parseSessionsBody(answer.body);
    },

    async logOutSession(id, { removeTrustedDevice, reason, signal }) {
      if (typeof id !== 'string' || id === '') throw new TypeError('logOutSession: "id" must be a non-empty string.');
      // "." and ".." are dot-segments even when percent-encoded: fetch would resolve them and DELETE another path.
      if (id === '.' || id === '..') {
        throw new SessionsClientError('refused', `logOutSession: the id "${id}" cannot be addressed in a URL.`);
      }
      // B14: the reader did not recognize the session; the server may record it for its security team.
      const because = reason === 'unrecognized' ? '&reason=unrecognized' : '';
      const path = `/sessions/${encodeURIComponent(id)}?remove_trusted_device=${removeTrustedDevice ? 'true' : 'false'}${because}`;
      const answer = await request('DELETE', path, signal);
      // 404: the session is already gone, which is what the reader asked for.
      // Stryker disable next-line ConditionalExpression: fetch never gives a status below 200, so `status >= 200` read as true changes nothing (the other conditions here are killed)
      if ((answer.status >= 200 && answer.status < 300) || answer.status === 404) return;
      if (answer.status === 409) {
        const code = errorCodeOf(answer.body) ?? 'conflict';
        throw new SessionsClientError('refused', `DELETE ${path} was refused: ${code}.`, { status: 409 });
      }
      throw failure('DELETE', path, answer);
    },

    // The logout itself is what matters: a 2xx with an unreadable body still succeeded.
    async logOutAllSessions(init) {
      const path = '/sessions/logout_all';
      const answer = await request('POST', path, init?.signal);
      // Stryker disable next-line ConditionalExpression: fetch never gives a status below 200, so `status >= 200` read as true changes nothing
      if (answer.status >= 200 && answer.status < 300) return parseLogOutAllBody(answer.body);
      throw failure('POST', path, answer);
    },
  };
}
