// Type tests for the public surface, checked by `tsc` in npm test's first step (expectTypeOf is a
// compile-time assertion here; a wrong type fails the type check).
import { expectTypeOf } from 'vitest';
import { createRef, createElement } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import {
  createFetchSessionsClient,
  en,
  pl,
  prefetchActiveSessions,
  SessionRow,
  createTranslator,
  sessionLabels,
  useActiveSessions,
  useSessionLabels,
  type ActiveSessionsEvent,
  type ActiveSessionsSectionProps,
  type SessionLabels,
  type SessionsErrorCode,
  type Catalog,
  type LogOutResult,
  type RowState,
  type Session,
  type SessionsClient,
  type SessionsResult,
  type UseActiveSessionsResult,
} from '../src';

// The fetch client is a SessionsClient, and a SessionsClient's calls resolve with the design's types.
expectTypeOf(createFetchSessionsClient({ baseUrl: '/api' })).toEqualTypeOf<SessionsClient>();
expectTypeOf<ReturnType<SessionsClient['listSessions']>>().toEqualTypeOf<Promise<SessionsResult>>();
expectTypeOf<SessionsClient['logOutSession']>().parameters.toEqualTypeOf<
  [string, { removeTrustedDevice: boolean; reason?: 'unrecognized'; signal?: AbortSignal }]
>();
expectTypeOf<Session['status']>().toEqualTypeOf<'active' | 'unavailable'>();
expectTypeOf<RowState>().toEqualTypeOf<'idle' | 'logging-out' | 'failed' | 'signing-out'>();

// headers may be a function returning headers, sync or async.
createFetchSessionsClient({ baseUrl: '/api', headers: async () => ({ 'X-CSRF-Token': 't' }), credentials: 'include' });
// @ts-expect-error baseUrl is required
createFetchSessionsClient({});
// CSRF: another cookie by name, or none.
createFetchSessionsClient({ baseUrl: '/api', csrfCookie: 'XSRF-TOKEN' });
createFetchSessionsClient({ baseUrl: '/api', csrfCookie: false });
// @ts-expect-error csrfCookie names a cookie or turns reading off; true means nothing
createFetchSessionsClient({ baseUrl: '/api', csrfCookie: true });
expectTypeOf<'csrf' | 'blocked'>().toMatchTypeOf<SessionsErrorCode>();

// The row labels for headless hosts: from the hook, or from a translator outside React.
expectTypeOf(useSessionLabels()).toEqualTypeOf<(session: Session, now?: number, isActiveNow?: boolean) => SessionLabels>();
expectTypeOf(sessionLabels({} as Session, createTranslator('de'))).toEqualTypeOf<SessionLabels>();
expectTypeOf<SessionLabels['device']>().toBeString();
expectTypeOf<NonNullable<SessionLabels['signedIn']>>().toEqualTypeOf<{ text: string; dateTime: string }>();
// B12: "Active now" may have no time to give.
expectTypeOf<NonNullable<SessionLabels['lastActive']>>().toEqualTypeOf<{ text: string; dateTime?: string | undefined }>();

// The hook's result is a union on status: the error exists only on `error`, the reason only on `unavailable`.
declare const result: UseActiveSessionsResult;
if (result.status === 'error') expectTypeOf(result.error.code).toBeString();
if (result.status === 'unavailable') expectTypeOf(result.reason).toEqualTypeOf<'sso' | 'not_supported'>();
// @ts-expect-error `reason` is not on every status
void result.reason;
expectTypeOf(result.logOut).returns.toEqualTypeOf<Promise<LogOutResult>>();
expectTypeOf(useActiveSessions).returns.toEqualTypeOf<UseActiveSessionsResult>();
// B14: logOut takes the reason; B13: each row says whether it is new.
expectTypeOf(result.logOut).parameter(1).toEqualTypeOf<{ reason?: 'unrecognized' | undefined } | undefined>();
expectTypeOf(result.rows[0]!.isNew).toEqualTypeOf<boolean>();

// B15: the events the host hears, exactly the design's union.
expectTypeOf<ActiveSessionsEvent['type']>().toEqualTypeOf<
  | 'session_logged_out'
  | 'session_logout_failed'
  | 'all_sessions_logged_out'
  | 'all_sessions_logout_failed'
  | 'list_failed'
  | 'reauthentication_requested'
>();
expectTypeOf<Extract<ActiveSessionsEvent, { type: 'session_logged_out' }>>().toEqualTypeOf<{
  type: 'session_logged_out';
  sessionId: string;
  removedTrustedDevice: boolean;
  reason?: 'unrecognized';
}>();
expectTypeOf<ActiveSessionsSectionProps['onEvent']>().toEqualTypeOf<((event: ActiveSessionsEvent) => void) | undefined>();
expectTypeOf<ActiveSessionsSectionProps['newSince']>().toEqualTypeOf<Date | string | null | undefined>();

// Catalogs are plain objects of messages that fit `strings`; a partial catalog does too.
expectTypeOf(pl).toMatchTypeOf<Catalog>();
expectTypeOf({ 'row.logOut': 'Wyloguj' }).toMatchTypeOf<Catalog>();
expectTypeOf(en['row.logOut']).toBeString();
expectTypeOf<ActiveSessionsSectionProps['strings']>().toEqualTypeOf<Catalog | undefined>();

// Server rendering: prefetchActiveSessions fills a QueryClient with a client's list.
expectTypeOf(prefetchActiveSessions).parameters.toEqualTypeOf<[QueryClient, SessionsClient]>();
expectTypeOf(prefetchActiveSessions).returns.toEqualTypeOf<Promise<void>>();
expectTypeOf<UseActiveSessionsResult['updatedAt']>().toEqualTypeOf<number>();

// SessionRow takes a ref to its <li> under @types/react 18 (forwardRef) as under 19.
declare const session: Session;
createElement(SessionRow, { session, ref: createRef<HTMLLIElement>() });
