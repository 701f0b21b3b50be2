import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Session, SessionsClient, SessionsResult } from '../client/types';
import { SessionsClientError, isRetryable, toSessionsError } from '../client/errors';
import { keepSessionIdentity } from '../core/sessions';
import type { ReauthenticationGuard } from './reauthenticate';

/**
 * Where a provider's queries get their client: `client()` is the latest one passed, so a host that
 * writes `client={createFetchSessionsClient(…)}` inline does not refetch on every render.
 */
export type SessionsScope = { client: () => SessionsClient };

/**
 * The one query-key factory every hook uses. The keys are constants, never a per-provider counter or
 * render order: `prefetchActiveSessions` on the server and the section in the browser must name the same
 * entry. One QueryClient holds one account's list; sections that share it share the list (one GET).
 */
export const sessionsKeys = {
  all: ['@firstparty/active-sessions'] as const,
  list: ['@firstparty/active-sessions', 'list'] as const,
  logOut: ['@firstparty/active-sessions', 'logOut'] as const,
  logOutAll: ['@firstparty/active-sessions', 'logOutAll'] as const,
};

/** Variables of one logout. */
export type LogOutVariables = { id: string; removeTrustedDevice: boolean; reason?: 'unrecognized' };

// A custom client is not validated by our fetch client: check the shape it resolved with, so a bad one
// reads as "cannot load" rather than crashing a row.
function checkResult(result: unknown): SessionsResult {
  const value = result as SessionsResult | null | undefined;
  if (value?.availability === 'unavailable') return value;
  if (value?.availability !== 'available' || !Array.isArray(value.sessions)) {
    throw new SessionsClientError('malformed', 'listSessions resolved with something that is not a SessionsResult.');
  }
  const sessions = value.sessions.filter(
    (s: Session | null | undefined) =>
      typeof s?.id === 'string' &&
      s.id !== '' &&
      typeof s.isCurrent === 'boolean' &&
      typeof s.isTrusted === 'boolean' &&
      Array.isArray(s.apps),
  );
  const skipped = (value.skipped ?? 0) + value.sessions.length - sessions.length;
  return { availability: 'available', sessions, skipped };
}

/** How long a loaded list counts as fresh; older, it reloads when the page is seen again (B17). */
export const LIST_STALE_MS = 10_000;

/** The list query: one GET however many components read it. */
export function sessionsQueryOptions(scope: SessionsScope) {
  return queryOptions({
    queryKey: sessionsKeys.list,
    queryFn: async ({ signal }) => {
      try {
        return checkResult(await scope.client().listSessions({ signal }));
      } catch (error) {
        throw toSessionsError(error);
      }
    },
    // One quick retry for a blip; never for a bad payload or an expired sign-in (no loops on 401).
    retry: (failureCount, error) => failureCount < 1 && isRetryable(error),
    retryDelay: 300,
    staleTime: LIST_STALE_MS,
    structuralSharing: (previous: unknown, next: unknown) => {
      const before = previous as SessionsResult | undefined;
      const after = next as SessionsResult;
      if (before?.availability !== 'available' || after.availability !== 'available') return after;
      return { ...after, sessions: keepSessionIdentity(before.sessions, after.sessions) };
    },
  });
}

/**
 * For server rendering: loads the list into `queryClient`, so a host that dehydrates it and hands the
 * hydrated client to the section (`queryClient` prop) gets rows in its server HTML and no second GET.
 * A list that fails to load is not dehydrated (TanStack keeps only successes) and, being an error, is
 * fetched again on mount: server and browser both render the loading state, and the browser loads it
 * (and reports a 401 through `onUnauthorized`).
 */
export async function prefetchActiveSessions(queryClient: QueryClient, client: SessionsClient): Promise<void> {
  if (!client) throw new TypeError('prefetchActiveSessions(queryClient, client): the client is required.');
  await queryClient.prefetchQuery(sessionsQueryOptions({ client: () => client }));
}

/** Logging out one session; every attempt stays in the mutation cache so each row can read its own. */
export function logOutMutationOptions(scope: SessionsScope, signal: () => AbortSignal | undefined, guard: ReauthenticationGuard) {
  return mutationOptions<void, SessionsClientError, LogOutVariables>({
    mutationKey: sessionsKeys.logOut,
    mutationFn: async ({ id, removeTrustedDevice, reason }) => {
      try {
        // B16: a repeat after re-authentication is the same call: same id, same flags, same reason.
        // B14: the reason is sent only when there is one, so a custom client sees the same call as before.
        await guard.run('log_out', () =>
          scope.client().logOutSession(id, { removeTrustedDevice, ...(reason && { reason }), signal: signal() }),
        );
      } catch (error) {
        throw toSessionsError(error);
      }
    },
    // B9 needs the accepted attempt for as long as the row may linger.
    gcTime: 30 * 60_000,
  });
}

/** Logging out of all sessions (B6). */
export function logOutAllMutationOptions(scope: SessionsScope, signal: () => AbortSignal | undefined, guard: ReauthenticationGuard) {
  return mutationOptions<{ completesBy?: string | undefined }, SessionsClientError, void>({
    mutationKey: sessionsKeys.logOutAll,
    mutationFn: async () => {
      try {
        return (await guard.run('log_out_all', () => scope.client().logOutAllSessions({ signal: signal() }))) ?? {};
      } catch (error) {
        throw toSessionsError(error);
      }
    },
    gcTime: 30 * 60_000,
  });
}
