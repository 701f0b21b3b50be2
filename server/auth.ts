// Authentication: tokens, password hashes, the three cookies, the session and CSRF middleware, and
// the reauthentication check. Routes (app.ts) use these; nothing here writes SQL.
import { createHash, randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Caller, Store } from './store';

/** Cookie names, fixed by the contract (DESIGN.md). */
export const COOKIE = { session: 'sid', csrf: 'csrf_token', device: 'device_id' } as const;
export const CSRF_HEADER = 'X-CSRF-Token';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
// Browsers cap a cookie's lifetime at 400 days.
const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/** A new secret: 128 random bits, base64url (22 characters, safe in cookies, headers and URLs). */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** True for a string that could be a token from `newToken` (anything else is never looked up). */
export function isToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
}

/** What the database keeps of a token: its SHA-256. A token is random, so no salt or slow hash is needed. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Compares two hashes in constant time. */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// Passwords: scrypt (memory-hard), a random salt each, parameters stored with the hash so they can grow.
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: BinaryLike, salt: BinaryLike, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, SCRYPT.keylen, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return sameHash(key, expected);
}

// Checked when the email is unknown, so an unknown account answers as slowly as a wrong password.
const UNKNOWN_ACCOUNT_HASH = hashPassword(newToken());
export async function verifyNoAccount(password: string): Promise<false> {
  await verifyPassword(password, await UNKNOWN_ACCOUNT_HASH);
  return false;
}

/** The cookies' names and flags, fixed by the deployment's PUBLIC_ORIGIN, never guessed from the request. */
export type CookiePolicy = { isSecure: boolean; names: { session: string; csrf: string; device: string } };

/**
 * Under an `https://` PUBLIC_ORIGIN every cookie is `Secure` and `__Host-` prefixed (Path=/, no
 * Domain: no sibling subdomain can set or overwrite it); otherwise plain http development, the
 * contract's plain names, not `Secure` (Safari drops Secure cookies on plain-http loopback hosts).
 */
export function cookiePolicy(publicOrigin: string | undefined): CookiePolicy {
  const isSecure = publicOrigin !== undefined && new URL(publicOrigin).protocol === 'https:';
  const prefix = isSecure ? '__Host-' : '';
  return {
    isSecure,
    names: { session: `${prefix}${COOKIE.session}`, csrf: `${prefix}${COOKIE.csrf}`, device: `${prefix}${COOKIE.device}` },
  };
}

/** Sets sid, csrf_token and (for a new device) device_id, named and flagged by the policy. */
export function setSessionCookies(c: Context, cookies: CookiePolicy, tokens: { session: string; csrf: string; device?: string }) {
  const { isSecure: secure, names } = cookies;
  const maxAge = SESSION_TTL_MS / 1000;
  setCookie(c, names.session, tokens.session, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge });
  // Read by the page and echoed in X-CSRF-Token; a cross-site page can neither read it nor set the header.
  setCookie(c, names.csrf, tokens.csrf, { httpOnly: false, sameSite: 'Lax', path: '/', secure, maxAge });
  if (tokens.device) {
    setCookie(c, names.device, tokens.device, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: DEVICE_COOKIE_MAX_AGE_S });
  }
}

/** Clears the session's cookies; the device cookie stays, so the browser is still the same device. */
export function clearSessionCookies(c: Context, cookies: CookiePolicy) {
  const { isSecure: secure, names } = cookies;
  deleteCookie(c, names.session, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
  deleteCookie(c, names.csrf, { path: '/', secure, sameSite: 'Lax' });
}

/** Every value the request's Cookie header gives `name` (a browser may send one name twice). */
function cookieValues(c: Context, name: string): string[] {
  const values: string[] = [];
  for (const part of (c.req.header('Cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/**
 * The cookie's token when the request carries it exactly once. Twice (`sid=A; sid=B`) is refused:
 * a sibling subdomain can add a cookie of the same name, and which one comes first is not ours to trust.
 */
export function readCookie(c: Context, name: string): string | undefined {
  const values = cookieValues(c, name);
  return values.length === 1 && isToken(values[0]) ? values[0] : undefined;
}

/** Every well-formed token the request sends under `name` (sign-in ends each one's session). */
export function readAllCookies(c: Context, name: string): string[] {
  return cookieValues(c, name).filter(isToken);
}

/**
 * The client's address, for the sign-in limits only (never stored as given, never returned). With
 * TRUST_PROXY=n, the address n hops from the right of X-Forwarded-For: each trusted proxy appends
 * what it saw, so what is further left was written by the client and could be anything. With 0, the
 * socket's address, and the header is ignored.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops.length > 0) return hops[Math.max(0, hops.length - trustProxy)]!;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

export type AuthEnv = { Variables: { caller: Caller } };

export function errorBody(code: string) {
  return { error: { code } };
}

/** The caller's live session, or undefined. */
export async function findCaller(c: Context, store: Store, cookies: CookiePolicy): Promise<Caller | undefined> {
  const token = readCookie(c, cookies.names.session);
  return token ? store.findCaller(hashToken(token), new Date()) : undefined;
}

/** 401 `unauthorized` unless the sid cookie names a live session; the caller is then `c.var.caller`. */
export function requireSession(store: Store, cookies: CookiePolicy) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const caller = await findCaller(c, store, cookies);
    if (!caller) return c.json(errorBody('unauthorized'), 401);
    c.set('caller', caller);
    await next();
  });
}

/** True when the request's X-CSRF-Token is the caller's session's CSRF token (compared as hashes, in constant time). */
export function hasValidCsrf(c: Context, caller: Caller): boolean {
  const token = c.req.header(CSRF_HEADER);
  return isToken(token) && sameHash(hashToken(token), caller.csrfHash);
}

/** 403 `csrf` unless the request carries the session's CSRF token: every state-changing call needs it. */
export const requireCsrf = createMiddleware<AuthEnv>(async (c, next) => {
  if (!hasValidCsrf(c, c.var.caller)) return c.json(errorBody('csrf'), 403);
  await next();
});

/**
 * B16: with REAUTH_MAX_AGE_MS set, 403 `reauthentication_required` when this session's last password
 * check (its sign-in or POST /auth/reauthenticate) is older; unset, never asked.
 */
export function requireRecentPassword(reauthMaxAgeMs: number | undefined) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const checkedAt = new Date(c.var.caller.passwordCheckedAt).getTime();
    if (reauthMaxAgeMs !== undefined && Date.now() - checkedAt > reauthMaxAgeMs) {
      return c.json(errorBody('reauthentication_required'), 403);
    }
    await next();
  });
}
