// Authentication: tokens, password hashes, the three cookies, the session and CSRF middleware, and
// the sign-in rate limit. Routes (app.ts) use these; nothing here writes SQL.
import { createHash, randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
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

/**
 * `Secure` on every cookie, except over plain http to a loopback host (the local demo and tests):
 * Chromium, curl and Playwright accept Secure cookies there, but Safari (WebKit bug 281149) drops
 * them, which would leave `npm run demo` unable to sign in. Behind TLS (any other host) they are Secure.
 */
function isSecureRequest(c: Context): boolean {
  const url = new URL(c.req.url);
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  return url.protocol === 'https:' || !loopback;
}

/** Sets the cookies of a new session; `deviceToken` is set only when the browser had none. */
export function setSessionCookies(c: Context, tokens: { session: string; csrf: string; device?: string }) {
  const secure = isSecureRequest(c);
  const maxAge = SESSION_TTL_MS / 1000;
  setCookie(c, COOKIE.session, tokens.session, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge });
  // Read by the page and echoed in X-CSRF-Token; a cross-site page can neither read it nor set the header.
  setCookie(c, COOKIE.csrf, tokens.csrf, { httpOnly: false, sameSite: 'Lax', path: '/', secure, maxAge });
  if (tokens.device) {
    setCookie(c, COOKIE.device, tokens.device, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: DEVICE_COOKIE_MAX_AGE_S });
  }
}

/** Clears the session's cookies; the device cookie stays, so the browser is still the same device. */
export function clearSessionCookies(c: Context) {
  const secure = isSecureRequest(c);
  deleteCookie(c, COOKIE.session, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
  deleteCookie(c, COOKIE.csrf, { path: '/', secure, sameSite: 'Lax' });
}

export function readCookie(c: Context, name: string): string | undefined {
  const value = getCookie(c, name);
  return isToken(value) ? value : undefined;
}

export type AuthEnv = { Variables: { caller: Caller } };

export function errorBody(code: string) {
  return { error: { code } };
}

/** The caller's live session, or undefined. */
export async function findCaller(c: Context, store: Store): Promise<Caller | undefined> {
  const token = readCookie(c, COOKIE.session);
  return token ? store.findCaller(hashToken(token), new Date()) : undefined;
}

/** 401 `unauthorized` unless the sid cookie names a live session; the caller is then `c.var.caller`. */
export function requireSession(store: Store) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const caller = await findCaller(c, store);
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
 * Failed sign-ins counted per key (the email, and the client) in a fixed window. Once a key reaches
 * `maxFailures`, every attempt with it is refused (the right password too) until the window ends, so
 * guessing costs the attacker the window, not one scrypt. Kept in memory: one process's view; a
 * service with several instances keeps these counters in a shared store.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly maxFailures: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.maxFailures ? Math.ceil((entry.resetAt - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()) {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count += 1;
    if (this.failures.size > 10_000) this.prune(now);
  }

  reset(key: string) {
    this.failures.delete(key);
  }

  private prune(now: number) {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}
