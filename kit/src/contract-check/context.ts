// The typed context every check reads and writes, and the one function that talks to the server.
import { Failure, NoAnswer } from './errors.js';
import type { Contract } from './openapi.js';
import type { Session } from './input.js';
import { secretsOf, show, showPath } from './text.js';

/** The contract's three routes, as openapi.yaml names them. */
export type Route = '/sessions' | '/sessions/{id}' | '/sessions/logout_all';

/** One answer of the server, read once. */
export type Answer = {
  method: string;
  path: string;
  route: Route;
  status: number;
  contentType: string;
  cacheControl: string;
  retryAfter: string;
  /** The body as sent. */
  text: string;
  /** The body with every credential of the file replaced, for messages. */
  shown: string;
  /** The parsed JSON body, when it is JSON. */
  body: unknown;
  isJson: boolean;
  /** Hostile input we sent, which an error body may echo without leaking anything. */
  inputs: string[] | undefined;
};

/** What the checks share, in the order they run. */
export type CheckContext = {
  baseUrl: string;
  sessions: Session[];
  /** Session 1, the one the checks act from. */
  acting: Session;
  /** The sessions of the first account (session 1 included). */
  first: Session[];
  /** The sessions marked "account": "other". */
  other: Session[];
  contract: Contract;
  /** How long a logged-out session may still be accepted. */
  graceMs: number;
  /** How long a logged-out row may stay listed (B9: while the logout propagates). */
  listGraceMs: number;
  /** Every credential of the file: never printed. */
  secrets: { secret: string; session: Session }[];
  /** When the run started, for the freshness of the sessions (B16). */
  startedAt: number;
  /** The id of the running check. */
  current: string;
  /** Session 1's rows from list.ok. */
  list?: unknown[];
  listAnswer?: Answer;
  /** The rows session 1 must keep seeing until a check logs one out on purpose. */
  expectedIds?: Set<string>;
  /** Every 4xx and 5xx answer, for errors.plain-bodies. */
  errorResponses: Answer[];
  /** The session logout.other logged out, and its row id. */
  gone?: Session;
  loggedOutAll?: { sessions: Session[]; completesBy: number };
  /** Set when a log-out call answered 403 reauthentication_required (B16): why later ones are skipped. */
  reauthentication?: string;
  /** The check whose request got no answer at all. */
  noAnswer?: string;
  /** One request; never follows a redirect, times out, and throws Failure for what is not an answer. */
  send(method: string, path: string, headers?: Record<string, string>, options?: { inputs?: string[] }): Promise<Answer>;
};

/** The context of one run, before any check. */
export function createContext(options: {
  baseUrl: string;
  sessions: Session[];
  timeoutMs: number;
  graceMs: number;
  listGraceMs: number;
  contract: Contract;
}): CheckContext {
  const { baseUrl, sessions, timeoutMs } = options;
  const [acting] = sessions;
  if (!acting) throw new Error('no session');
  const secrets = sessions.flatMap((session) => secretsOf(session.headers).map((secret) => ({ secret, session })));
  const ctx: CheckContext = {
    baseUrl,
    sessions,
    acting,
    first: sessions.filter((s) => s.account === 'first'),
    other: sessions.filter((s) => s.account === 'other'),
    contract: options.contract,
    graceMs: options.graceMs,
    listGraceMs: options.listGraceMs,
    secrets,
    startedAt: Date.now(),
    current: '',
    errorResponses: [],
    async send(method, path, headers = {}, { inputs } = {}) {
      const sent = new Headers(headers);
      if (!sent.has('accept')) sent.set('accept', 'application/json');
      const what = `${method} ${showPath(path)}`;
      let response: Response;
      let text: string;
      try {
        response = await fetch(`${baseUrl}${path}`, { method, headers: sent, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        text = await response.text();
      } catch (error) {
        const { name, message, cause } = error as Error & { cause?: { code?: string; message?: string } };
        if (name === 'TimeoutError') throw new NoAnswer(`${what}: no answer within ${timeoutMs / 1000} s`);
        throw new NoAnswer(`${what}: the request failed (${cause?.code ?? cause?.message ?? message}); is ${baseUrl} up?`);
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        throw new Failure(
          `${what} answered ${response.status}${location ? ` → ${show(location)}` : ''}, not followed: the contract never redirects (check the base URL, and that the session is still signed in)`,
        );
      }
      let body: unknown;
      let isJson = false;
      try {
        body = text === '' ? undefined : JSON.parse(text);
        isJson = text !== '' && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType);
      } catch {
        body = undefined;
      }
      const route: Route =
        path === '/sessions'
          ? '/sessions'
          : method === 'POST' && path === '/sessions/logout_all'
            ? '/sessions/logout_all'
            : '/sessions/{id}';
      // What a message may quote: the body without any credential of the file, before it is cut short.
      const shown = secrets.reduce((t, { secret }) => t.split(secret).join('<credential>'), text);
      const res: Answer = {
        method,
        path,
        route,
        status: response.status,
        contentType,
        cacheControl: response.headers.get('cache-control') ?? '',
        retryAfter: response.headers.get('retry-after') ?? '',
        text,
        shown,
        body,
        isJson,
        inputs,
      };
      if (res.status >= 400) ctx.errorResponses.push(res);
      return res;
    },
  };
  return ctx;
}
