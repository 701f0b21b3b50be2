import type { SessionsClient } from './types';
import { SessionsClientError, messageOf, toSessionsError } from './errors';
import { errorCodeOf, parseLogOutAllBody, parseSessionsBody } from './wire';

/** Options of `createFetchSessionsClient`. */
export type FetchSessionsClientOptions = {
  /** Where the REST contract is served, e.g. `/api` (same origin, or proxied to it); no trailing slash needed. */
  baseUrl: string;
  /** The fetch to use. @default globalThis.fetch, looked up at each call */
  fetch?: typeof fetch | undefined;
  /** Headers for every request, or a function called before each request; an `X-CSRF-Token` given here wins over the cookie. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>) | undefined;
  /** Sent as `fetch`'s `credentials`. @default 'same-origin' */
  credentials?: RequestCredentials | undefined;
  /** A request not answered in this many milliseconds fails with code `timeout`. @default 20000 */
  timeoutMs?: number | undefined;
  /**
   * The cookie whose value DELETE and POST send as `X-CSRF-Token`, or `false` to send none.
   * @default `__Host-csrf_token`, else `csrf_token`
   */
  csrfCookie?: string | false | undefined;
};

const CSRF_HEADER = 'X-CSRF-Token';
const CSRF_COOKIES = ['__Host-csrf_token', 'csrf_token'];

/** The value of a cookie the page can read, or undefined (no document, no such cookie, or an empty one). */
function readCookie(name: string): string | undefined {
  const cookies = (globalThis as { document?: { cookie?: unknown } }).document?.cookie;
  if (typeof cookies !== 'string') return undefined;
  for (const pair of cookies.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    // document.cookie separates cookies with "; " and never pads a value.
    const value = pair.slice(at + 1);
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return value || undefined;
    }
  }
  return undefined;
}

// Development builds explain what the reader's message cannot; bundlers drop these calls from
// production builds (each sits behind its own process.env.NODE_ENV check, like the translator's).
function hint(message: string) {
  console.warn(`[active-sessions] ${message}`);
}

/** The page's origin, or undefined outside a browser page. */
function pageOrigin(): string | undefined {
  const location = (globalThis as { location?: { origin?: string } }).location;
  return typeof location?.origin === 'string' && location.origin !== 'null' ? location.origin : undefined;
}

/** Whether a browser page would send this request to another origin (CORS applies). */
function isCrossOrigin(url: string): boolean {
  const page = pageOrigin();
  return page !== undefined && new URL(url).origin !== page;
}

// A relative baseUrl ('/api') is resolved against the page, as a browser would, so it also works where
// fetch needs absolute URLs (server rendering, jsdom tests).
function absolute(url: string): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  return base ? new URL(url, base).href : url;
}

type Answer = { status: number; ok: boolean; body: unknown; isJson: boolean; csrf: 'given' | 'cookie' | 'none' };

/** The default `SessionsClient`: speaks the REST contract and validates every response at the boundary. */
export function createFetchSessionsClient(options: FetchSessionsClientOptions): SessionsClient {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl.trim() === '') {
    throw new TypeError('createFetchSessionsClient: "baseUrl" must be a non-empty string, e.g. "/api".');
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 20_000;
  const csrfCookies = options.csrfCookie === false ? [] : options.csrfCookie ? [options.csrfCookie] : CSRF_COOKIES;

  // Only in the failure case above: an opaque answer (no cookies, nothing read) says the server is there;
  // undefined when the probe fails too, a custom fetch that throws before it returns a promise included.
  function probe(url: string, signal: AbortSignal): Promise<Response | undefined> {
    const fetch = options.fetch ?? globalThis.fetch;
    return Promise.resolve()
      .then(() => fetch(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', signal }))
      .catch(() => undefined);
  }

  async function request(method: string, path: string, signal?: AbortSignal): Promise<Answer> {
    // Not throwIfAborted(): it throws the raw abort reason, and every call must reject with a SessionsClientError.
    if (signal?.aborted) throw new SessionsClientError('aborted', 'The request was cancelled.', { cause: signal.reason });
    let url: string | undefined;
    let answered = false;
    // One controller for both the caller's signal and the timeout, without relying on AbortSignal.any.
    const controller = new AbortController();
    // Stryker disable next-line OptionalChaining: onAbort is only ever added to a signal that exists
    const onAbort = () => controller.abort(signal?.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is removed in `finally` anyway; `once` only tidies earlier
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(new DOMException('The server took too long to answer.', 'TimeoutError')), timeoutMs);
    try {
      const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      // State-changing calls carry the CSRF token the server set as a readable cookie; the host's own header wins.
      let csrf: Answer['csrf'] = headers.has(CSRF_HEADER) ? 'given' : 'none';
      if (method !== 'GET' && csrf === 'none') {
        const token = csrfCookies.map(readCookie).find((value) => value !== undefined);
        if (token !== undefined) {
          headers.set(CSRF_HEADER, token);
          csrf = 'cookie';
        }
      }
      const doFetch = options.fetch ?? globalThis.fetch;
      url = absolute(`${baseUrl}${path}`);
      const response = await doFetch(url, {
        method,
        headers,
        credentials: options.credentials ?? 'same-origin',
        signal: controller.signal,
      });
      answered = true;
      const text = await response.text();
      let body: unknown;
      let readable = true;
      try {
        // Stryker disable next-line ConditionalExpression,StringLiteral: JSON.parse('') throws, which leaves body undefined and isJson false just the same
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        readable = false;
      }
      return { status: response.status, ok: response.ok, body, isJson: readable && text !== '', csrf };
    } catch (error) {
      // The abort reason is what the fetch rejects with for a timeout; keep the caller's own abort as "aborted".
      if (controller.signal.aborted && !signal?.aborted) throw toSessionsError(controller.signal.reason);
      if (signal?.aborted) throw new SessionsClientError('aborted', 'The request was cancelled.', { cause: error });
      // fetch rejects with a TypeError both offline and when the browser blocks a cross-origin request
      // (CORS). A no-cors GET is not subject to CORS: if it reaches the other origin, the block was CORS.
      if (error instanceof TypeError && !answered && url && isCrossOrigin(url) && (await probe(url, controller.signal)) !== undefined) {
        if (process.env.NODE_ENV !== 'production') {
          hint(
            `${method} ${url} was blocked by the browser: the page's origin (${pageOrigin()}) is not the API's, and the API does not allow it (CORS). Serve the API on the page's origin or proxy it there (README, Quick start), and give createFetchSessionsClient a baseUrl such as "/api".`,
          );
        }
        throw new SessionsClientError('blocked', `${method} ${url} was blocked by the browser (cross-origin): ${messageOf(error)}`, {
          cause: error,
        });
      }
      throw toSessionsError(error);
    } finally {
      // Stryker disable next-line BlockStatement: cleanup only; a timer or listener left behind fires on a settled request and changes nothing a caller sees (the comment sits here so that it reaches this block)
      clearTimeout(timer);
      // Stryker disable next-line StringLiteral: cleanup only, as above
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function failure(method: string, path: string, answer: Answer): SessionsClientError {
    const what = `${method} ${path} answered ${answer.status}`;
    if (answer.status === 401) return new SessionsClientError('unauthorized', `${what}: not signed in.`, { status: 401 });
    if (answer.status === 403 && errorCodeOf(answer.body) === 'reauthentication_required') {
      return new SessionsClientError('reauthentication_required', `${what}: a recent sign-in is required.`, { status: 403 });
    }
    // The contract asks for the token on DELETE and POST only; a GET refused so is a server fault.
    if (answer.status === 403 && method !== 'GET' && errorCodeOf(answer.body) === 'csrf') {
      if (process.env.NODE_ENV !== 'production') {
        hint(
          answer.csrf === 'none'
            ? `${what} csrf: the ${CSRF_HEADER} header was missing. ${csrfCookies.length ? `The page has no ${csrfCookies.join(' or ')} cookie to read it from; pass csrfCookie: 'your_cookie_name' or headers: { '${CSRF_HEADER}': token }.` : `csrfCookie is false, so pass headers: { '${CSRF_HEADER}': token }.`}`
            : `${what} csrf: the ${CSRF_HEADER} header ${{ given: 'passed in headers', cookie: 'read from the cookie' }[answer.csrf]} was not accepted (stale or wrong token).`,
        );
      }
      return new SessionsClientError('csrf', `${what}: the ${CSRF_HEADER} header was missing or not accepted.`, { status: 403 });
    }
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
      if (answer.ok || answer.status === 404) return;
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
      if (answer.ok) return parseLogOutAllBody(answer.body);
      throw failure('POST', path, answer);
    },
  };
}
