import { SessionsClientError, toSessionsError } from '../client/errors';

/** Which call asked for a recent sign-in (B16). */
export type ReauthenticationAction = 'log_out' | 'log_out_all';

/** Runs a state-changing call under B16's rule; one per provider, shared by every row and the card. */
export type ReauthenticationGuard = {
  /** Sends `send()`; on `reauthentication_required` asks the host once and, on `true`, sends the same call once more. */
  run: <T>(action: ReauthenticationAction, send: () => Promise<T>) => Promise<T>;
  /** Whether the host's prompt is open now. */
  isPrompting: () => boolean;
  /** Tells `listener` when the prompt opens or closes; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
};

type GuardOptions = {
  /** The host's `onReauthenticate`, read when it is needed (the latest prop). */
  reauthenticate: () => (() => Promise<boolean>) | undefined;
  /** Called right before the host's prompt is asked for: where B15's `reauthentication_requested` event fires. */
  onRequested: (action: ReauthenticationAction) => void;
};

// Marks the error a declined prompt ends with: `aborted`, so the row or card goes back to idle (as a
// cancelled call does), and the hook can tell it from a logout cancelled by unmounting.
const declined = new WeakSet<Error>();

/** Whether `error` ends a call whose re-authentication the reader declined (B16: quietly, nothing changed). */
export function isDeclinedReauthentication(error: unknown): boolean {
  return error instanceof Error && declined.has(error);
}

/** The B16 guard of one provider. */
export function createReauthenticationGuard({ reauthenticate, onRequested }: GuardOptions): ReauthenticationGuard {
  const listeners = new Set<() => void>();
  // One prompt at a time: a second call that needs it meanwhile waits for the same answer.
  let prompt: Promise<boolean> | null = null;

  function setPrompt(next: Promise<boolean> | null) {
    prompt = next;
    for (const listener of listeners) listener();
  }

  async function ask(action: ReauthenticationAction, handler: () => Promise<boolean>): Promise<boolean> {
    onRequested(action);
    if (!prompt) {
      const answer = (async () => {
        try {
          // Only `true` counts: a handler resolving anything else did not confirm the reader.
          return (await handler()) === true;
        } finally {
          setPrompt(null);
        }
      })();
      setPrompt(answer);
    }
    return prompt!;
  }

  return {
    async run(action, send) {
      try {
        return await send();
      } catch (error) {
        const failure = toSessionsError(error);
        const handler = reauthenticate();
        // Without a handler the call fails with this code: its message asks the reader to sign in again.
        if (failure.code !== 'reauthentication_required' || !handler) throw failure;
        let confirmed: boolean;
        try {
          confirmed = await ask(action, handler);
        } catch (problem) {
          // A prompt that broke is not the reader saying no: fail with the sign-in-again message, never silently.
          console.error('@firstparty/active-sessions: onReauthenticate threw; the call was not repeated.', problem);
          throw failure;
        }
        if (!confirmed) {
          const quiet = new SessionsClientError('aborted', 'Re-authentication was declined; nothing was sent again.', { cause: failure });
          declined.add(quiet);
          throw quiet;
        }
        // B16: the same call exactly once more; whatever it answers (even 403 again) is final. Never a loop.
        return await send();
      }
    },
    isPrompting: () => prompt !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
