import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useMutation, useMutationState, useQuery, type Mutation } from '@tanstack/react-query';
import type { Session } from '../client/types';
import { SessionsClientError, toSessionsError } from '../client/errors';
import {
  canLogOut,
  isActiveNow,
  isNewSignIn,
  logOutAllStateOf,
  newSinceTime,
  markKnownCurrent,
  orderSessions,
  rowStateOf,
  type LogOutAllState,
  type LogOutAttempt,
  type RowState,
} from '../core/sessions';
import { cleanSession } from '../core/text';
import { useActiveSessionsContext } from './ActiveSessionsProvider';
import { logOutAllMutationOptions, logOutMutationOptions, sessionsKeys, sessionsQueryOptions, type LogOutVariables } from './queries';
import { isDeclinedReauthentication } from './reauthenticate';
import { tellOtherTabs } from './tabSync';

/** One row: its session, where its logout is, and whether Log out may be offered. */
export type SessionRowModel = {
  session: Session;
  state: RowState;
  /** False for the current session (B3), a status-unavailable one (B5), and while a logout is under way. */
  canLogOut: boolean;
  /** Why the last logout failed, when `state` is `failed`. */
  error: SessionsClientError | null;
  /** B12: the current session, or one seen within 5 minutes of when the list was loaded: it reads "Active now". */
  isActiveNow: boolean;
  /** B13: another session that signed in after `newSince`: it carries a "New sign-in" badge. */
  isNew: boolean;
};

/** Options of one `logOut` call. */
export type LogOutOptions = {
  /** `unrecognized` when the reader did not recognize the session (B14): it is also removed from trusted devices. */
  reason?: 'unrecognized' | undefined;
};

/**
 * How a call to `logOut` ended: gone from the list, accepted but still listed (B9), cancelled (the reader
 * declined to re-authenticate, B16: nothing changed), refused by the rules, or failed.
 */
export type LogOutResult =
  { outcome: 'logged-out' | 'signing-out' | 'cancelled' } | { outcome: 'refused' | 'failed'; error: SessionsClientError };

export type { LogOutAllState };

/** How a call to `logOutAll` ended; `cancelled` when the reader declined to re-authenticate (B16). */
export type LogOutAllResult =
  { outcome: 'done'; completesBy?: string | undefined } | { outcome: 'cancelled' } | { outcome: 'failed'; error: SessionsClientError };

type Common = {
  /** Sessions, current first, then most recently active (B12); empty unless `ready`. */
  sessions: Session[];
  /** The same sessions with each row's state. */
  rows: SessionRowModel[];
  /** Rows of the response left out as malformed; the section says so. */
  skipped: number;
  /** Whether a refresh is under way with a list already shown. */
  isRefreshing: boolean;
  /** The last refresh failed; the rows shown are the last ones loaded. */
  refreshError: SessionsClientError | null;
  /** Logs out one session (B4); refuses the current and status-unavailable ones without a request (B3, B5). */
  logOut: (id: string, options?: LogOutOptions) => Promise<LogOutResult>;
  /** Logs out of all sessions, the current one included (B6). */
  logOutAll: () => Promise<LogOutAllResult>;
  logOutAllState: LogOutAllState;
  logOutAllError: SessionsClientError | null;
  /** When the server expects every session to be gone, after `logOutAll` succeeded. */
  completesBy?: string | undefined;
  /** Loads the list again (B8 Try again, B9 Refresh). */
  refresh: () => Promise<void>;
  /** When the list shown was loaded, in ms since the epoch (0 before): by the server's clock when prefetched there. */
  updatedAt: number;
  /** Whether the host's re-authentication prompt is open (B16): the section's own dialogs step aside meanwhile. */
  isReauthenticating: boolean;
};

/** What `useActiveSessions` returns: a union on `status`, with the actions always present. */
export type UseActiveSessionsResult =
  | (Common & { status: 'loading' })
  | (Common & { status: 'error'; error: SessionsClientError })
  | (Common & { status: 'unavailable'; reason: 'sso' | 'not_supported' })
  | (Common & { status: 'ready' });

type AttemptSummary = LogOutAttempt & { id: string };

// Only logOut mutations are read (by key), and each is built by mutate() with its variables and set pending
// before any observer hears of it, so none is ever idle or without variables.
function summarize(mutation: Mutation<unknown, Error, unknown, unknown>): AttemptSummary {
  const { variables, status, error } = mutation.state;
  return {
    id: (variables as LogOutVariables).id,
    status: status as AttemptSummary['status'],
    error: error ? toSessionsError(error) : null,
  };
}

/** The headless hook: the list, each row's state and the logout actions. Renders nothing. */
export function useActiveSessions(): UseActiveSessionsResult {
  const context = useActiveSessionsContext();
  const { scope, queryClient, signal, inflight, knownCurrentIds, latest, reported, reauthentication, emit, emitOnce } = context;
  const query = useQuery(sessionsQueryOptions(scope), queryClient);
  const logOutMutation = useMutation(logOutMutationOptions(scope, signal, reauthentication), queryClient);
  const logOutAllMutation = useMutation(logOutAllMutationOptions(scope, signal, reauthentication), queryClient);
  const isReauthenticating = useSyncExternalStore(reauthentication.subscribe, reauthentication.isPrompting, () => false);

  const attempts = useMutationState({ filters: { mutationKey: sessionsKeys.logOut }, select: summarize }, queryClient);
  const allAttempts = useMutationState({ filters: { mutationKey: sessionsKeys.logOutAll }, select: (m) => m.state }, queryClient);

  const data = query.data;
  const sessions = useMemo(
    // Text is cleaned here, not only where rows render: headless hosts get what the styled rows show.
    () => (data?.availability === 'available' ? orderSessions(markKnownCurrent(data.sessions.map(cleanSession), knownCurrentIds)) : []),
    [data, knownCurrentIds],
  );

  const lastAll = allAttempts.at(-1);
  const lastAllError = lastAll?.error ? toSessionsError(lastAll.error) : null;
  const logOutAllState = logOutAllStateOf(lastAll && { status: lastAll.status as LogOutAttempt['status'], error: lastAllError });

  // B12, B13: measured from when the list was loaded, not from each render, so server HTML and
  // hydration agree and a row does not change its label while the reader looks at it.
  const loadedAt = query.dataUpdatedAt;
  const since = newSinceTime(context.newSince, loadedAt);

  const rows = useMemo(() => {
    // The mutation cache lists attempts oldest first: the last one per id is the row's.
    const latest = new Map<string, AttemptSummary>();
    for (const attempt of attempts) latest.set(attempt.id, attempt);
    return sessions.map((session): SessionRowModel => {
      const attempt = latest.get(session.id);
      const state = rowStateOf(attempt);
      return {
        session,
        state,
        canLogOut: canLogOut(session, state, logOutAllState),
        // Only a failed row has an error: a cancelled attempt (unmounted, or B16 declined) is no failure.
        // A row is failed only by an attempt (rowStateOf), so a failed row always has one.
        error: state === 'failed' ? attempt!.error : null,
        isActiveNow: isActiveNow(session, loadedAt),
        isNew: isNewSignIn(session, since),
      };
    });
  }, [sessions, attempts, logOutAllState, loadedAt, since]);

  // A 401 anywhere means the host's sign-in expired: tell the host once per error, never retry in a loop.
  const errors = [query.error, logOutMutation.error, logOutAllMutation.error];
  useEffect(() => {
    for (const error of errors) {
      if (error && !reported.has(error) && toSessionsError(error).code === 'unauthorized') {
        reported.add(error);
        latest().onUnauthorized?.(toSessionsError(error));
      }
    }
  });

  // B15: a list that failed (after the client's own retry) is one event, however many hooks read it.
  const listError = query.error;
  useEffect(() => {
    if (listError) emitOnce(listError, { type: 'list_failed', code: toSessionsError(listError).code });
  }, [listError, emitOnce]);

  async function refresh() {
    await queryClient.refetchQueries({ queryKey: sessionsKeys.list });
  }

  function logOut(id: string, options: LogOutOptions = {}): Promise<LogOutResult> {
    const pending = inflight.get(id);
    if (pending) return pending as Promise<LogOutResult>;
    const row = rows.find((candidate) => candidate.session.id === id);
    if (!row || !row.canLogOut) {
      // B3, B5: the current session, a status-unavailable one, one already logging out or one not listed.
      return Promise.resolve({
        outcome: 'refused',
        error: new SessionsClientError('refused', `Session ${id} cannot be logged out from its row.`),
      });
    }
    // B14: an unrecognized session always leaves the trusted devices too.
    const { reason } = options;
    const removeTrustedDevice = row.session.isTrusted || reason === 'unrecognized';
    const run = (async (): Promise<LogOutResult> => {
      try {
        await logOutMutation.mutateAsync({ id, removeTrustedDevice, ...(reason && { reason }) });
      } catch (error) {
        if (isDeclinedReauthentication(error)) return { outcome: 'cancelled' };
        const failure = toSessionsError(error);
        // B15: a logout cancelled because the section went away is no outcome the reader saw.
        if (failure.code !== 'aborted') emit({ type: 'session_logout_failed', sessionId: id, code: failure.code });
        return { outcome: 'failed', error: failure };
      } finally {
        inflight.delete(id);
      }
      tellOtherTabs(queryClient);
      emit({
        type: 'session_logged_out',
        sessionId: id,
        removedTrustedDevice: row.session.isTrusted && removeTrustedDevice,
        ...(reason && { reason }),
      });
      // B9: accepted; the row is gone only if the next list no longer holds it.
      await refresh().catch(() => undefined);
      const next = queryClient.getQueryData(sessionsQueryOptions(scope).queryKey);
      // Stryker disable next-line OptionalChaining: a row was listed, so the list is there; a query observed by this hook is never removed
      const stillListed = next?.availability === 'available' && next.sessions.some((s) => s.id === id);
      return { outcome: stillListed ? 'signing-out' : 'logged-out' };
    })();
    inflight.set(id, run);
    return run;
  }

  function logOutAll(): Promise<LogOutAllResult> {
    const pending = inflight.get(ALL);
    if (pending) return pending as Promise<LogOutAllResult>;
    const run = (async (): Promise<LogOutAllResult> => {
      try {
        const result = await logOutAllMutation.mutateAsync();
        tellOtherTabs(queryClient);
        emit({ type: 'all_sessions_logged_out', ...(result.completesBy && { completesBy: result.completesBy }) });
        latest().onSignedOut?.(result);
        return { outcome: 'done', ...result };
      } catch (error) {
        if (isDeclinedReauthentication(error)) return { outcome: 'cancelled' };
        const failure = toSessionsError(error);
        if (failure.code !== 'aborted') emit({ type: 'all_sessions_logout_failed', code: failure.code });
        return { outcome: 'failed', error: failure };
      } finally {
        inflight.delete(ALL);
      }
    })();
    inflight.set(ALL, run);
    return run;
  }

  const common: Common = {
    sessions,
    rows,
    skipped: data?.availability === 'available' ? (data.skipped ?? 0) : 0,
    isRefreshing: query.isFetching && !query.isPending,
    refreshError: query.isRefetchError ? toSessionsError(query.error) : null,
    logOut,
    logOutAll,
    logOutAllState,
    logOutAllError: logOutAllState === 'failed' ? lastAllError : null,
    // Only a successful attempt has data.
    completesBy: (lastAll?.data as { completesBy?: string } | undefined)?.completesBy,
    refresh,
    updatedAt: query.dataUpdatedAt,
    isReauthenticating,
  };

  if (!data) return query.isError ? { ...common, status: 'error', error: toSessionsError(query.error) } : { ...common, status: 'loading' };
  if (data.availability === 'unavailable') return { ...common, status: 'unavailable', reason: data.reason };
  return { ...common, status: 'ready' };
}

// Ids are server strings; a symbol-like key that no session id can equal marks the log-out-all call.
const ALL = '\u0000logOutAll';
