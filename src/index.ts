export { createFetchSessionsClient } from './client/createFetchSessionsClient';
export type { FetchSessionsClientOptions } from './client/createFetchSessionsClient';
export { SessionsClientError } from './client/errors';
export type { SessionsErrorCode } from './client/errors';
export type { Session, SessionsResult, SessionsClient, KnownApp } from './client/types';
export type { RowState } from './core/sessions';

export { ActiveSessionsProvider } from './hooks/ActiveSessionsProvider';
export type { ActiveSessionsProviderProps, ActiveSessionsLinks } from './hooks/ActiveSessionsProvider';
export { useActiveSessions } from './hooks/useActiveSessions';
export { prefetchActiveSessions } from './hooks/queries';
export { useSessionLabels } from './hooks/useSessionLabels';
export type { UseSessionLabelsResult } from './hooks/useSessionLabels';
export { sessionLabels } from './i18n/labels';
export type { SessionLabels, TimeLabel } from './i18n/labels';
export type {
  UseActiveSessionsResult,
  SessionRowModel,
  LogOutResult,
  LogOutAllResult,
  LogOutAllState,
  LogOutOptions,
} from './hooks/useActiveSessions';
export type { ActiveSessionsEvent } from './hooks/events';

export type { Catalog, MessageKey } from './i18n/translator';
export { createTranslator } from './i18n/translator';
export type { Translator, Translate } from './i18n/translator';

export { ActiveSessionsSection } from './components/ActiveSessionsSection';
export type { ActiveSessionsSectionProps } from './components/ActiveSessionsSection';
export { ActiveSessionsList } from './components/ActiveSessionsList';
export type { ActiveSessionsListProps } from './components/ActiveSessionsList';
export { SessionRow, sessionRowVariants, badgeVariants } from './components/SessionRow';
export type { SessionRowProps } from './components/SessionRow';
export { LogoutConfirmModal } from './components/lazy';
export type { LogoutConfirmModalProps } from './components/LogoutConfirmModal';
export { LogoutAllCard } from './components/LogoutAllCard';
export type { LogoutAllCardProps } from './components/LogoutAllCard';
export { buttonVariants } from './components/Button';

// Catalogs by locale code: plain objects of ICU messages, each its own module so unused ones shake out.
// English is whole here; the section's own fallback keeps the dialogs' messages in their chunk.
export { en } from './i18n/en';
export { default as pl } from './i18n/messages/pl.json';
export { default as de } from './i18n/messages/de.json';
export { default as ja } from './i18n/messages/ja.json';
export { default as ar } from './i18n/messages/ar.json';
export { default as pseudo } from './i18n/messages/pseudo.json';
