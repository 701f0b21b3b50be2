// Printing what was seen, safely (server text can hold escape sequences and bidi overrides), and the
// patterns the privacy and error-body checks look for.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Answer } from './context.js';

/** Server text as a quoted, cut, escaped string. */
export function show(value: unknown, max = 120): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut).replace(
    /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A request path, cut. */
export function showPath(path: string, max = 80): string {
  return path.length > max ? `${path.slice(0, max)}…` : path;
}

/** "404 {"error":…}" or "500 text/html "<!doctype…"": a status and what came with it. */
export function answer(res: Answer): string {
  if (res.text === '') return `${res.status} with no body`;
  if (res.isJson) return `${res.status} ${show(res.shown)}`;
  return `${res.status} ${res.contentType || 'without a content type'} ${show(res.shown, 80)}`;
}

/** The `error.code` of a `{"error":{"code":…}}` body. */
export function errorCodeOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const error = (body as { error?: unknown }).error;
  if (!error || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A random URL-safe token of about `length` characters (8 at least). */
export function randomToken(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 3)
    .toString('base64url')
    .slice(0, Math.max(length, 8));
}

export const ENDED_STATUS = /^(signed|logged|log)[_-]?out$|^(revoked|expired|ended|terminated|inactive|deleted|closed)$/i;
export const ENDED_AT =
  /^(signed_out|logged_out|revoked|ended|terminated|deleted)_?at$|^(signedOut|loggedOut|revoked|ended|terminated|deleted)At$/;
const IP_OR_COORDINATE_KEY =
  /^(ips?|ip_?addr(ess)?|ipAddress|remote_?addr(ess)?|client_?ip|x_forwarded_for|lat|lng|lon|long|latitude|longitude|coords?|coordinates|geo_?point|geolocation)$/i;
const COORDINATE_TEXT = /-?\d{1,3}\.\d{3,}\s*[,;]\s*-?\d{1,3}\.\d{3,}|\d{1,3}°\s*\d{1,2}['′]/;

/** Where a row carries an IP address or coordinates, e.g. `location.city: "203.0.113.7"`. */
export function ipsAndCoordinates(value: unknown, path = ''): string[] {
  const found: string[] = [];
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
      if (IP_OR_COORDINATE_KEY.test(key) && item !== null && item !== undefined && item !== '') {
        found.push(`${at}: ${show(item)} (a field for an IP address or coordinates)`);
      } else found.push(...ipsAndCoordinates(item, at));
    }
  }
  return [...new Set(found)];
}

// Each pattern is what a crash handler or a framework's debug page puts in a body.
const LEAKS: [string, RegExp][] = [
  ['a stack trace', /\bat\s+(?:async\s+)?(?:[\w$.<>[\]]+\s+)?\(?(?:file:\/\/|node:)?[^\s()"]*[\\/][^\s()"]*:\d+:\d+\)?/],
  [
    'a stack trace',
    /\b\w*(?:Error|Exception)\b[^\n]*\n\s+at\s|Traceback \(most recent call last\)|goroutine \d+ \[|\bat [\w$]+(?:\.[\w$<>]+)+\([\w$]+\.(?:java|kt|scala):\d+\)/,
  ],
  [
    'a file path',
    /(?:^|[\s"'(=:@])(?:file:\/\/)?\/(?:home|root|usr|var|etc|srv|opt|app|tmp|workspace|Users|code|src|build|dist|node_modules|lib|mnt|data)\/[\w.@-]/,
  ],
  ['a file path', /\b[A-Za-z]:\\[\w .-]+\\|[\w-]+\.(?:[cm]?[jt]sx?|py|rb|go|java|php|cs|rs|exs?):\d+\b/],
  [
    'SQL',
    /\bselect\s+[\w*.",\s]{1,200}?\s+from\s+["`]?\w+["`]?\s+where\b|\binsert\s+into\s+["`]?\w+["`]?\s*\(|\bupdate\s+["`]?\w+["`]?\s+set\s+\w+\s*=|\bdelete\s+from\s+["`]?\w+["`]?\s+where\b/i,
  ],
  ['SQL', /syntax error at or near|relation "[^"]*" does not exist|violates (?:unique|foreign key|not-null|check) constraint/i],
  ['SQL', /\bSQLSTATE\b|\bSQLITE_[A-Z]+\b|\bER_[A-Z_]{4,}\b|\bORA-\d{5}\b|\bPG::\w+/],
];

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** What an error body leaks, if anything; our own hostile input echoed back does not count. */
export function leakIn(response: Answer): string | undefined {
  let text = `${response.text}\n${stringsOf(response.body).join('\n')}`;
  for (const input of response.inputs ?? []) text = text.split(input).join('<input>');
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(text);
    if (match) return `${what} (${show(match[0].trim())})`;
  }
  return undefined;
}

export const isCsrfHeader = (name: string) => /csrf|xsrf/i.test(name);

/** The headers without the CSRF one. */
export const withoutCsrf = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !isCsrfHeader(name)));

/** Only the headers that carry no credential. */
export function credentialless(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => /^(accept|accept-language|user-agent)$/i.test(name)));
}

/** Credential headers with every token replaced: cookie values, Authorization credentials, and headers named like a token or key. */
export function forged(headers: Record<string, string>, make: (length: number) => string): Record<string, string> {
  const out: Record<string, string> = {};
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
export function secretsOf(headers: Record<string, string>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (/^cookie$/i.test(name)) {
      for (const pair of value.split(';')) values.push(pair.slice(pair.indexOf('=') + 1).trim());
    } else if (/^authorization$/i.test(name)) values.push(value.split(' ').pop() ?? '');
    else if (!/^(accept|accept-language|user-agent|origin|referer|content-type)$/i.test(name) && !/^x-geo-/i.test(name)) values.push(value);
  }
  return [...new Set(values.filter((v) => v.length >= 8))];
}
