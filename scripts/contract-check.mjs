#!/usr/bin/env node
// Checks a live server against the REST contract of @firstparty/active-sessions (openapi.yaml).
//
//   active-sessions-contract-check <baseUrl> --sessions <file.json> [--json]
//
// The sessions file is a JSON array of signed-in sessions of a disposable account, each
// { "headers": { "Cookie": "…", "X-CSRF-Token": "…" } }; the first is the one the checks act from.
// One session: read-only checks, plus hostile requests that end nothing on a correct server. Two or
// more: the log-out checks too, which end sessions, destructive ones last. A session marked
// "account": "other" belongs to a second disposable account and enables the scoping checks.
//
// One line per check (pass, fail with what was seen, skipped with why); exit 0 when no check fails,
// 1 when one does, 2 for a usage error. `runContractCheck` is the same check for a test to call.
// Plain Node ESM; its two dependencies (a JSON Schema validator, a YAML parser) serve this bin only.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import { parse as parseYaml } from 'yaml';

/** The contract the rows are validated against: the openapi.yaml shipped beside this bin. */
export const OPENAPI_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
const DEFAULT_TIMEOUT_MS = 10_000;
// A logout may take a moment to reach every replica; a session still accepted after this is a failure.
const DEFAULT_GRACE_MS = 3_000;
const POLL_MS = 200;

const USAGE = `Usage: active-sessions-contract-check <baseUrl> --sessions <file.json> [--json]

Checks a server against the Active sessions REST contract (openapi.yaml) and prints
one line per check: pass, fail with what was seen, or skipped with why.
<baseUrl> is where the contract is served, e.g. https://staging.example.com/api.

The sessions file is a JSON array of signed-in sessions of a disposable account:
  [{ "headers": { "Cookie": "sid=…; csrf_token=…", "X-CSRF-Token": "…" } }, …]
The first is the session the checks act from.
  one session          read-only checks (nothing is logged out on a correct server)
  two or more          the log-out checks too: they END those sessions, and finish
                       with Log out of all sessions (sign each in from its own browser)
  "account": "other"   a session of a second disposable account: the scoping checks

Options:
  --sessions <file>    the sessions file (required)
  --json               print the results as JSON
  --help               this text

Exit status: 0 no check failed, 1 a check failed, 2 usage error.`;

/** A bad command line or sessions file: exit 2 with the usage. */
export class UsageError extends Error {}
/** The server broke the rule; the message says what was seen. */
class Failure extends Error {}
/** No answer at all (refused connection, timeout): every later check would only repeat it. */
class NoAnswer extends Failure {}

// ---------------------------------------------------------------------------------------------
// Input

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Validates the parsed sessions file; throws UsageError naming the first problem. */
export function readSessions(data) {
  if (!Array.isArray(data)) throw new UsageError('the sessions file must be a JSON array of sessions, e.g. [{ "headers": { "Cookie": "…" } }]');
  if (data.length === 0) throw new UsageError('the sessions file is empty: it needs at least one signed-in session');
  return data.map((entry, index) => {
    const at = `session ${index + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new UsageError(`${at} must be an object like { "headers": { … } }`);
    for (const key of Object.keys(entry)) {
      if (key !== 'headers' && key !== 'account') throw new UsageError(`${at} has an unknown key "${key}" (only "headers" and "account")`);
    }
    const { headers, account } = entry;
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) throw new UsageError(`${at}: "headers" must be an object of header name → value`);
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) throw new UsageError(`${at}: "${name}" is not a valid header name`);
      if (typeof value !== 'string') throw new UsageError(`${at}: header "${name}" must be a string`);
      if (/[\r\n\0]/.test(value)) throw new UsageError(`${at}: header "${name}" contains a line break or NUL`);
    }
    if (account !== undefined && account !== 'other') throw new UsageError(`${at}: "account" can only be "other" (a second disposable account); leave it out for the first account`);
    if (index === 0 && account === 'other') throw new UsageError('session 1 is the one the checks act from: it belongs to the first account and cannot be "other"');
    return { n: index + 1, headers: { ...headers }, account: account === 'other' ? 'other' : 'first' };
  });
}

/** Normalizes the base URL: http(s), no query or fragment, no trailing slash. */
export function readBaseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`"${value}" is not a URL; give the base URL of the contract, e.g. https://staging.example.com/api`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`the base URL must be http: or https:, not ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError('the base URL must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}

// ---------------------------------------------------------------------------------------------
// The contract: openapi.yaml, read at run time

const CONTRACT_URI = 'https://active-sessions.invalid/openapi.yaml';
const pointer = (parts) => `#/${parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/**
 * Reads openapi.yaml. `validateRow(row)` checks one row against WireSession; `validateAnswer(method,
 * route, status, body)` checks a body against what the contract documents for that status, or
 * returns undefined when the contract has no such status for the call. Each returns problems as text.
 */
export function loadContract(openapiPath = OPENAPI_PATH) {
  let doc;
  try {
    doc = parseYaml(readFileSync(openapiPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the contract at ${openapiPath} (${error.code ?? error.message}); it ships beside the bin in @firstparty/active-sessions`);
  }
  if (!doc?.components?.schemas?.WireSession || !doc.paths) throw new Error(`${openapiPath} is not the sessions contract: it has no components.schemas.WireSession`);
  const validators = new Map();
  const validate = (schemaPointer, value) => {
    let validator = validators.get(schemaPointer);
    if (!validator) {
      validator = new Validator({ $ref: `${CONTRACT_URI}${schemaPointer}` }, '2020-12', false);
      validator.addSchema(doc, CONTRACT_URI);
      validators.set(schemaPointer, validator);
    }
    const { valid, errors } = validator.validate(value);
    if (valid) return [];
    // The validator reports every enclosing $ref/properties too; the leaves say what is wrong.
    const leaves = errors.filter((e) => !['$ref', 'properties', 'items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', 'contains'].includes(e.keyword));
    return (leaves.length ? leaves : errors).map((e) => `${e.instanceLocation.replace(/^#/, '') || '/'}: ${e.error}`);
  };
  const at = (parts) => parts.reduce((node, key) => node?.[key], doc);
  return {
    validateRow: (row) => validate(pointer(['components', 'schemas', 'WireSession']), row),
    validateAnswer(method, route, status, body) {
      const responses = at(['paths', route, method.toLowerCase(), 'responses']) ?? {};
      const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
      if (!key) return undefined;
      let parts = ['paths', route, method.toLowerCase(), 'responses', key];
      // A response may be a $ref to components/responses.
      const ref = at(parts)?.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/')) parts = ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const content = at([...parts, 'content']);
      const type = content && Object.keys(content).find((t) => /json/.test(t));
      if (!type) return [];
      return validate(pointer([...parts, 'content', type, 'schema']), body);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// What the rules look for

const ENDED_STATUS = /^(signed|logged|log)[_-]?out$|^(revoked|expired|ended|terminated|inactive|deleted|closed)$/i;
const ENDED_AT = /^(signed_out|logged_out|revoked|ended|terminated|deleted)_?at$|^(signedOut|loggedOut|revoked|ended|terminated|deleted)At$/;
const IP_OR_COORDINATE_KEY = /^(ips?|ip_?addr(ess)?|ipAddress|remote_?addr(ess)?|client_?ip|x_forwarded_for|lat|lng|lon|long|latitude|longitude|coords?|coordinates|geo_?point|geolocation)$/i;
const COORDINATE_TEXT = /-?\d{1,3}\.\d{3,}\s*[,;]\s*-?\d{1,3}\.\d{3,}|\d{1,3}°\s*\d{1,2}['′]/;

/** Where a row carries an IP address or coordinates, e.g. `location.city: "203.0.113.7"`. */
function ipsAndCoordinates(value, path = '') {
  const found = [];
  if (typeof value === 'string') {
    // Browser and OS versions look like IPv4 ("Chrome 120.0.0.0"): only IPv6 counts there.
    const versioned = /^(device\.(browser|os|browser_version|os_version))$/.test(path);
    for (const raw of value.split(/[\s,;()<>"'=[\]/]+/)) {
      const token = raw.replace(/^\[|\]$/g, '');
      const kind = isIP(token) || isIP(token.replace(/:\d+$/, ''));
      if (kind === 6 && /[0-9a-f]/i.test(token)) found.push(`${path}: ${show(value)} (an IPv6 address)`);
      else if (kind === 4 && !versioned) found.push(`${path}: ${show(value)} (an IPv4 address)`);
    }
    if (COORDINATE_TEXT.test(value)) found.push(`${path}: ${show(value)} (coordinates)`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => found.push(...ipsAndCoordinates(item, `${path}[${i}]`)));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (IP_OR_COORDINATE_KEY.test(key) && item !== null && item !== undefined && item !== '') found.push(`${at}: ${show(item)} (a field for an IP address or coordinates)`);
      else found.push(...ipsAndCoordinates(item, at));
    }
  }
  return [...new Set(found)];
}

// Each pattern is what a crash handler or a framework's debug page puts in a body.
const LEAKS = [
  ['a stack trace', /\bat\s+(?:async\s+)?(?:[\w$.<>[\]]+\s+)?\(?(?:file:\/\/|node:)?[^\s()"]*[\\/][^\s()"]*:\d+:\d+\)?/],
  ['a stack trace', /\b\w*(?:Error|Exception)\b[^\n]*\n\s+at\s|Traceback \(most recent call last\)|goroutine \d+ \[|\bat [\w$]+(?:\.[\w$<>]+)+\([\w$]+\.(?:java|kt|scala):\d+\)/],
  ['a file path', /(?:^|[\s"'(=:@])(?:file:\/\/)?\/(?:home|root|usr|var|etc|srv|opt|app|tmp|workspace|Users|code|src|build|dist|node_modules|lib|mnt|data)\/[\w.@-]/],
  ['a file path', /\b[A-Za-z]:\\[\w .-]+\\|[\w-]+\.(?:[cm]?[jt]sx?|py|rb|go|java|php|cs|rs|exs?):\d+\b/],
  ['SQL', /\bselect\s+[\w*.",\s]{1,200}?\s+from\s+["`]?\w+["`]?\s+where\b|\binsert\s+into\s+["`]?\w+["`]?\s*\(|\bupdate\s+["`]?\w+["`]?\s+set\s+\w+\s*=|\bdelete\s+from\s+["`]?\w+["`]?\s+where\b/i],
  ['SQL', /syntax error at or near|relation "[^"]*" does not exist|violates (?:unique|foreign key|not-null|check) constraint/i],
  ['SQL', /\bSQLSTATE\b|\bSQLITE_[A-Z]+\b|\bER_[A-Z_]{4,}\b|\bORA-\d{5}\b|\bPG::\w+/],
];

/** What an error body leaks, if anything; our own hostile input echoed back does not count. */
function leakIn(response) {
  let text = `${response.text}\n${stringsOf(response.body).join('\n')}`;
  for (const input of response.inputs ?? []) text = text.split(input).join('<input>');
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(text);
    if (match) return `${what} (${show(match[0].trim())})`;
  }
  return undefined;
}

function stringsOf(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

// ---------------------------------------------------------------------------------------------
// Printing what was seen, safely: server text can hold escape sequences and bidi overrides.

function show(value, max = 120) {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut).replace(/[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function showPath(path, max = 80) {
  return path.length > max ? `${path.slice(0, max)}…` : path;
}

/** "404 {"error":…}" or "500 text/html "<!doctype…"": a status and what came with it. */
function answer(res) {
  if (res.text === '') return `${res.status} with no body`;
  if (res.isJson) return `${res.status} ${show(res.shown)}`;
  return `${res.status} ${res.contentType || 'without a content type'} ${show(res.shown, 80)}`;
}

function errorCodeOf(body) {
  return body && typeof body === 'object' && body.error && typeof body.error === 'object' && typeof body.error.code === 'string'
    ? body.error.code
    : undefined;
}

const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function randomToken(length) {
  return randomBytes(Math.ceil((length * 3) / 4) + 3).toString('base64url').slice(0, Math.max(length, 8));
}

// ---------------------------------------------------------------------------------------------
// Talking to the server

function createContext({ baseUrl, sessions, timeoutMs, graceMs, contract }) {
  const ctx = {
    baseUrl,
    sessions,
    acting: sessions[0],
    first: sessions.filter((s) => s.account === 'first'),
    other: sessions.filter((s) => s.account === 'other'),
    contract,
    graceMs,
    // Never printed: every line is redacted of them.
    secrets: sessions.flatMap((session) => secretsOf(session.headers).map((secret) => ({ secret, session }))),
    list: undefined,
    errorResponses: [],
    current: undefined,
    gone: undefined,
    loggedOutAll: undefined,
  };

  /** One request; never follows a redirect, times out, and throws Failure for what is not an answer. */
  ctx.send = async (method, path, headers = {}, { inputs } = {}) => {
    const sent = new Headers(headers);
    if (!sent.has('accept')) sent.set('accept', 'application/json');
    const what = `${method} ${showPath(path)}`;
    let response;
    let text;
    try {
      response = await fetch(`${baseUrl}${path}`, { method, headers: sent, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (error) {
      if (error?.name === 'TimeoutError') throw new NoAnswer(`${what}: no answer within ${timeoutMs / 1000} s`);
      const cause = error?.cause?.code ?? error?.cause?.message ?? error?.message;
      throw new NoAnswer(`${what}: the request failed (${cause}); is ${baseUrl} up?`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      throw new Failure(`${what} answered ${response.status}${location ? ` → ${show(location)}` : ''}, not followed: the contract never redirects (check the base URL, and that the session is still signed in)`);
    }
    let body;
    let isJson = false;
    try {
      body = text === '' ? undefined : JSON.parse(text);
      isJson = text !== '' && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType);
    } catch {
      body = undefined;
    }
    const route = path === '/sessions' || (method === 'POST' && path === '/sessions/logout_all') ? path : '/sessions/{id}';
    const cacheControl = response.headers.get('cache-control') ?? '';
    // What a message may quote: the body without any credential of the file, before it is cut short.
    const shown = ctx.secrets.reduce((t, { secret }) => t.split(secret).join('<credential>'), text);
    const res = { method, path, route, status: response.status, contentType, cacheControl, text, shown, body, isJson, inputs };
    if (res.status >= 400) ctx.errorResponses.push(res);
    return res;
  };

  return ctx;
}

function credentialless(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => /^(accept|accept-language|user-agent)$/i.test(name)));
}

const isCsrfHeader = (name) => /csrf|xsrf/i.test(name);
const withoutCsrf = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !isCsrfHeader(name)));

/** Reads `{"sessions":[…]}` from a 200, or throws Failure saying what came instead. */
function rowsOf(res, who) {
  if (res.status !== 200) {
    const code = errorCodeOf(res.body);
    const hint =
      res.status === 401 ? ` (is ${who} still signed in? refresh its headers)`
      : code === 'sso_account' || code === 'not_supported' ? ' (the feature is not available to this account: use a disposable account without SSO)'
      : '';
    throw new Failure(`GET /sessions as ${who} answered ${answer(res)}${hint}`);
  }
  if (!res.isJson) throw new Failure(`GET /sessions as ${who} answered 200 ${res.contentType || 'without a content type'} ${show(res.shown, 80)}, not application/json`);
  if (!res.body || typeof res.body !== 'object' || !Array.isArray(res.body.sessions)) {
    throw new Failure(`GET /sessions as ${who} answered 200 ${show(res.shown)}, which has no "sessions" array`);
  }
  return res.body.sessions;
}

const isRow = (row) => row && typeof row === 'object' && !Array.isArray(row);
const idsOf = (rows) => rows.filter((r) => isRow(r) && typeof r.id === 'string').map((r) => r.id);
const currentRows = (rows) => rows.filter((r) => isRow(r) && r.is_current === true);

function list(ctx, session) {
  return ctx.send('GET', '/sessions', session.headers);
}

/** Marks a session ended by the running check, so later checks skip it with the reason. */
function ended(ctx, session) {
  if (!session.endedBy) session.endedBy = ctx.current;
  ctx.expectedIds?.delete(session.currentId);
}

/** The session still works: GET /sessions with it answers 200. */
async function expectAlive(ctx, session, after) {
  const res = await list(ctx, session);
  if (res.status === 200) return;
  if (res.status === 401) ended(ctx, session);
  throw new Failure(`${after}, and then GET /sessions as session ${session.n} answered ${answer(res)}: it was ${res.status === 401 ? 'ended' : 'broken'}`);
}

/** Which of these sessions a request ended; session 1 must also still list every row it listed. */
async function endedAmong(ctx, sessions) {
  const problems = [];
  for (const session of sessions.filter(live)) {
    const res = await list(ctx, session);
    if (res.status === 401) ended(ctx, session);
    if (res.status !== 200) problems.push(`session ${session.n} was ${res.status === 401 ? 'ended' : `broken (GET /sessions answered ${answer(res)})`}`);
    else if (session === ctx.acting && ctx.expectedIds) {
      const now = new Set(idsOf(Array.isArray(res.body?.sessions) ? res.body.sessions : []));
      const missing = [...ctx.expectedIds].filter((id) => !now.has(id));
      // Reported once: later checks are not failed again for the same lost row.
      for (const id of missing) ctx.expectedIds.delete(id);
      if (missing.length) problems.push(`session 1 no longer lists ${missing.map((id) => show(id, 40)).join(', ')}`);
    }
  }
  return problems;
}

/**
 * A request that must be refused and end nothing: `expect` maps each allowed status to its error
 * code. Checks the answer, then that every session in `guarded` still works, and says both when
 * both went wrong.
 */
async function expectRefusal(ctx, res, { expect, guarded, as = '' }) {
  const right = expect[res.status] !== undefined && errorCodeOf(res.body) === expect[res.status];
  const damage = await endedAmong(ctx, guarded);
  const expected = Object.entries(expect).map(([status, code]) => `${status} {"error":{"code":"${code}"}}`).join(' or ');
  if (!right) {
    throw new Failure(`${as}${res.method} ${showPath(res.path)} answered ${answer(res)}; expected ${expected}${damage.length ? `, and then ${damage.join('; ')}` : ''}`);
  }
  if (damage.length) throw new Failure(`${as}${res.method} ${showPath(res.path)} answered ${res.status}, but then ${damage.join('; ')}`);
}

/** The session is refused with 401 unauthorized, at once or within the grace period. */
async function expectRefused(ctx, session, after, waitMs = ctx.graceMs) {
  const started = Date.now();
  for (;;) {
    const res = await list(ctx, session);
    const waited = ((Date.now() - started) / 1000).toFixed(1);
    if (res.status === 401) {
      const code = errorCodeOf(res.body);
      if (code !== 'unauthorized') throw new Failure(`${after}, session ${session.n} was refused with 401 but ${show(res.shown)}, not {"error":{"code":"unauthorized"}}`);
      return waited;
    }
    if (res.status !== 200) throw new Failure(`${after}, GET /sessions as session ${session.n} answered ${answer(res)}; a logged-out session is refused with 401 {"error":{"code":"unauthorized"}}`);
    if (Date.now() - started >= waitMs) {
      throw new Failure(`${after}, GET /sessions as session ${session.n} still answered 200 ${waited} s later: its token is still accepted`);
    }
    await sleep(POLL_MS);
  }
}

function expectError(res, status, code) {
  if (res.status !== status || errorCodeOf(res.body) !== code) {
    throw new Failure(`${res.method} ${showPath(res.path)} answered ${answer(res)}; expected ${status} {"error":{"code":"${code}"}}`);
  }
}

const allLive = (ctx) => ctx.sessions.filter(live);

const live = (session) => session.signedIn && !session.endedBy;

// ---------------------------------------------------------------------------------------------
// What a check needs, and why it is skipped without it

function needList(ctx) {
  if (!ctx.list) return 'needs session 1 signed in and GET /sessions readable (see list.ok)';
  if (ctx.acting.endedBy) return `session 1 was ended by ${ctx.acting.endedBy}`;
  return undefined;
}

function needOwnRow(ctx) {
  return needList(ctx) ?? (ctx.acting.currentId ? undefined : "needs session 1's own row, marked is_current (see list.one-current)");
}

function needLogOutMode(ctx) {
  if (ctx.first.length < 2) return 'needs two sessions of the account in --sessions (one session runs read-only)';
  return needOwnRow(ctx);
}

/** The sessions of the first account that later checks may log out, each on its own row. */
function victims(ctx) {
  const rows = new Set([ctx.acting.currentId]);
  const found = [];
  for (const session of ctx.first.slice(1)) {
    if (!live(session) || !session.currentId || rows.has(session.currentId)) continue;
    rows.add(session.currentId);
    found.push(session);
  }
  return found;
}

function whyNoVictim(ctx, count, note) {
  const reasons = ctx.first.slice(1).map((session) => {
    if (session.endedBy) return `session ${session.n} was ended by ${session.endedBy}`;
    if (!session.signedIn) return `session ${session.n} is not signed in (see sessions.signed-in)`;
    if (session.currentId === ctx.acting.currentId) return `session ${session.n} is listed as the same row as session 1 (the same browser?)`;
    return `session ${session.n} is left`;
  });
  return `needs ${count} signed-in session${count === 1 ? '' : 's'} of the account besides session 1, each on its own row${note}: ${reasons.join('; ')}`;
}

/**
 * Needs `count` sessions to log out. With `keepOne`, one of them is left for log out all, so that
 * check sees it ended too, not only session 1.
 */
function needVictims(count, { keepOne = false } = {}) {
  const needed = count + (keepOne ? 1 : 0);
  const note = keepOne ? ' (one is kept for log out all)' : '';
  // Sessions the checks before it log out (logout.other) count too.
  const total = keepOne ? 4 : count + 1;
  return (ctx) => {
    const reason = needLogOutMode(ctx);
    if (reason || victims(ctx).length >= needed) return reason;
    if (ctx.first.length < total) {
      return keepOne
        ? `needs ${total} sessions of the account in --sessions: session 1, one for logout.other, one for this check and one kept for log out all`
        : `needs ${total} sessions of the account in --sessions`;
    }
    return whyNoVictim(ctx, needed, note);
  };
}

function needOther(ctx) {
  if (ctx.other.length === 0) return 'needs a session marked "account": "other" in --sessions';
  const other = ctx.other.find(live);
  if (!other?.currentId) {
    const session = ctx.other[0];
    return session.endedBy ? `session ${session.n} (other account) was ended by ${session.endedBy}` : `session ${session.n} (other account) is not signed in (see sessions.signed-in)`;
  }
  return undefined;
}

function needCsrf(ctx) {
  return Object.keys(ctx.acting.headers).some(isCsrfHeader)
    ? undefined
    : "session 1's headers have no CSRF header (a name with csrf or xsrf in it, e.g. X-CSRF-Token)";
}

const all = (...needs) => (ctx) => {
  for (const need of needs) {
    const reason = need(ctx);
    if (reason) return reason;
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// The checks, in the order they run: read-only first, then what ends sessions, log out all last.

const CHECK_LIST = [
  {
    id: 'list.ok',
    rule: 'GET /sessions answers 200 with JSON {"sessions":[WireSession, …]}',
    async run(ctx) {
      const res = await list(ctx, ctx.acting);
      const rows = rowsOf(res, 'session 1');
      ctx.list = rows;
      ctx.listAnswer = res;
      // The rows session 1 must keep seeing until a check logs one out on purpose.
      ctx.expectedIds = new Set(idsOf(rows));
      ctx.acting.signedIn = true;
      const current = currentRows(rows);
      if (current.length === 1 && typeof current[0].id === 'string') ctx.acting.currentId = current[0].id;
      return `${plural(rows.length, 'row')}`;
    },
  },
  {
    id: 'list.no-store',
    rule: 'GET /sessions is sent with Cache-Control: no-store (the list changes with every sign-in and logout)',
    needs: needList,
    async run(ctx) {
      const value = ctx.listAnswer.cacheControl;
      if (!/(^|,)\s*no-store\s*(,|$)/i.test(value)) throw new Failure(`Cache-Control is ${value ? show(value) : 'missing'}`);
      return `Cache-Control: ${value}`;
    },
  },
  {
    id: 'list.schema',
    rule: 'every listed row is a valid WireSession (openapi.yaml)',
    needs: needList,
    async run(ctx) {
      const problems = ctx.list.flatMap((row, i) => {
        const errors = ctx.contract.validateRow(row);
        const which = isRow(row) && typeof row.id === 'string' ? `row ${i + 1} (id ${show(row.id, 40)})` : `row ${i + 1}`;
        return errors.length ? [`${which}: ${errors.slice(0, 3).join('; ')}`] : [];
      });
      if (problems.length) throw new Failure(`${plural(problems.length, 'invalid row')}: ${problems.slice(0, 3).join(' | ')}`);
      return `${plural(ctx.list.length, 'row')} valid`;
    },
  },
  {
    id: 'list.unique-ids',
    rule: 'every listed row has its own id',
    needs: needList,
    async run(ctx) {
      const ids = idsOf(ctx.list);
      const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
      if (repeated.length) throw new Failure(`listed more than once: ${repeated.map((id) => show(id, 40)).join(', ')}`);
      return `${plural(ids.length, 'id')}, all different`;
    },
  },
  {
    id: 'list.one-current',
    rule: "B3: exactly one row is the caller's own session (is_current: true)",
    needs: needList,
    async run(ctx) {
      const current = currentRows(ctx.list);
      if (current.length === 0) throw new Failure('no row has is_current: true');
      if (current.length > 1) throw new Failure(`${current.length} rows have is_current: true: ${current.map((r) => show(r.id, 40)).join(', ')}`);
      return `the current row is ${show(current[0].id, 40)}`;
    },
  },
  {
    id: 'list.no-ended',
    rule: 'B11: signed-out sessions are never listed',
    needs: needList,
    async run(ctx) {
      const problems = [];
      for (const row of ctx.list.filter(isRow)) {
        const which = typeof row.id === 'string' ? `row ${show(row.id, 40)}` : 'a row';
        if (typeof row.status === 'string' && ENDED_STATUS.test(row.status)) problems.push(`${which} has status ${show(row.status)}`);
        for (const [key, value] of Object.entries(row)) {
          if (ENDED_AT.test(key) && value !== null && value !== undefined && value !== '') problems.push(`${which} has ${key}: ${show(value)}`);
        }
      }
      if (problems.length) throw new Failure(problems.slice(0, 3).join('; '));
      return 'no row is signed out';
    },
  },
  {
    id: 'list.no-ip',
    rule: 'locations are approximate: no IP address or coordinates in any field',
    needs: needList,
    async run(ctx) {
      const problems = ctx.list.filter(isRow).flatMap((row) => ipsAndCoordinates(row).map((p) => `row ${show(row.id, 40)} ${p}`));
      if (problems.length) throw new Failure(problems.slice(0, 3).join('; '));
      return 'none found';
    },
  },
  {
    id: 'list.ids-opaque',
    rule: 'row ids are opaque: never a session token, CSRF token or SHA-256 of one',
    needs: needList,
    async run(ctx) {
      const problems = [];
      for (const id of idsOf(ctx.list)) {
        for (const { secret, session } of ctx.secrets) {
          const hash = createHash('sha256').update(secret).digest();
          const forms = [[secret, 'a credential'], [hash.toString('hex'), 'the SHA-256 of a credential'], [hash.toString('base64url'), 'the SHA-256 of a credential'], [hash.toString('base64'), 'the SHA-256 of a credential']];
          const match = forms.find(([form]) => id === form || (form.length >= 16 && id.includes(form)));
          if (match) problems.push(`row ${show(id, 24)} is ${match[1]} of session ${session.n}`);
        }
      }
      if (problems.length) throw new Failure([...new Set(problems)].slice(0, 3).join('; '));
      return `${plural(idsOf(ctx.list).length, 'id')}, none made from the ${plural(ctx.secrets.length, 'credential')} in --sessions`;
    },
  },
  {
    id: 'sessions.signed-in',
    rule: 'every session in --sessions is signed in and sees its own row as current',
    needs: (ctx) => needList(ctx) ?? (ctx.sessions.length < 2 ? 'only one session in --sessions (list.ok covers it)' : undefined),
    async run(ctx) {
      const problems = [];
      for (const session of ctx.sessions.slice(1)) {
        const who = `session ${session.n}${session.account === 'other' ? ' (other account)' : ''}`;
        try {
          const rows = rowsOf(await list(ctx, session), who);
          const current = currentRows(rows);
          if (current.length !== 1 || typeof current[0].id !== 'string') throw new Failure(`${who} sees ${current.length} rows with is_current: true`);
          session.signedIn = true;
          session.currentId = current[0].id;
          session.rows = rows;
        } catch (error) {
          if (!(error instanceof Failure)) throw error;
          problems.push(error.message);
        }
      }
      if (problems.length) throw new Failure(problems.join('; '));
      return `${plural(ctx.sessions.length, 'session')} signed in`;
    },
  },
  {
    id: 'list.every-session',
    rule: 'B1: GET /sessions lists every signed-in session of the account',
    needs: (ctx) =>
      needOwnRow(ctx) ?? (ctx.first.slice(1).some(live) ? undefined : 'needs two signed-in sessions of the account in --sessions'),
    async run(ctx) {
      const listed = new Set(idsOf(ctx.list));
      const others = ctx.first.slice(1).filter(live);
      const missing = others.filter((s) => !listed.has(s.currentId));
      if (missing.length) {
        throw new Failure(missing.map((s) => `session ${s.n}'s row ${show(s.currentId, 40)} (current in its own list) is not in session 1's list`).join('; '));
      }
      return `session 1 lists the rows of sessions ${[1, ...others.map((s) => s.n)].join(', ')}`;
    },
  },
  {
    id: 'scope.list',
    rule: "every call is scoped to the account: neither account lists the other's sessions",
    needs: all(needOwnRow, needOther),
    async run(ctx) {
      const problems = [];
      const firstListed = new Set(idsOf(ctx.list));
      for (const other of ctx.other.filter(live)) {
        const otherListed = new Set(idsOf(other.rows));
        if (firstListed.has(other.currentId)) problems.push(`session 1 lists session ${other.n}'s own row ${show(other.currentId, 40)}`);
        const mine = ctx.first.filter((s) => live(s) && otherListed.has(s.currentId));
        if (mine.length) problems.push(`session ${other.n} (other account) lists the rows of sessions ${mine.map((s) => s.n).join(', ')}`);
        const shared = [...otherListed].filter((id) => firstListed.has(id) && id !== other.currentId && !mine.some((s) => s.currentId === id));
        if (shared.length) problems.push(`${plural(shared.length, 'more row is', 'more rows are')} listed to both accounts (${shared.slice(0, 3).map((id) => show(id, 40)).join(', ')})`);
      }
      if (problems.length) throw new Failure(problems.join('; '));
      return 'no row of one account is listed to the other';
    },
  },
  {
    id: 'auth.none',
    rule: 'a request without credentials is refused: 401 {"error":{"code":"unauthorized"}}',
    async run(ctx) {
      const res = await ctx.send('GET', '/sessions', credentialless(ctx.acting.headers));
      expectError(res, 401, 'unauthorized');
      return 'GET /sessions without credentials answered 401';
    },
  },
  {
    id: 'auth.forged',
    rule: 'an unknown or forged session token is refused: 401 {"error":{"code":"unauthorized"}}',
    needs: (ctx) => (Object.keys(forged(ctx.acting.headers, randomToken)).length ? undefined : "session 1's headers have no Cookie, Authorization or token header to forge"),
    async run(ctx) {
      // Same-length random values, then a classic injection, in every credential the session carries.
      for (const [kind, make] of [['random', randomToken], ['injected', () => "' OR '1'='1"]]) {
        const headers = { ...ctx.acting.headers, ...forged(ctx.acting.headers, make) };
        const res = await ctx.send('GET', '/sessions', headers, { inputs: ["' OR '1'='1"] });
        try {
          expectError(res, 401, 'unauthorized');
        } catch (error) {
          throw new Failure(`with ${kind} credentials: ${error.message}`);
        }
      }
      return `${Object.keys(forged(ctx.acting.headers, randomToken)).join(', ')} forged twice: 401 both times`;
    },
  },
  {
    id: 'errors.unknown-id',
    rule: 'DELETE of an unknown id answers 404 {"error":{"code":"not_found"}} and ends nothing',
    needs: needList,
    async run(ctx) {
      const id = `contract-check-${randomBytes(8).toString('hex')}`;
      const res = await ctx.send('DELETE', `/sessions/${id}?remove_trusted_device=false`, ctx.acting.headers);
      await expectRefusal(ctx, res, { expect: { 404: 'not_found' }, guarded: allLive(ctx) });
      return `DELETE /sessions/${id} answered 404`;
    },
  },
  {
    id: 'errors.hostile-id',
    rule: 'hostile ids (quotes, SQL, path tricks, NUL, 1,000 characters) answer 400 or 404 {"error":{"code":…}} and end nothing',
    needs: needList,
    async run(ctx) {
      const hostile = [
        "x' OR '1'='1",
        '1"; DROP TABLE sessions; --',
        `${ctx.acting.currentId ?? 'x'}' OR 'a'='a`,
        '../../etc/passwd',
        'nul\u0000byte',
        '%00%27',
        '<script>alert(1)</script>',
        'сессия-🙂',
        'x'.repeat(1000),
      ];
      for (const id of hostile) {
        const path = `/sessions/${encodeURIComponent(id)}?remove_trusted_device=false`;
        const res = await ctx.send('DELETE', path, ctx.acting.headers, { inputs: [id, encodeURIComponent(id)] });
        await expectRefusal(ctx, res, { expect: { 400: 'invalid_request', 404: 'not_found' }, guarded: allLive(ctx) });
      }
      return `${hostile.length} hostile ids refused, nothing ended`;
    },
  },
  {
    id: 'errors.bad-flag',
    rule: 'a remove_trusted_device other than true or false (or none) answers 400 {"error":{"code":"invalid_request"}} and ends nothing',
    needs: needList,
    async run(ctx) {
      const unknown = `contract-check-${randomBytes(8).toString('hex')}`;
      // An unknown id, and session 1's own row, where 409 current_session is a refusal too.
      const targets = [[unknown, { 400: 'invalid_request' }], ...(ctx.acting.currentId ? [[ctx.acting.currentId, { 400: 'invalid_request', 409: 'current_session' }]] : [])];
      for (const [id, expect] of targets) {
        for (const value of ['maybe', "true' OR '1'='1", '', undefined]) {
          const query = value === undefined ? '' : `?remove_trusted_device=${encodeURIComponent(value)}`;
          const res = await ctx.send('DELETE', `/sessions/${encodeURIComponent(id)}${query}`, ctx.acting.headers, { inputs: value ? [value, encodeURIComponent(value)] : [] });
          await expectRefusal(ctx, res, { expect, guarded: allLive(ctx) });
        }
      }
      return 'maybe, an injection, an empty value and none: refused each time, nothing ended';
    },
  },
  {
    id: 'scope.delete',
    rule: "every call is scoped to the account: DELETE of the other account's session answers 404 and ends nothing",
    needs: all(needOwnRow, needOther),
    async run(ctx) {
      const other = ctx.other.find(live);
      let res = await ctx.send('DELETE', `/sessions/${encodeURIComponent(other.currentId)}?remove_trusted_device=false`, ctx.acting.headers);
      await expectRefusal(ctx, res, { expect: { 404: 'not_found' }, guarded: [other, ctx.acting], as: `from session 1, of session ${other.n}'s row: ` });
      // Back the other way, aimed at a session that is not session 1 when there is one.
      const target = victims(ctx)[0] ?? ctx.acting;
      res = await ctx.send('DELETE', `/sessions/${encodeURIComponent(target.currentId)}?remove_trusted_device=false`, other.headers);
      await expectRefusal(ctx, res, { expect: { 404: 'not_found' }, guarded: [target, other], as: `from session ${other.n} (other account), of session ${target.n}'s row: ` });
      return `both ways 404, and sessions ${other.n} and ${target.n} still work`;
    },
  },
  {
    id: 'logout.csrf-missing',
    rule: 'DELETE without the CSRF header answers 403 {"error":{"code":"csrf"}} and ends nothing',
    needs: all(needVictims(1), needCsrf),
    async run(ctx) {
      return refuseWithoutCsrf(ctx, withoutCsrf(ctx.acting.headers), 'without the CSRF header');
    },
  },
  {
    id: 'logout.csrf-wrong',
    rule: 'DELETE with a wrong CSRF token answers 403 {"error":{"code":"csrf"}} and ends nothing',
    needs: all(needVictims(1), needCsrf),
    async run(ctx) {
      const headers = Object.fromEntries(
        Object.entries(ctx.acting.headers).map(([name, value]) => [name, isCsrfHeader(name) ? randomToken(value.length) : value]),
      );
      return refuseWithoutCsrf(ctx, headers, 'with a wrong CSRF token');
    },
  },
  {
    id: 'logout.current',
    rule: 'B3: DELETE of the current session answers 409 {"error":{"code":"current_session"}} and ends nothing',
    needs: needLogOutMode,
    async run(ctx) {
      const path = `/sessions/${encodeURIComponent(ctx.acting.currentId)}?remove_trusted_device=false`;
      const res = await ctx.send('DELETE', path, ctx.acting.headers);
      await expectRefusal(ctx, res, { expect: { 409: 'current_session' }, guarded: [ctx.acting], as: "of session 1's own row: " });
      return "DELETE of session 1's own row answered 409, and session 1 still works";
    },
  },
  {
    id: 'logout.other',
    rule: 'B4: DELETE of another session answers 204 and that session is refused (401) afterwards',
    needs: needVictims(1),
    async run(ctx) {
      const [victim] = victims(ctx);
      const path = `/sessions/${encodeURIComponent(victim.currentId)}?remove_trusted_device=false`;
      const res = await ctx.send('DELETE', path, ctx.acting.headers);
      if (res.status !== 204) throw new Failure(`DELETE ${path} (session ${victim.n}) answered ${answer(res)}; expected 204`);
      if (res.text !== '') throw new Failure(`DELETE ${path} answered 204 with a body (${show(res.shown, 60)})`);
      endRow(ctx, victim.currentId);
      const waited = await expectRefused(ctx, victim, `after DELETE of session ${victim.n} answered 204`);
      await expectAlive(ctx, ctx.acting, `DELETE of session ${victim.n} answered 204`);
      ctx.gone = victim;
      return `DELETE of session ${victim.n} answered 204; session ${victim.n} refused with 401 after ${waited} s; session 1 still works`;
    },
  },
  {
    id: 'logout.gone',
    rule: 'DELETE of a session already gone answers 404 {"error":{"code":"not_found"}}',
    needs: (ctx) => needList(ctx) ?? (ctx.gone ? undefined : 'needs a session logged out by logout.other'),
    async run(ctx) {
      const path = `/sessions/${encodeURIComponent(ctx.gone.currentId)}?remove_trusted_device=false`;
      const res = await ctx.send('DELETE', path, ctx.acting.headers);
      expectError(res, 404, 'not_found');
      await expectAlive(ctx, ctx.acting, `the second DELETE of session ${ctx.gone.n} answered 404`);
      return `the second DELETE of session ${ctx.gone.n} answered 404`;
    },
  },
  {
    id: 'logout.remove-trusted',
    rule: 'B4: DELETE with remove_trusted_device=true answers 204 and that session is refused (401) afterwards',
    needs: needVictims(1, { keepOne: true }),
    async run(ctx) {
      const [victim] = victims(ctx);
      const path = `/sessions/${encodeURIComponent(victim.currentId)}?remove_trusted_device=true`;
      const res = await ctx.send('DELETE', path, ctx.acting.headers);
      if (res.status !== 204) throw new Failure(`DELETE ${path} (session ${victim.n}) answered ${answer(res)}; expected 204`);
      endRow(ctx, victim.currentId);
      const waited = await expectRefused(ctx, victim, `after DELETE of session ${victim.n} with remove_trusted_device=true answered 204`);
      await expectAlive(ctx, ctx.acting, `DELETE of session ${victim.n} answered 204`);
      return `DELETE of session ${victim.n} answered 204; refused with 401 after ${waited} s`;
    },
  },
  {
    id: 'logout-all.csrf',
    rule: 'POST /sessions/logout_all without the CSRF header answers 403 {"error":{"code":"csrf"}} and ends nothing',
    needs: all(needLogOutMode, needCsrf),
    async run(ctx) {
      const res = await ctx.send('POST', '/sessions/logout_all', withoutCsrf(ctx.acting.headers));
      await expectRefusal(ctx, res, { expect: { 403: 'csrf' }, guarded: ctx.first });
      return 'answered 403, and every session of the account still works';
    },
  },
  {
    id: 'logout-all.accepted',
    rule: 'B6: POST /sessions/logout_all answers 202 {"completes_by": date-time}, at most 30 minutes on',
    needs: needLogOutMode,
    async run(ctx) {
      const before = ctx.first.filter(live);
      const sentAt = Date.now();
      const res = await ctx.send('POST', '/sessions/logout_all', ctx.acting.headers);
      if (res.status >= 200 && res.status < 300) {
        ctx.loggedOutAll = { sessions: before, completesBy: sentAt };
        for (const session of before) ended(ctx, session);
      }
      if (res.status !== 202) throw new Failure(`POST /sessions/logout_all answered ${answer(res)}; expected 202`);
      const problems = res.isJson ? ctx.contract.validateAnswer('POST', '/sessions/logout_all', 202, res.body) : ['not application/json'];
      const completesBy = Date.parse(res.body?.completes_by);
      if (problems.length || Number.isNaN(completesBy)) {
        throw new Failure(`answered 202 ${show(res.shown || '(no body)')}: ${problems.join('; ') || 'completes_by is not a date-time'}`);
      }
      // Five minutes of clock skew either way.
      const skew = 5 * 60_000;
      if (completesBy < sentAt - skew || completesBy > sentAt + 30 * 60_000 + skew) {
        throw new Failure(`completes_by ${show(res.body.completes_by)} is not between the request (${new Date(sentAt).toISOString()}) and 30 minutes after it`);
      }
      ctx.loggedOutAll.completesBy = completesBy;
      return `202, completes_by ${res.body.completes_by}`;
    },
  },
  {
    id: 'logout-all.ends-all',
    rule: 'B6: log out of all sessions ends every session of the account, the current one included, by completes_by',
    needs: (ctx) => (ctx.loggedOutAll ? undefined : 'needs log out all to be accepted (see logout-all.accepted)'),
    async run(ctx) {
      // Sessions must be refused by completes_by at the latest: wait that long (and the grace), no longer.
      const waitMs = Math.max(0, ctx.loggedOutAll.completesBy - Date.now()) + ctx.graceMs;
      const results = await Promise.allSettled(
        ctx.loggedOutAll.sessions.map((session) => expectRefused(ctx, session, 'after log out all was accepted', waitMs)),
      );
      const problems = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
      const crash = problems.find((e) => !(e instanceof Failure));
      if (crash) throw crash;
      if (problems.length) throw new Failure(problems.map((e) => e.message).join('; '));
      const ns = ctx.loggedOutAll.sessions.map((s) => s.n);
      return `session${ns.length === 1 ? '' : 's'} ${ns.join(', ')} refused with 401`;
    },
  },
  {
    id: 'logout-all.scoped',
    rule: 'log out of all sessions ends nothing of another account',
    needs: (ctx) => (ctx.loggedOutAll ? needOther(ctx) : 'needs log out all to be accepted (see logout-all.accepted)'),
    async run(ctx) {
      const others = ctx.other.filter(live);
      for (const other of others) await expectAlive(ctx, other, 'log out all was accepted for the first account');
      return `session${others.length === 1 ? '' : 's'} ${others.map((s) => s.n).join(', ')} of the other account still work${others.length === 1 ? 's' : ''}`;
    },
  },
  {
    id: 'errors.plain-bodies',
    rule: 'every error body is the JSON the contract documents for its status ({"error":{"code":…}}), with no stack trace, file path, SQL or credential',
    needs: (ctx) => (ctx.errorResponses.length ? undefined : 'no error answer was seen'),
    async run(ctx) {
      const problems = [];
      for (const res of ctx.errorResponses) {
        const what = `${res.method} ${showPath(res.path, 40)} answered ${res.status}`;
        const echoed = ctx.secrets.find(({ secret }) => res.text.includes(secret));
        const leak = echoed ? `a credential of session ${echoed.session.n}` : leakIn(res);
        if (leak) {
          problems.push(`${what} with ${leak}`);
          continue;
        }
        if (!res.isJson) {
          problems.push(`${what} ${res.contentType || 'without a content type'} ${show(res.shown, 60)}, not application/json`);
          continue;
        }
        const errors = ctx.contract.validateAnswer(res.method, res.route, res.status, res.body);
        if (!errors) problems.push(`${what}, a status the contract does not have for ${res.method} ${res.route}`);
        else if (errors.length) problems.push(`${what} ${show(res.shown, 80)}: ${errors[0]}`);
      }
      if (problems.length) throw new Failure(`${plural(problems.length, 'bad error body', 'bad error bodies')}: ${[...new Set(problems)].slice(0, 3).join(' | ')}`);
      return `${plural(ctx.errorResponses.length, 'error body', 'error bodies')}, each as documented`;
    },
  },
];

/** The checks this bin runs, in order: a stable id and the rule each enforces. */
export const CHECKS = CHECK_LIST.map(({ id, rule }) => ({ id, rule }));

/** Credential headers with every token replaced: cookie values, Authorization credentials, and headers named like a token or key. */
function forged(headers, make) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^cookie$/i.test(name)) {
      out[name] = value
        .split(';')
        .map((pair) => pair.trim())
        .filter(Boolean)
        .map((pair) => {
          const eq = pair.indexOf('=');
          return eq < 0 ? pair : `${pair.slice(0, eq)}=${make(pair.length - eq - 1)}`;
        })
        .join('; ');
    } else if (/^authorization$/i.test(name)) {
      const [scheme, ...rest] = value.split(' ');
      out[name] = rest.length ? `${scheme} ${make(rest.join(' ').length)}` : make(value.length);
    } else if (/token|key|session|auth|secret/i.test(name) && !isCsrfHeader(name)) {
      out[name] = make(value.length);
    }
  }
  return out;
}

/** The credential values a session's headers carry (cookie values, tokens), 8 characters or longer. */
function secretsOf(headers) {
  const values = [];
  for (const [name, value] of Object.entries(headers)) {
    if (/^cookie$/i.test(name)) {
      for (const pair of value.split(';')) values.push(pair.slice(pair.indexOf('=') + 1).trim());
    } else if (/^authorization$/i.test(name)) values.push(value.split(' ').pop());
    else if (!/^(accept|accept-language|user-agent|origin|referer|content-type)$/i.test(name) && !/^x-geo-/i.test(name)) values.push(value);
  }
  return [...new Set(values.filter((v) => v.length >= 8))];
}

/** Every session on a row a logout ended is ended too (one browser signed in to several apps is one row). */
function endRow(ctx, rowId) {
  ctx.expectedIds.delete(rowId);
  for (const session of ctx.sessions) if (session.currentId === rowId) ended(ctx, session);
}

async function refuseWithoutCsrf(ctx, headers, how) {
  const [victim] = victims(ctx);
  const path = `/sessions/${encodeURIComponent(victim.currentId)}?remove_trusted_device=false`;
  const res = await ctx.send('DELETE', path, headers);
  await expectRefusal(ctx, res, { expect: { 403: 'csrf' }, guarded: [victim], as: `${how}, of session ${victim.n}'s row: ` });
  return `DELETE of session ${victim.n} ${how} answered 403, and session ${victim.n} still works`;
}

// ---------------------------------------------------------------------------------------------
// Running

/**
 * Runs every check against a live server. `sessions` is the parsed sessions file. Resolves with one
 * result per check ({ id, rule, status: 'pass' | 'fail' | 'skip', message }) and the counts.
 */
export async function runContractCheck({
  baseUrl,
  sessions,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  graceMs = DEFAULT_GRACE_MS,
  openapi = OPENAPI_PATH,
}) {
  const ctx = createContext({
    baseUrl: readBaseUrl(baseUrl),
    sessions: readSessions(sessions),
    timeoutMs,
    graceMs,
    contract: loadContract(openapi),
  });
  const checks = [];
  for (const check of CHECK_LIST) {
    ctx.current = check.id;
    const why = ctx.noAnswer ? `the server did not answer (${ctx.noAnswer})` : check.needs?.(ctx);
    let status;
    let detail;
    if (why) {
      status = 'skip';
      detail = `skipped: ${why}`;
    } else {
      try {
        detail = await check.run(ctx);
        status = 'pass';
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        status = 'fail';
        detail = error.message;
        if (error instanceof NoAnswer) ctx.noAnswer = check.id;
      }
    }
    // One line per check, whatever the server sent, and no credential from the file in it.
    let message = `${check.rule} — ${detail.replace(/\s*[\r\n]+\s*/g, ' ')}`;
    for (const { secret } of ctx.secrets) message = message.split(secret).join('<credential>');
    checks.push({ id: check.id, rule: check.rule, status, message });
  }
  const count = (status) => checks.filter((c) => c.status === status).length;
  return { ok: count('fail') === 0, passed: count('pass'), failed: count('fail'), skipped: count('skip'), checks };
}

function parseArgs(argv) {
  const options = { baseUrl: undefined, sessions: undefined, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--json') options.json = true;
    else if (flag === '--sessions') {
      const value = inline ?? argv[++i];
      if (!value) throw new UsageError('--sessions needs a file');
      options.sessions = value;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (options.baseUrl === undefined) options.baseUrl = arg;
    else throw new UsageError(`one base URL only (got "${options.baseUrl}" and "${arg}")`);
  }
  if (options.help) return options;
  if (options.baseUrl === undefined) throw new UsageError('the base URL is missing');
  if (options.sessions === undefined) throw new UsageError('--sessions <file.json> is missing');
  return options;
}

function readSessionsFile(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the sessions file ${file}: ${error.code === 'ENOENT' ? 'not found' : error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the sessions file ${file} is not valid JSON: ${error.message}`);
  }
}

const LABEL = { pass: 'pass', fail: 'FAIL', skip: 'skip' };

/** The command line; resolves with the exit code. `out` prints results, `err` the usage and errors. */
export async function main(argv = process.argv.slice(2), { out = console.log, err = console.error, ...options } = {}) {
  let parsed;
  let sessions;
  try {
    parsed = parseArgs(argv);
    if (parsed.help) {
      out(USAGE);
      return 0;
    }
    parsed.baseUrl = readBaseUrl(parsed.baseUrl);
    sessions = readSessionsFile(parsed.sessions);
    readSessions(sessions);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`contract-check: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  let result;
  try {
    result = await runContractCheck({ ...options, baseUrl: parsed.baseUrl, sessions });
  } catch (error) {
    // Not the server's fault and not a check's verdict: the contract file is missing or unreadable.
    err(`contract-check: ${error.message}`);
    return 2;
  }
  if (parsed.json) {
    out(JSON.stringify({ baseUrl: parsed.baseUrl, ...result }, null, 2));
  } else {
    for (const check of result.checks) out(`${LABEL[check.status]} ${check.id}: ${check.message}`);
    out(`contract-check: ${plural(result.checks.length, 'check')} against ${parsed.baseUrl}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
  }
  return result.ok ? 0 : 1;
}

function isRunDirectly() {
  try {
    // npx runs the bin through a symlink in node_modules/.bin.
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isRunDirectly()) process.exitCode = await main();
