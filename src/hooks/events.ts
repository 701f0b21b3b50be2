import type { SessionsErrorCode } from '../client/errors';

/** What the section tells the host, for its audit log and analytics (B15): ids and codes only, never device names or places. */
export type ActiveSessionsEvent =
  | { type: 'session_logged_out'; sessionId: string; removedTrustedDevice: boolean; reason?: 'unrecognized' }
  | { type: 'session_logout_failed'; sessionId: string; code: SessionsErrorCode }
  | { type: 'all_sessions_logged_out'; completesBy?: string }
  | { type: 'all_sessions_logout_failed'; code: SessionsErrorCode }
  | { type: 'list_failed'; code: SessionsErrorCode }
  | { type: 'reauthentication_requested'; action: 'log_out' | 'log_out_all' };

/** Tells the host of one outcome; never throws. */
export type EmitEvent = (event: ActiveSessionsEvent) => void;

function report(error: unknown) {
  console.error('[active-sessions] onEvent threw:', error);
}

/**
 * B15: calls the host's latest `onEvent` with one event. A handler that throws (or returns a promise
 * that rejects) is reported to `console.error` and never breaks the section.
 */
export function createEmitter(handler: () => ((event: ActiveSessionsEvent) => unknown) | undefined): EmitEvent {
  return (event) => {
    const onEvent = handler();
    if (!onEvent) return;
    try {
      const result = onEvent(event);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  };
}

/**
 * B15: emits once per outcome object (e.g. the failed list's error), however many hooks render it and
 * however often: StrictMode runs effects twice, and the section and its list each read the same query.
 */
export function createOnceEmitter(emit: EmitEvent): (outcome: object, event: ActiveSessionsEvent) => void {
  const seen = new WeakSet<object>();
  return (outcome, event) => {
    if (seen.has(outcome)) return;
    seen.add(outcome);
    emit(event);
  };
}
