// The routes: the REST contract under /api, sign-in and sign-out under /auth, the demo page at /.
// Cross-cutting rules are middleware: security headers everywhere, no-store on every API answer,
// the session (401), CSRF (403) and recent-password (403, B16) checks, and one error handler that
// never shows a stack or SQL and answers 503 while the database is unavailable.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  clearSessionCookies,
  clientAddress,
  cookiePolicy,
  errorBody,
  findCaller,
  hasValidCsrf,
  hashToken,
  newToken,
  readAllCookies,
  readCookie,
  requireCsrf,
  requireRecentPassword,
  requireSession,
  SESSION_TTL_MS,
  setSessionCookies,
  verifyNoAccount,
  verifyPassword,
  type AuthEnv,
} from './auth';
import { approximatePlace, describeDevice } from './device';
import { beginAttempt } from './limits';
import type { WireSession } from '../kit/src/contract';
import { DatabaseUnavailable, type DeviceRow, type Store } from './store';

export type AppOptions = {
  store: Store;
  /** How long a logged-out row stays listed (B9); its token is refused at once either way. @default 0 */
  propagationMs?: number;
  /** Read the approximate place from X-Geo-* headers (only behind a CDN that sets them). @default false */
  trustGeoHeaders?: boolean;
  /** Where the built demo page is. @default server/demo/dist */
  demoDir?: string;
  /** Where unexpected errors are reported (never to the client). @default console.error */
  logError?: (error: unknown) => void;
  /** The origin readers use (PUBLIC_ORIGIN); `https://…` makes every cookie Secure and `__Host-`. @default plain http */
  publicOrigin?: string;
  /** How many proxies in front append to X-Forwarded-For (TRUST_PROXY); 0 takes the socket's address. @default 0 */
  trustProxy?: number;
  /** B16: a logout from a session whose last password check is older answers 403 (REAUTH_MAX_AGE_MS). @default never asked */
  reauthMaxAgeMs?: number;
};

/** Seconds a client is asked to wait before calling again while the database is unavailable. */
const UNAVAILABLE_RETRY_AFTER_S = 5;

export const APPS = ['chatgpt', 'codex', 'api_platform'] as const;
export const DEMO_DIR = fileURLToPath(new URL('./demo/dist', import.meta.url));

/** The wire form of a row (snake_case, as the contract says); unknown details are left out, never null. */
function toWireSession(row: DeviceRow): WireSession {
  const device = { browser: row.browser ?? undefined, os: row.os ?? undefined, type: row.deviceType ?? undefined };
  const location = { city: row.city ?? undefined, region: row.region ?? undefined, country: row.country ?? undefined };
  const known = (o: object) => Object.values(o).some((v) => v !== undefined);
  return {
    id: row.id,
    is_current: row.isCurrent,
    is_trusted: row.isTrusted,
    status: row.isUnavailable ? 'unavailable' : 'active',
    apps: row.apps,
    ...(known(device) ? { device } : {}),
    ...(known(location) ? { location } : {}),
    signed_in_at: new Date(row.signedInAt).toISOString(),
    last_active_at: new Date(row.lastActiveAt).toISOString(),
  };
}

/** Parses the sign-in body; undefined when it is not what the route takes. */
function parseSignIn(body: unknown) {
  if (typeof body !== 'object' || body === null) return undefined;
  const { email, password, app = 'chatgpt', trust_device: trustDevice = false } = body as Record<string, unknown>;
  if (typeof email !== 'string' || email.length > 254 || typeof password !== 'string' || password.length > 1024) return undefined;
  if (typeof app !== 'string' || !(APPS as readonly string[]).includes(app) || typeof trustDevice !== 'boolean') return undefined;
  return { email: email.trim().toLowerCase(), password, app, trustDevice };
}

function isJson(c: Context): boolean {
  return c.req.header('Content-Type')?.toLowerCase().startsWith('application/json') ?? false;
}

function rateLimited(c: Context, retryAfterSeconds: number) {
  c.header('Retry-After', String(retryAfterSeconds));
  return c.json(errorBody('rate_limited'), 429);
}

export function createApp(options: AppOptions) {
  const { store, propagationMs = 0, trustGeoHeaders = false, demoDir = DEMO_DIR, logError = console.error, trustProxy = 0 } = options;
  const cookies = cookiePolicy(options.publicOrigin);
  const listedUntil = (now: Date) => (propagationMs > 0 ? new Date(now.getTime() + propagationMs) : null);

  const app = new Hono<AuthEnv>();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Radix's scroll lock adds a <style> element while a dialog is open (blocked without this).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  // Answers about sessions are per user and change with every logout: never cached anywhere.
  for (const path of ['/api/*', '/auth/*']) {
    app.use(path, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }

  app.onError((error, c) => {
    logError(error);
    // The database refused, broke or did not answer within DB_TIMEOUT_MS: try again later, never a 500.
    if (error instanceof DatabaseUnavailable) {
      c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
      return c.json(errorBody('unavailable'), 503);
    }
    return c.json(errorBody('internal'), 500);
  });
  app.notFound((c) => c.json(errorBody('not_found'), 404));

  // --- auth ---------------------------------------------------------------------------------------

  app.post('/auth/sign-in', bodyLimit({ maxSize: 8 * 1024, onError: (c) => c.json(errorBody('invalid_request'), 413) }), async (c) => {
    // JSON only: a cross-site HTML form cannot send it, so no one can sign a browser in to their account.
    if (!isJson(c)) return c.json(errorBody('invalid_request'), 415);
    const input = parseSignIn(await c.req.json().catch(() => undefined));
    if (!input) return c.json(errorBody('invalid_request'), 400);

    // Counted before the hash is computed, so parallel guesses cannot all slip under the limit.
    const attempt = await beginAttempt(store, input.email, clientAddress(c, trustProxy));
    if (!attempt.isAllowed) return rateLimited(c, attempt.retryAfterSeconds);
    const account = await store.findAccount(input.email);
    const isValid = account ? await verifyPassword(input.password, account.passwordHash) : await verifyNoAccount(input.password);
    if (!account || !isValid) return c.json(errorBody('invalid_credentials'), 401);
    await attempt.succeeded();

    const now = new Date();
    // A browser signing in again leaves no older session behind it, whichever account that was.
    for (const older of readAllCookies(c, cookies.names.session)) await store.endSessionByToken(hashToken(older), now);
    const knownDevice = readCookie(c, cookies.names.device);
    const tokens = { session: newToken(), csrf: newToken(), device: knownDevice ? undefined : newToken() };
    await store.addSession({
      accountId: account.id,
      newDeviceId: newToken(),
      deviceKeyHash: hashToken(knownDevice ?? tokens.device!),
      trustDevice: input.trustDevice,
      tokenHash: hashToken(tokens.session),
      csrfHash: hashToken(tokens.csrf),
      app: input.app,
      ...describeDevice(c.req.header('User-Agent')),
      ...approximatePlace((name) => c.req.header(name), trustGeoHeaders),
      signedInAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    setSessionCookies(c, cookies, tokens);
    return c.body(null, 204);
  });

  // B16: proves the password again for this session only (another session of the account stays as it was).
  app.post(
    '/auth/reauthenticate',
    bodyLimit({ maxSize: 8 * 1024, onError: (c) => c.json(errorBody('invalid_request'), 413) }),
    requireSession(store, cookies),
    requireCsrf,
    async (c) => {
      if (!isJson(c)) return c.json(errorBody('invalid_request'), 415);
      const body: unknown = await c.req.json().catch(() => undefined);
      const password = typeof body === 'object' && body !== null ? (body as { password?: unknown }).password : undefined;
      if (typeof password !== 'string' || password.length > 1024) return c.json(errorBody('invalid_request'), 400);

      const { caller } = c.var;
      // The sign-in limits, on the same counts: re-authentication is no way around them.
      const attempt = await beginAttempt(store, caller.email, clientAddress(c, trustProxy));
      if (!attempt.isAllowed) return rateLimited(c, attempt.retryAfterSeconds);
      const account = await store.findAccount(caller.email);
      if (!account || !(await verifyPassword(password, account.passwordHash))) return c.json(errorBody('invalid_credentials'), 401);
      await attempt.succeeded();
      await store.confirmPassword(caller.sessionId, new Date());
      return c.body(null, 204);
    },
  );

  // Ends the caller's session. With no live session there is nothing to protect: it only clears cookies.
  app.post('/auth/sign-out', async (c) => {
    const caller = await findCaller(c, store, cookies);
    if (caller) {
      if (!hasValidCsrf(c, caller)) return c.json(errorBody('csrf'), 403);
      await store.endSession(caller.sessionId, new Date());
    }
    clearSessionCookies(c, cookies);
    return c.body(null, 204);
  });

  // --- the REST contract --------------------------------------------------------------------------

  const api = new Hono<AuthEnv>();
  api.use(requireSession(store, cookies));
  // B7: the feature is not available to SSO-linked accounts, for reading or logging out.
  api.use(async (c, next) => {
    if (c.var.caller.isSsoAccount) return c.json(errorBody('sso_account'), 403);
    await next();
  });

  api.get('/sessions', async (c) => {
    const { accountId, deviceId } = c.var.caller;
    const rows = await store.listDevices(accountId, deviceId, new Date());
    return c.json({ sessions: rows.map(toWireSession) });
  });

  const requireRecent = requireRecentPassword(options.reauthMaxAgeMs);

  api.post('/sessions/logout_all', requireCsrf, requireRecent, async (c) => {
    const now = new Date();
    await store.endAccount({ accountId: c.var.caller.accountId, now, listedUntil: listedUntil(now) });
    return c.json({ completes_by: new Date(now.getTime() + propagationMs).toISOString() }, 202);
  });

  // A row is a device: logging it out ends every session of that device, for every app.
  api.delete('/sessions/:id', requireCsrf, requireRecent, async (c) => {
    const { accountId, deviceId } = c.var.caller;
    const id = c.req.param('id');
    // The contract requires the flag, as true or false: a request that does not say is refused whatever the id.
    const remove = c.req.query('remove_trusted_device');
    if (remove !== 'true' && remove !== 'false') return c.json(errorBody('invalid_request'), 400);
    // Row ids are base64url; anything else cannot be a row (and never reaches SQL).
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return c.json(errorBody('not_found'), 404);
    // B3: the current session ends through sign-out or Log out of all sessions, not here.
    if (id === deviceId) return c.json(errorBody('current_session'), 409);
    const now = new Date();
    // B14: the reason is kept for the security team; the logout itself is exactly the same without it.
    const reason = c.req.query('reason') === 'unrecognized' ? 'unrecognized' : null;
    const ended = await store.endDevice({
      accountId,
      deviceId: id,
      forgetTrust: remove === 'true',
      reason,
      now,
      listedUntil: listedUntil(now),
    });
    // Another account's row, an unknown id, or one already logged out: the same answer, and nothing changed.
    if (ended === 0) return c.json(errorBody('not_found'), 404);
    return c.body(null, 204);
  });

  app.route('/api', api);

  // --- the demo page ------------------------------------------------------------------------------

  if (existsSync(path.join(demoDir, 'index.html'))) {
    app.use('/*', serveStatic({ root: path.relative(process.cwd(), demoDir) || '.' }));
  } else {
    app.get('/', (c) => c.text('The demo page is not built: run `npm run demo` (or `npm run server`), which builds it.', 503));
  }

  return app;
}
