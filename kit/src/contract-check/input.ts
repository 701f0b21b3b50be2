// The sessions file and the base URL, read and checked before anything is sent.
import { UsageError } from './errors.js';

/** One entry of the sessions file: the request headers of a signed-in session. */
export type ContractSession = { headers: Record<string, string>; account?: 'other' };

/** A session of the file as the checks track it. */
export type Session = {
  /** Its position in the file, from 1. */
  n: number;
  headers: Record<string, string>;
  account: 'first' | 'other';
  /** Set once GET /sessions answered 200 with it. */
  signedIn?: boolean;
  /** The id of the row it sees as current. */
  currentId?: string;
  /** The rows it listed (sessions.signed-in). */
  rows?: unknown[];
  /** The id of the check that ended it. */
  endedBy?: string;
};

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Validates the parsed sessions file; throws UsageError naming the first problem. */
export function readSessions(data: unknown): Session[] {
  if (!Array.isArray(data))
    throw new UsageError('the sessions file must be a JSON array of sessions, e.g. [{ "headers": { "Cookie": "…" } }]');
  if (data.length === 0) throw new UsageError('the sessions file is empty: it needs at least one signed-in session');
  return data.map((entry: unknown, index) => {
    const at = `session ${index + 1}`;
    if (!isObject(entry)) throw new UsageError(`${at} must be an object like { "headers": { … } }`);
    for (const key of Object.keys(entry)) {
      if (key !== 'headers' && key !== 'account') throw new UsageError(`${at} has an unknown key "${key}" (only "headers" and "account")`);
    }
    const { headers, account } = entry;
    if (!isObject(headers)) throw new UsageError(`${at}: "headers" must be an object of header name → value`);
    const copy: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) throw new UsageError(`${at}: "${name}" is not a valid header name`);
      if (typeof value !== 'string') throw new UsageError(`${at}: header "${name}" must be a string`);
      if (/[\r\n\0]/.test(value)) throw new UsageError(`${at}: header "${name}" contains a line break or NUL`);
      copy[name] = value;
    }
    if (account !== undefined && account !== 'other') {
      throw new UsageError(`${at}: "account" can only be "other" (a second disposable account); leave it out for the first account`);
    }
    if (index === 0 && account === 'other') {
      throw new UsageError('session 1 is the one the checks act from: it belongs to the first account and cannot be "other"');
    }
    return { n: index + 1, headers: copy, account: account === 'other' ? 'other' : 'first' };
  });
}

/** Normalizes the base URL: http(s), no query or fragment, no trailing slash. */
export function readBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`"${value}" is not a URL; give the base URL of the contract, e.g. https://staging.example.com/api`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`the base URL must be http: or https:, not ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError('the base URL must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}
