import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ActiveSessionsSectionProps } from '../../src';
import type { MockedApi } from './api';
import { MockedSection } from './MockedSection';

/**
 * A host's own re-authentication prompt (B16), as a product would show it: a native modal dialog with a
 * Password field. The stories' mocked server does not check the password; any text passes.
 */
export function HostPrompt({ onDone }: { onDone: (isConfirmed: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  function confirm(event: FormEvent) {
    event.preventDefault();
    onDone(true);
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby="host-prompt-title"
      onCancel={(event) => {
        event.preventDefault();
        onDone(false);
      }}
      style={{ padding: 24, borderRadius: 8, border: '1px solid #8886', fontFamily: 'system-ui, sans-serif' }}
    >
      <form onSubmit={confirm} style={{ display: 'grid', gap: 12 }}>
        <h2 id="host-prompt-title" style={{ margin: 0, fontSize: 18 }}>
          Confirm it’s you
        </h2>
        <p style={{ margin: 0 }}>Enter your password to continue.</p>
        <label htmlFor="host-prompt-password">Password</label>
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opens to ask for the password: its only field takes focus */}
        <input id="host-prompt-password" type="password" autoComplete="current-password" required autoFocus />
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <button type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button type="submit">Confirm</button>
        </div>
      </form>
    </dialog>
  );
}

/** The section over a story's API, with the host's prompt answering `onReauthenticate`. */
export function PromptedSection({ api, ...props }: Omit<ActiveSessionsSectionProps, 'client'> & { api: MockedApi }) {
  const [answer, setAnswer] = useState<((isConfirmed: boolean) => void) | null>(null);
  return (
    <>
      <MockedSection
        {...props}
        api={api}
        onReauthenticate={() => {
          // The story's own `onReauthenticate` arg is an action: it records each prompt asked for.
          void props.onReauthenticate?.();
          return new Promise<boolean>((resolve) => setAnswer(() => resolve));
        }}
      />
      {answer && (
        <HostPrompt
          onDone={(isConfirmed) => {
            setAnswer(null);
            answer(isConfirmed);
          }}
        />
      )}
    </>
  );
}
