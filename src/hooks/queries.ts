import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { Session, SessionsClient, SessionsResult } from '../client/types';
import { SessionsClientError, isRetryable, toSessionsError } from '../client/errors';
import { keepSessionIdentity } from '../core/sessions';

/**
 * One provider's slice of the cache: keyed by the provider, not the client object, so a host that
 * writes `client={createFetchSessionsClient(…)}` inline does not refetch on every render, while two
 * sections sharing one QueryClient never share entries. `client()` is the latest client passed.
 */
export type SessionsScope = { id: number; client: () => SessionsClient };

/** The one query-key factory every hook uses. */
export const sessionsKeys = {
  all: ['@firstparty/active-sessions'] as const,
  list: (scopeId: number) => [...sessionsKeys.all, scopeId, 'list'] as const,
  logOut: (scopeId: number) => [...sessionsKeys.all, scopeId, 'logOut'] as const,
  logOutAll: (scopeId: number) => [...sessionsKeys.all, scopeId, 'logOutAll'] as const,
};

/** Variables of one logout. */
export type LogOutVariables = { id: string; removeTrustedDevice: boolean };

// A custom client is not validated by our fetch client: check the shape it resolved with, so a bad one
// reads as "cannot load" rather than crashing a row.
function checkResult(result: unknown): SessionsResult {
  const value = result as SessionsResult | null | undefined;
  if (value?.availability === 'unavailable') return value;
  if (value?.availability !== 'available' || !Array.isArray(value.sessions)) {
    throw new SessionsClientError('malformed', 'listSessions resolved with something that is not a SessionsResult.');
  }
  const sessions = value.sessions.filter(
    (s: Session) =>
      typeof s === 'object' && s !== null && typeof s.id === 'string' && s.id !== '' &&
      typeof s.isCurrent === 'boolean' && typeof s.isTrusted === 'boolean' && Array.isArray(s.apps),
  );
  const skipped = (value.skipped ?? 0) + value.sessions.length - sessions.length;
  return { availability: 'available', sessions, skipped };
}

/** The list query: one GET however many components read it. */
export function sessionsQueryOptions(scope: SessionsScope) {
  return queryOptions({
    queryKey: sessionsKeys.list(scope.id),
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
    staleTime: 10_000,
    structuralSharing: (previous: unknown, next: unknown) => {
      const before = previous as SessionsResult | undefined;
      const after = next as SessionsResult;
      if (before?.availability !== 'available' || after.availability !== 'available') return after;
      return { ...after, sessions: keepSessionIdentity(before.sessions, after.sessions) };
    },
  });
}

/** Logging out one session; every attempt stays in the mutation cache so each row can read its own. */
export function logOutMutationOptions(scope: SessionsScope, signal: () => AbortSignal | undefined) {
  return mutationOptions<void, SessionsClientError, LogOutVariables>({
    mutationKey: sessionsKeys.logOut(scope.id),
    mutationFn: async ({ id, removeTrustedDevice }) => {
      try {
        await scope.client().logOutSession(id, { removeTrustedDevice, signal: signal() });
      } catch (error) {
        throw toSessionsError(error);
      }
    },
    // B9 needs the accepted attempt for as long as the row may linger.
    gcTime: 30 * 60_000,
  });
}

/** Logging out of all sessions (B6). */
export function logOutAllMutationOptions(scope: SessionsScope, signal: () => AbortSignal | undefined) {
  return mutationOptions<{ completesBy?: string }, SessionsClientError, void>({
    mutationKey: sessionsKeys.logOutAll(scope.id),
    mutationFn: async () => {
      try {
        return (await scope.client().logOutAllSessions({ signal: signal() })) ?? {};
      } catch (error) {
        throw toSessionsError(error);
      }
    },
    gcTime: 30 * 60_000,
  });
}
