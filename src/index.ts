export { createFetchSessionsClient } from './client/createFetchSessionsClient';
export type { FetchSessionsClientOptions } from './client/createFetchSessionsClient';
export { SessionsClientError } from './client/errors';
export type { SessionsErrorCode } from './client/errors';
export type { Session, SessionsResult, SessionsClient, KnownApp } from './client/types';
export type { RowState } from './core/sessions';

export { ActiveSessionsProvider } from './hooks/ActiveSessionsProvider';
export type { ActiveSessionsProviderProps, ActiveSessionsLinks } from './hooks/ActiveSessionsProvider';
export { useActiveSessions } from './hooks/useActiveSessions';
export type {
  UseActiveSessionsResult,
  SessionRowModel,
  LogOutResult,
  LogOutAllResult,
  LogOutAllState,
} from './hooks/useActiveSessions';
export { sessionsKeys, sessionsQueryOptions } from './hooks/queries';

export type { Catalog, MessageKey } from './i18n/translator';
