import type { Session } from '../client/types';
import type { SessionsClientError } from '../client/errors';

/** Where one row is in its logout: `idle → logging-out → (failed | signing-out → gone)`. */
export type RowState = 'idle' | 'logging-out' | 'failed' | 'signing-out';

/** The last logout attempt for a row, as the mutation cache records it. */
export type LogOutAttempt = { status: 'pending' | 'error' | 'success'; error: SessionsClientError | null };

/** Where Log out of all sessions is. */
export type LogOutAllState = 'idle' | 'pending' | 'done' | 'failed';

/**
 * B3 + B5: only another, active session may be logged out from its row, and not while its own logout
 * or a log-out-all (which ends it anyway) is under way or done.
 */
// Stryker disable next-line StringLiteral: any default other than 'pending' or 'done' allows the same logouts as 'idle'
export function canLogOut(session: Session, state: RowState, allState: LogOutAllState = 'idle'): boolean {
  return (
    !session.isCurrent &&
    session.status === 'active' &&
    state !== 'logging-out' &&
    state !== 'signing-out' &&
    allState !== 'pending' &&
    allState !== 'done'
  );
}

/** B6: the state of the last log-out-all attempt; one cancelled by unmounting is not a failure. */
export function logOutAllStateOf(attempt: LogOutAttempt | undefined): LogOutAllState {
  if (!attempt) return 'idle';
  switch (attempt.status) {
    // Stryker disable next-line StringLiteral: an unmatched 'pending' falls to `default`, which returns 'pending' as well
    case 'pending':
      return 'pending';
    case 'success':
      return 'done';
    case 'error':
      // Stryker disable next-line OptionalChaining: a failed attempt always carries its SessionsClientError (the mutation functions convert every rejection)
      return attempt.error?.code === 'aborted' ? 'idle' : 'failed';
    // Stryker disable next-line ConditionalExpression: unreachable, every status has its case (`satisfies never`)
    default:
      return attempt.status satisfies never;
  }
}

/** B9: a logout the server accepted stays `signing-out` for as long as the list still holds the row. */
export function rowStateOf(attempt: LogOutAttempt | undefined): RowState {
  if (!attempt) return 'idle';
  switch (attempt.status) {
    case 'pending':
      return 'logging-out';
    case 'success':
      return 'signing-out';
    case 'error':
      // A logout cancelled because the section went away is not a failure the reader must see.
      // Stryker disable next-line OptionalChaining: a failed attempt always carries its SessionsClientError (the mutation functions convert every rejection)
      return attempt.error?.code === 'aborted' ? 'idle' : 'failed';
    // Stryker disable next-line ConditionalExpression: unreachable, every status has its case (`satisfies never`)
    default:
      return attempt.status satisfies never;
  }
}

function signedInTime(session: Session): number {
  const time = session.signedInAt ? Date.parse(session.signedInAt) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** B3: the current session first, then the newest sign-in; rows with no date last, in server order. */
export function orderSessions(sessions: readonly Session[]): Session[] {
  // Each date parsed once, not twice per comparison: ordering 1,000 sessions took a millisecond.
  const times = new Map(sessions.map((session) => [session, signedInTime(session)]));
  return [...sessions].sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || times.get(b)! - times.get(a)!);
}

/**
 * Security: a session once seen as current stays current for this reader, so a later response that
 * marks it wrongly can never offer Log out on the reader's own session.
 */
export function markKnownCurrent(sessions: readonly Session[], knownCurrentIds: Set<string>): Session[] {
  for (const session of sessions) if (session.isCurrent) knownCurrentIds.add(session.id);
  return sessions.map((session) =>
    !session.isCurrent && knownCurrentIds.has(session.id) ? { ...session, isCurrent: true } : session,
  );
}

/**
 * Keeps each unchanged session the same object across refetches, matched by id rather than by
 * position, so after one row is removed the rows below it are not re-rendered as if new.
 */
export function keepSessionIdentity(previous: readonly Session[], next: Session[]): Session[] {
  const before = new Map(previous.map((session) => [session.id, session]));
  return next.map((session) => {
    const old = before.get(session.id);
    return old && JSON.stringify(old) === JSON.stringify(session) ? old : session;
  });
}
