// A small in-memory server of the REST contract, written for the contract-check tests: correct by
// default, and broken in one way per fault, so each test proves the check catches that break.
// Two accounts (ada, bob); sessions are signed in directly through `signIn`, as a backend's own
// sign-in would, and carried by a `sid` cookie and an X-CSRF-Token header.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One way a server can break the contract. */
export type Fault =
  | 'listNotWrapped' // GET /sessions answers a bare array
  | 'cacheable' // GET /sessions without Cache-Control: no-store
  | 'malformedRow' // a row with is_trusted: "no"
  | 'duplicateIds' // a row listed twice
  | 'twoCurrentRows' // a second row marked is_current
  | 'listsSignedOut' // a signed-out session listed, status "signed_out"
  | 'ipInLocation' // an IP address as a row's city
  | 'idIsTokenHash' // row ids are the SHA-256 of the session token
  | 'omitsOtherSessions' // lists only the caller's own row
  | 'listsOtherAccount' // lists every account's sessions
  | 'noAuth401' // no credentials → 200 with an empty list
  | 'redirectsAnonymous' // no credentials → 302 to a sign-in page
  | 'unknownTokenAccepted' // an unknown sid → 200 with an empty list
  | 'unknownId204' // DELETE of an id that never existed → 204
  | 'sqlErrorOnQuote' // an id with a quote → 500 with the database's syntax error
  | 'injectionEndsAll' // an id with ' OR ' ends every session (string-built SQL)
  | 'badFlagIgnored' // remove_trusted_device=maybe is read as false
  | 'crossAccountDelete' // DELETE of another account's session → 204, and it ends
  | 'skipsCsrf' // no CSRF check at all
  | 'csrfPresenceOnly' // any X-CSRF-Token value is accepted
  | 'deleteEndsCurrent' // DELETE of the caller's own session → 204, and it ends
  | 'keepsLoggedOutToken' // DELETE → 204 and the row goes, but the token still works
  | 'goneIdAnswers200' // DELETE of a session already gone → 200
  | 'trustedDeleteRefused' // remove_trusted_device=true → 400
  | 'leaksStackTrace' // 404 bodies carry a stack trace
  | 'echoesToken' // 404 bodies carry the caller's session token
  | 'logoutAllNoCompletesBy' // 202 with an empty body
  | 'logoutAllLeavesOne' // log out all leaves one other session signed in
  | 'logoutAllEndsOtherAccount' // log out all ends every account's sessions
  | 'keepsListingLoggedOut' // DELETE → 204 and the token is refused, but the row stays listed forever
  | 'lastActiveNotIso' // last_active_at is "3 hours ago"
  | 'lastActiveBeforeSignIn' // last_active_at a day before signed_in_at
  | 'lastActiveInFuture' // last_active_at an hour from now
  | 'unrecognizedRefused' // DELETE with reason=unrecognized → 400
  | 'unrecognizedEndsNothing' // DELETE with reason=unrecognized → 204, and the session goes on
  | 'reauthenticationRequired' // DELETE and logout_all → 403 reauthentication_required (after the CSRF check)
  | 'slowList'; // GET /sessions never answers

type Account = 'ada' | 'bob';

type StoredSession = {
  id: string;
  account: Account;
  token: string | undefined; // undefined: a seeded row signed in elsewhere, listed only
  csrf: string;
  isTrusted: boolean;
  status: 'active' | 'unavailable';
  apps: string[];
  device?: { browser?: string; os?: string; type?: string };
  location?: { city?: string; region?: string; country?: string };
  signedInAt: string;
  lastActiveAt?: string;
  tokenAccepted: boolean;
  listed: boolean;
};

/** One entry of a sessions file. */
export type SessionEntry = { headers: Record<string, string>; account?: 'other' };

const DEVICES = [
  {
    device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
    location: { city: 'San Francisco', region: 'California', country: 'US' },
    apps: ['chatgpt'],
  },
  { device: { browser: 'Safari', os: 'iOS', type: 'mobile' }, location: { city: 'Berlin', country: 'DE' }, apps: ['chatgpt'] },
  { device: { browser: 'Edge', os: 'Windows', type: 'desktop' }, location: { city: 'Tokyo', country: 'JP' }, apps: ['chatgpt', 'codex'] },
  {
    device: { browser: 'Firefox', os: 'Linux', type: 'desktop' },
    location: { city: 'Kraków', region: 'Lesser Poland', country: 'PL' },
    apps: ['api_platform'],
  },
];

const STACK =
  'Error: no such session\n    at deleteSession (/srv/app/src/routes.ts:88:11)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)';

export type ContractServer = {
  /** The base URL of the contract, e.g. http://127.0.0.1:40123/api. */
  baseUrl: string;
  /** Signs a new session in for the account and returns its sessions-file entry. */
  signIn(account: Account): SessionEntry;
  /** How many sessions of the account still have a working token. */
  signedInCount(account: Account): number;
  close(): Promise<void>;
};

/** Starts the server on 127.0.0.1 and a free port. */
export async function startContractServer({
  faults = [],
  freshSignIns = false,
}: { faults?: Fault[]; freshSignIns?: boolean } = {}): Promise<ContractServer> {
  const has = (fault: Fault) => faults.includes(fault);
  const sessions: StoredSession[] = [];
  let serial = 0;

  function addSession(account: Account, token: string | undefined, overrides: Partial<StoredSession> = {}): StoredSession {
    const look = DEVICES[serial % DEVICES.length]!;
    serial += 1;
    const session: StoredSession = {
      id:
        token && has('idIsTokenHash')
          ? createHash('sha256').update(token).digest('hex')
          : `sess_${serial}_${randomBytes(3).toString('hex')}`,
      account,
      token,
      csrf: randomBytes(16).toString('base64url'),
      isTrusted: serial % 2 === 0,
      status: 'active',
      apps: [...look.apps],
      device: { ...look.device },
      location: { ...look.location },
      signedInAt: new Date(Date.UTC(2025, 5, 1 + serial, 9, 30)).toISOString(),
      // B12: seen in use a while after the sign-in (a few minutes to hours).
      lastActiveAt: new Date(Date.UTC(2025, 5, 1 + serial, 9 + (serial % 5), 30 + serial)).toISOString(),
      tokenAccepted: token !== undefined,
      listed: true,
      ...overrides,
    };
    sessions.push(session);
    return session;
  }

  // Rows signed in elsewhere, which no test holds a token for; and one signed-out session, never listed.
  addSession('ada', undefined, { status: 'unavailable', apps: [], device: { os: 'Android', type: 'mobile' }, location: { country: 'CA' } });
  addSession('ada', undefined, { listed: false });
  addSession('bob', undefined);

  function end(session: StoredSession) {
    session.listed = false;
    session.tokenAccepted = false;
  }

  function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  }
  const error = (res: ServerResponse, status: number, code: string, extra: Record<string, unknown> = {}) =>
    send(res, status, { error: { code, ...extra } });

  function cookie(req: IncomingMessage, name: string): string | undefined {
    for (const pair of (req.headers.cookie ?? '').split(';')) {
      const [key, ...value] = pair.trim().split('=');
      if (key === name) return value.join('=');
    }
    return undefined;
  }

  function toWire(session: StoredSession, caller: StoredSession) {
    return {
      id: session.id,
      is_current: session === caller,
      is_trusted: session.isTrusted,
      status: session.listed ? session.status : 'signed_out',
      apps: session.apps,
      device: session.device,
      location: session.location,
      signed_in_at: session.signedInAt,
      last_active_at: session.lastActiveAt,
    };
  }

  function list(res: ServerResponse, caller: StoredSession) {
    if (has('slowList')) return; // never answers
    let shown = sessions.filter((s) => s.account === caller.account && s.listed);
    if (has('omitsOtherSessions')) shown = [caller];
    if (has('listsSignedOut')) shown = sessions.filter((s) => s.account === caller.account);
    if (has('listsOtherAccount')) shown = sessions.filter((s) => s.listed);
    const rows: Record<string, unknown>[] = shown.map((s) => toWire(s, caller));
    const other = rows.find((row) => !row.is_current && row.status === 'active');
    if (other && has('malformedRow')) other.is_trusted = 'no';
    if (other && has('twoCurrentRows')) other.is_current = true;
    if (other && has('ipInLocation')) other.location = { city: '203.0.113.7', country: 'US' };
    if (other && has('duplicateIds')) rows.push({ ...other });
    if (other && has('lastActiveNotIso')) other.last_active_at = '3 hours ago';
    if (other && has('lastActiveBeforeSignIn'))
      other.last_active_at = new Date(Date.parse(String(other.signed_in_at)) - 86_400_000).toISOString();
    if (other && has('lastActiveInFuture')) other.last_active_at = new Date(Date.now() + 3_600_000).toISOString();
    const cacheControl = has('cacheable') ? 'private, max-age=60' : 'no-store';
    send(res, 200, has('listNotWrapped') ? rows : { sessions: rows }, { 'cache-control': cacheControl });
  }

  function csrfOk(req: IncomingMessage, caller: StoredSession): boolean {
    const header = req.headers['x-csrf-token'];
    if (has('skipsCsrf')) return true;
    if (has('csrfPresenceOnly')) return typeof header === 'string' && header !== '';
    return header === caller.csrf;
  }

  function logOut(
    req: IncomingMessage,
    res: ServerResponse,
    caller: StoredSession,
    rawId: string,
    flag: string | null,
    reason: string | null,
  ) {
    if (!csrfOk(req, caller)) return error(res, 403, 'csrf');
    if (has('reauthenticationRequired')) return error(res, 403, 'reauthentication_required');
    if (reason !== null && reason !== 'unrecognized') return error(res, 400, 'invalid_request', { message: 'reason must be unrecognized' });
    if (reason === 'unrecognized' && has('unrecognizedRefused')) return error(res, 400, 'invalid_request');
    if (flag !== 'true' && flag !== 'false' && !(has('badFlagIgnored') && flag !== null)) {
      return error(res, 400, 'invalid_request', { message: 'remove_trusted_device must be true or false' });
    }
    if (flag === 'true' && has('trustedDeleteRefused')) return error(res, 400, 'invalid_request');
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      return error(res, 404, 'not_found');
    }
    if (id.includes("'") && has('sqlErrorOnQuote')) {
      return error(res, 500, 'internal', { message: `syntax error at or near "OR" in DELETE FROM sessions WHERE id = '${id}'` });
    }
    if (id.includes("' OR '") && has('injectionEndsAll')) {
      for (const session of sessions.filter((s) => s.account === caller.account)) end(session);
      return send(res, 204);
    }
    const target = sessions.find((s) => s.id === id);
    const notFound = () =>
      error(
        res,
        404,
        'not_found',
        has('leaksStackTrace') ? { message: STACK } : has('echoesToken') ? { message: `no session for token ${caller.token}` } : {},
      );
    if (!target) return has('unknownId204') ? send(res, 204) : notFound();
    if (!target.listed) return has('goneIdAnswers200') ? send(res, 200, {}) : notFound();
    if (target.account !== caller.account && !has('crossAccountDelete')) return notFound();
    if (target === caller && !has('deleteEndsCurrent')) return error(res, 409, 'current_session');
    if (flag === 'true') target.isTrusted = false;
    if (reason === 'unrecognized' && has('unrecognizedEndsNothing')) return send(res, 204);
    if (has('keepsLoggedOutToken')) target.listed = false;
    else if (has('keepsListingLoggedOut')) target.tokenAccepted = false;
    else end(target);
    send(res, 204);
  }

  function logOutAll(req: IncomingMessage, res: ServerResponse, caller: StoredSession) {
    if (!csrfOk(req, caller)) return error(res, 403, 'csrf');
    if (has('reauthenticationRequired')) return error(res, 403, 'reauthentication_required');
    const spared = has('logoutAllLeavesOne')
      ? sessions.find((s) => s.account === caller.account && s !== caller && s.tokenAccepted)
      : undefined;
    for (const session of sessions) {
      if (session === spared) continue;
      if (session.account === caller.account || has('logoutAllEndsOtherAccount')) end(session);
    }
    send(res, 202, has('logoutAllNoCompletesBy') ? {} : { completes_by: new Date().toISOString() });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.startsWith('/api/') ? url.pathname.slice(4) : undefined;
    const sid = cookie(req, 'sid');
    const caller = sid ? sessions.find((s) => s.token === sid && s.tokenAccepted) : undefined;
    const isList = req.method === 'GET' && path === '/sessions';
    if (!caller) {
      if (isList && !sid && has('noAuth401')) return send(res, 200, { sessions: [] });
      if (isList && !sid && has('redirectsAnonymous')) return send(res, 302, undefined, { location: '/login?next=%2Fsettings' });
      if (isList && sid && has('unknownTokenAccepted')) return send(res, 200, { sessions: [] });
      return error(res, 401, 'unauthorized');
    }
    if (isList) return list(res, caller);
    if (req.method === 'POST' && path === '/sessions/logout_all') return logOutAll(req, res, caller);
    const match = req.method === 'DELETE' && path ? /^\/sessions\/([^/]+)$/.exec(path) : null;
    if (match) return logOut(req, res, caller, match[1]!, url.searchParams.get('remove_trusted_device'), url.searchParams.get('reason'));
    error(res, 404, 'not_found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    signIn(account) {
      // Fresh: signed in just now (B16: a recent password check), last seen just now too.
      const now = new Date().toISOString();
      const session = addSession(
        account,
        randomBytes(16).toString('base64url'),
        freshSignIns ? { signedInAt: now, lastActiveAt: now } : {},
      );
      return {
        headers: { Cookie: `sid=${session.token}; csrf_token=${session.csrf}`, 'X-CSRF-Token': session.csrf },
        ...(account === 'bob' ? { account: 'other' as const } : {}),
      };
    },
    signedInCount: (account) => sessions.filter((s) => s.account === account && s.tokenAccepted).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
