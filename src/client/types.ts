/** The first-party apps a row can span; any other id is still shown, under a generic label. */
export type KnownApp = 'chatgpt' | 'codex' | 'api_platform';

/** One signed-in browser or first-party app session, as the library works with it. */
export type Session = {
  /** Opaque id used to log the session out. */
  id: string;
  /** Whether this is the session the reader is using now (B3). */
  isCurrent: boolean;
  /** Whether the device is a trusted device; logging it out also removes it from trusted devices (B4). */
  isTrusted: boolean;
  /** `unavailable` rows cannot be logged out one by one (B5). */
  status: 'active' | 'unavailable';
  /** First-party app ids, e.g. `chatgpt`, `codex`, `api_platform`, or any other id. */
  apps: string[];
  /** Device details, each optional (B2). */
  device?:
    { browser?: string | undefined; os?: string | undefined; type?: 'desktop' | 'mobile' | 'tablet' | 'app' | undefined } | undefined;
  /** Approximate location, each part optional (B2). */
  location?: { city?: string | undefined; region?: string | undefined; country?: string | undefined } | undefined;
  /** Sign-in time, ISO 8601. */
  signedInAt?: string | undefined;
  /** When the row's device was last in use, ISO 8601 (B12); the server may record it coarsely. */
  lastActiveAt?: string | undefined;
};

/** What listing sessions returns: the sessions, or why the feature is not available (B7). */
export type SessionsResult =
  | {
      availability: 'available';
      sessions: Session[];
      /** How many rows of the response were malformed and left out (they are not silently lost: the section says so). @default 0 */
      skipped?: number | undefined;
    }
  | { availability: 'unavailable'; reason: 'sso' | 'not_supported' };

/** The API the library talks to; inject your own or use `createFetchSessionsClient`. */
export interface SessionsClient {
  /** Lists the account's active sessions. */
  listSessions(init: { signal: AbortSignal }): Promise<SessionsResult>;
  /** Logs out one session (`reason: 'unrecognized'` when the reader did not recognize it, B14); resolves when the server accepted it (or it was already gone). */
  logOutSession(
    id: string,
    init: { removeTrustedDevice: boolean; reason?: 'unrecognized' | undefined; signal?: AbortSignal | undefined },
  ): Promise<void>;
  /** Logs out every session, the current one included (B6). */
  logOutAllSessions(init?: { signal?: AbortSignal | undefined }): Promise<{ completesBy?: string | undefined }>;
}
