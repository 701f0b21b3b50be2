import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import type { SessionsClient } from '../client/types';
import type { SessionsClientError } from '../client/errors';
import type { Catalog } from '../i18n/translator';
import type { SessionsScope } from './queries';
import { createReauthenticationGuard, type ReauthenticationGuard } from './reauthenticate';
import { joinTabs } from './tabSync';
import { createEmitter, createOnceEmitter, type ActiveSessionsEvent, type EmitEvent } from './events';

/** Help links the host supplies (B10); a link not supplied is left out. Only http(s) and relative URLs are used. */
export type ActiveSessionsLinks = {
  /** Where the reader changes their password. */
  changePassword?: string | undefined;
  /** Where the reader reviews their sign-in methods. */
  signInMethods?: string | undefined;
  /** Where the reader contacts support. */
  support?: string | undefined;
};

/** Props of `ActiveSessionsProvider`. */
export type ActiveSessionsProviderProps = {
  /** The API client, e.g. `createFetchSessionsClient({ baseUrl: '/api' })`. */
  client: SessionsClient;
  /** The reader's locale, BCP 47. @default 'en' */
  locale?: string | undefined;
  /** The locale's catalog (may be partial: missing keys fall back to English). */
  strings?: Catalog | undefined;
  /** Help links for suspected unauthorized activity (B10). */
  links?: ActiveSessionsLinks | undefined;
  /** Called once when Log out of all sessions succeeded: the host's own session is ending (B6). */
  onSignedOut?: ((result: { completesBy?: string | undefined }) => void) | undefined;
  /** Called when the API answers 401: the host's sign-in expired and it should sign the reader in again. */
  onUnauthorized?: ((error: SessionsClientError) => void) | undefined;
  /**
   * B16: called when the server wants a recent sign-in before ending sessions; show your own password,
   * passkey or SSO prompt and resolve `true` once the reader passed it (the call is then sent once more),
   * `false` if they cancelled (nothing changes). Without it, such a logout fails asking to sign in again.
   */
  onReauthenticate?: (() => Promise<boolean>) | undefined;
  /** Called once per outcome with what happened, ids and codes only, for the host's audit log (B15); a handler that throws is reported to `console.error`. */
  onEvent?: ((event: ActiveSessionsEvent) => void) | undefined;
  /** Sign-ins after this (Date or ISO string) carry a "New sign-in" badge; `null` turns the badge off (B13). @default 24 hours before the list was loaded */
  newSince?: Date | string | null | undefined;
  /** The TanStack Query client to use. @default a client of its own */
  queryClient?: QueryClient | undefined;
  /** The part of the app that uses the sessions. */
  children?: ReactNode | undefined;
};

/** What the provider shares with the hooks below it. */
export type ActiveSessionsContextValue = Pick<ActiveSessionsProviderProps, 'locale' | 'strings' | 'links'> & {
  /** `newSince` as a primitive (a Date as its time in ms), so a new Date object of the same instant re-renders nothing. */
  newSince?: number | string | null | undefined;
  queryClient: QueryClient;
  /** Where the queries get the latest client. */
  scope: SessionsScope;
  /**
   * The latest host props, read when they are used: a host that passes the client or callbacks inline
   * gives them a new identity on every render, and that must not re-render every row.
   */
  latest: () => ActiveSessionsProviderProps;
  /** Aborted when the provider unmounts, so no request outlives the section. */
  signal: () => AbortSignal | undefined;
  /** Logouts in flight by session id, so a double call sends one request. */
  inflight: Map<string, Promise<unknown>>;
  /** Ids ever seen as the current session. */
  knownCurrentIds: Set<string>;
  /** Errors already reported to `onUnauthorized`. */
  reported: WeakSet<object>;
  /** B16: logouts the server refuses for want of a recent sign-in go through the host's prompt once. */
  reauthentication: ReauthenticationGuard;
  /** Tells the host's latest `onEvent` of one outcome (B15). */
  emit: EmitEvent;
  /** Tells it once per outcome object, however many hooks see that outcome. */
  emitOnce: (outcome: object, event: ActiveSessionsEvent) => void;
};

/** The provider's context; `null` outside a provider (styled parts then read in English). */
export const ActiveSessionsContext = createContext<ActiveSessionsContextValue | null>(null);

/** Supplies the client, locale, strings and links to `useActiveSessions` and the styled components. */
export function ActiveSessionsProvider(props: ActiveSessionsProviderProps) {
  const { children, queryClient, locale, strings, links } = props;
  if (!props.client) throw new TypeError('ActiveSessionsProvider: the "client" prop is required.');
  const [ownQueryClient] = useState(() => queryClient ?? new QueryClient());
  const controller = useRef<AbortController | undefined>(undefined);
  const latestProps = useRef(props);
  // eslint-disable-next-line react-hooks/refs -- the latest props for callbacks run later (client, onEvent); rendering never reads them
  latestProps.current = props;
  // eslint-disable-next-line react-hooks/refs -- the initializer only builds callbacks that read the ref later, when they run
  const [shared] = useState(() => {
    const emit = createEmitter(() => latestProps.current.onEvent);
    return {
      scope: { client: () => latestProps.current.client },
      latest: () => latestProps.current,
      inflight: new Map<string, Promise<unknown>>(),
      knownCurrentIds: new Set<string>(),
      reported: new WeakSet<object>(),
      emit,
      emitOnce: createOnceEmitter(emit),
      reauthentication: createReauthenticationGuard({
        reauthenticate: () => latestProps.current.onReauthenticate,
        // B15: told once per prompt asked for, just before the host's onReauthenticate is called.
        onRequested: (action) => emit({ type: 'reauthentication_requested', action }),
      }),
      // Stryker disable next-line OptionalChaining: logouts start from events, after the effect below has set the controller
      signal: () => controller.current?.signal,
    };
  });

  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    return () => current.abort();
    // Stryker disable next-line ArrayDeclaration: a constant in the list runs the effect once all the same
  }, []);

  const activeQueryClient = queryClient ?? ownQueryClient;
  // B17: other tabs' logouts, and the page being seen again, reload this list.
  useEffect(() => joinTabs(activeQueryClient), [activeQueryClient]);
  // Rows re-render only when something they read changes, not on every host render; links are
  // compared by their URLs, so an inline links object changes nothing.
  const { changePassword, signInMethods, support } = links ?? {};
  // B13: compared by instant, so an inline `new Date(…)` or ISO string changes nothing.
  const newSince = props.newSince instanceof Date ? props.newSince.getTime() : props.newSince;
  const value = useMemo<ActiveSessionsContextValue>(
    () => ({ locale, strings, newSince, links: { changePassword, signInMethods, support }, ...shared, queryClient: activeQueryClient }),
    [locale, strings, newSince, changePassword, signInMethods, support, shared, activeQueryClient],
  );
  return <ActiveSessionsContext.Provider value={value}>{children}</ActiveSessionsContext.Provider>;
}

/** The provider's value; throws a clear error when used outside `ActiveSessionsProvider`. */
export function useActiveSessionsContext(): ActiveSessionsContextValue {
  const value = useContext(ActiveSessionsContext);
  if (!value) {
    throw new Error('useActiveSessions must be used inside <ActiveSessionsProvider> or <ActiveSessionsSection client={…}>.');
  }
  return value;
}
