import type { WireDevice, WireLocation, WireSession } from '../../kit/src/contract';
import type { Session, SessionsResult } from './types';
import { SessionsClientError } from './errors';

// The server's statuses for sessions that have ended; B11: signed-out sessions are never listed.
const ENDED_STATUSES = new Set(['signed_out', 'revoked', 'expired']);
const DEVICE_TYPES = new Set(['desktop', 'mobile', 'tablet', 'app']);

// The names of a row's fields, from the contract's generated types: one the contract lacks is a type error.
type WireField = keyof WireSession | keyof NonNullable<WireDevice> | keyof NonNullable<WireLocation>;
/** A row (or its device or place) as received: the contract's field names, each of any type until checked. */
type Row = { [field in WireField]?: unknown };

// A malformed row: it is left out and counted in `skipped`, so what was wrong with it is never shown.
class RowRejected extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An optional text field: absent, null or blank is "missing"; any other non-string rejects the row. */
function optionalText(row: Row, key: WireField): string | undefined {
  const value = row[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new RowRejected();
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function optionalObject(row: Row, key: WireField): Row | undefined {
  const value = row[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new RowRejected();
  return value;
}

function requiredBoolean(row: Row, key: WireField): boolean {
  const value = row[key];
  if (typeof value !== 'boolean') throw new RowRejected();
  return value;
}

function parseDevice(row: Row): Session['device'] {
  const wire = optionalObject(row, 'device');
  if (!wire) return undefined;
  const type = optionalText(wire, 'type');
  const device: NonNullable<Session['device']> = {
    browser: optionalText(wire, 'browser'),
    os: optionalText(wire, 'os'),
    // A type this version does not know is a detail we leave out, not a reason to drop the row.
    type: type && DEVICE_TYPES.has(type) ? (type as NonNullable<Session['device']>['type']) : undefined,
  };
  return withoutUndefined(device);
}

function parseLocation(row: Row): Session['location'] {
  const wire = optionalObject(row, 'location');
  if (!wire) return undefined;
  return withoutUndefined({
    city: optionalText(wire, 'city'),
    region: optionalText(wire, 'region'),
    country: optionalText(wire, 'country'),
  });
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

/** A valid ISO date string, or undefined: an unreadable date is a missing detail (B2). */
export function parseDate(value: string | undefined): string | undefined {
  // Stryker disable next-line ConditionalExpression: Date.parse(undefined) is NaN, which leaves the date out all the same
  if (value === undefined) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

/** One wire row → a `Session`, `null` for an ended session, or `RowRejected` for a malformed one. */
function parseSession(value: unknown): Session | null {
  if (!isObject(value)) throw new RowRejected();
  const wire: Row = value;
  const id = wire.id;
  if (typeof id !== 'string' || id.trim() === '') throw new RowRejected();
  const status = wire.status;
  if (typeof status !== 'string') throw new RowRejected();
  if (ENDED_STATUSES.has(status)) return null;
  const apps = wire.apps ?? [];
  if (!Array.isArray(apps) || !apps.every((app) => typeof app === 'string')) throw new RowRejected();
  const session: Session = {
    id,
    isCurrent: requiredBoolean(wire, 'is_current'),
    isTrusted: requiredBoolean(wire, 'is_trusted'),
    // A status this version does not know cannot be logged out safely one by one: treat it as unavailable (B5).
    status: status === 'active' ? 'active' : 'unavailable',
    apps: [...new Set(apps.map((app) => app.trim()).filter(Boolean))],
  };
  const device = parseDevice(wire);
  const location = parseLocation(wire);
  const signedInAt = parseDate(optionalText(wire, 'signed_in_at'));
  // B12: like any optional field, a wrong type rejects the row and an unreadable date is left out.
  const lastActiveAt = parseDate(optionalText(wire, 'last_active_at'));
  if (device) session.device = device;
  if (location) session.location = location;
  if (signedInAt) session.signedInAt = signedInAt;
  if (lastActiveAt) session.lastActiveAt = lastActiveAt;
  return session;
}

/**
 * Validates a `GET /sessions` body. The response as a whole must be `{ sessions: [...] }`, else it is
 * malformed; each row is then checked on its own, so one bad row is left out and counted in
 * `skipped` while every valid row beside it still renders. A response with rows but none readable
 * is malformed too.
 */
export function parseSessionsBody(body: unknown): SessionsResult {
  if (!isObject(body) || !Array.isArray(body.sessions)) {
    throw new SessionsClientError('malformed', 'The sessions response has no "sessions" list.');
  }
  const sessions: Session[] = [];
  const seen = new Map<string, Session>();
  let skipped = 0;
  for (const wire of body.sessions) {
    try {
      const session = parseSession(wire);
      if (!session) continue;
      // A repeated id would make two rows log out the same session: keep the first.
      const first = seen.get(session.id);
      if (first) {
        skipped += 1;
        // B3: if any copy says this is the reader's own session, the row kept must not offer Log out.
        if (session.isCurrent) first.isCurrent = true;
        continue;
      }
      seen.set(session.id, session);
      sessions.push(session);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: parsing a row throws nothing but RowRejected; this only keeps a future bug from being counted as a bad row
      if (!(error instanceof RowRejected)) throw error;
      skipped += 1;
    }
  }
  // Nothing readable at all is a malformed response, not an empty list: the section says it cannot
  // load and offers Try again, instead of "0 sessions" beside a count of hidden ones.
  if (sessions.length === 0 && skipped > 0) {
    throw new SessionsClientError('malformed', `None of the ${skipped} sessions in the response could be read.`);
  }
  return { availability: 'available', sessions, skipped };
}

/** Reads the error code of a JSON error body such as `{"error":{"code":"sso_account"}}`. */
export function errorCodeOf(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.error)) return undefined;
  return typeof body.error.code === 'string' ? body.error.code : undefined;
}

/** Validates a `POST /sessions/logout_all` body; an absent or unreadable time is left out, since the logout itself succeeded. */
export function parseLogOutAllBody(body: unknown): { completesBy?: string } {
  if (!isObject(body) || typeof body.completes_by !== 'string') return {};
  const completesBy = parseDate(body.completes_by);
  return completesBy ? { completesBy } : {};
}
