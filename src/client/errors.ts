/** Why a call to the sessions API failed; each code has its own localized message (`failure.<code>`). */
export type SessionsErrorCode =
  | 'network'
  | 'timeout'
  | 'server'
  | 'malformed'
  | 'unauthorized'
  | 'refused'
  | 'aborted'
  // B16: the server wants a recent sign-in before it ends sessions.
  | 'reauthentication_required'
  // The server refused a state-changing call for a missing or stale CSRF token (403 `csrf`): reloading the page helps.
  | 'csrf'
  // A request to another origin failed in the browser, most often blocked by CORS: serve the API on the page's origin or proxy it.
  | 'blocked';

/** The one error type every `SessionsClient` call rejects with, so the UI can explain it. */
export class SessionsClientError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: SessionsErrorCode;
  /** The HTTP status, when there was a response. */
  readonly status?: number | undefined;

  constructor(code: SessionsErrorCode, message: string, options?: { status?: number | undefined; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'SessionsClientError';
    this.code = code;
    this.status = options?.status;
  }
}

/** Turns anything a client threw into a `SessionsClientError`, so a custom client cannot break the UI. */
export function toSessionsError(error: unknown): SessionsClientError {
  if (error instanceof SessionsClientError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new SessionsClientError('aborted', 'The request was cancelled.', { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new SessionsClientError('timeout', 'The server took too long to answer.', { cause: error });
  }
  return new SessionsClientError('network', `The request failed: ${messageOf(error)}`, { cause: error });
}

// String() throws on a null-prototype object or a throwing toString; describing a failure must not fail.
export function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unreadable error value';
  }
}

/** Whether trying the same call again may help. */
export function isRetryable(error: unknown): boolean {
  const code = toSessionsError(error).code;
  return code === 'network' || code === 'timeout' || code === 'server';
}
