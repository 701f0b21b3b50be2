// Type tests for hosts that compile with `exactOptionalPropertyTypes: true` (test/readme.test.ts
// compiles this file so, beside the README's examples; `tsc -p tsconfig.json` checks it without).
// Values that may be missing pass straight through, and the section cannot be written without a client.
import { createElement } from 'react';
import {
  ActiveSessionsProvider,
  ActiveSessionsSection,
  LogoutAllCard,
  SessionRow,
  createFetchSessionsClient,
  type Session,
  type SessionsClient,
} from '../../src';

declare const url: string | undefined;
declare const timeoutMs: number | undefined;
declare const locale: string | undefined;
declare const onSignedOut: ((result: { completesBy?: string | undefined }) => void) | undefined;
declare const client: SessionsClient;
declare const session: Session;
declare const now: number | undefined;

export const options = createFetchSessionsClient({
  baseUrl: '/api',
  timeoutMs,
  headers: undefined,
  credentials: undefined,
  fetch: undefined,
  csrfCookie: undefined,
});
export const named = createFetchSessionsClient({ baseUrl: '/api', csrfCookie: 'XSRF-TOKEN' });
export const off = createFetchSessionsClient({ baseUrl: '/api', csrfCookie: false });

export const section = createElement(ActiveSessionsSection, {
  client,
  links: { support: url, changePassword: url, signInMethods: undefined },
  locale,
  strings: undefined,
  onSignedOut,
  onUnauthorized: undefined,
  queryClient: undefined,
  dir: undefined,
  headingLevel: undefined,
  className: undefined,
});
export const provider = createElement(ActiveSessionsProvider, { client, links: { support: url }, locale }, null);
export const row = createElement(SessionRow, { session, now, error: undefined, onLogOut: undefined, state: undefined });
export const card = createElement(LogoutAllCard, {
  onConfirm: () => {},
  completesBy: undefined,
  error: undefined,
  sessionCount: undefined,
});

// A custom client may hand back details that are missing.
export const partial: Session = { ...session, device: { browser: url, os: undefined }, signedInAt: url, location: undefined };

// @ts-expect-error the section needs a client (inside an ActiveSessionsProvider, its parts take the provider's)
export const withoutClient = createElement(ActiveSessionsSection, { locale: 'en' });
