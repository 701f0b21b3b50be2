import { useEffect, useId, useRef, useState } from 'react';
import type { SessionsClientError } from '../client/errors';
import type { LogOutAllState } from '../hooks/useActiveSessions';
import { Button } from './Button';
import { LogoutAllDialog } from './lazy';
import { useTranslator } from '../hooks/useTranslator';

/** Props of `LogoutAllCard`. */
export type LogoutAllCardProps = {
  /** Where Log out of all sessions is. @default 'idle' */
  state?: LogOutAllState | undefined;
  /** Why it failed, shown inside the modal. */
  error?: SessionsClientError | null | undefined;
  /** When the server expects every session to be gone. */
  completesBy?: string | undefined;
  /** How many sessions will end, for the modal's text. */
  sessionCount?: number | undefined;
  /** Whether the host's re-authentication prompt is open (B16): the modal steps aside meanwhile. @default false */
  isReauthenticating?: boolean | undefined;
  /** Called when the reader confirms "Log out of all devices". */
  onConfirm: () => void;
  /** Whether the confirmation is open, for a host (or the B14 next steps) that opens it from elsewhere. @default uncontrolled */
  open?: boolean | undefined;
  /** Called when the confirmation opens or closes. */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Extra class names for the card (`<section>`), after the package's own. */
  className?: string | undefined;
};

/** B6: "Log out of all sessions" with "Log out all", confirmed by "Log out of all devices". */
export function LogoutAllCard({
  state = 'idle',
  error,
  completesBy,
  sessionCount = 1,
  isReauthenticating = false,
  onConfirm,
  className,
  ...props
}: LogoutAllCardProps) {
  const { t } = useTranslator();
  const [ownOpen, setOwnOpen] = useState(false);
  const open = props.open ?? ownOpen;
  const setOpen = (isOpen: boolean) => {
    setOwnOpen(isOpen);
    props.onOpenChange?.(isOpen);
  };
  const triggerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const isDone = state === 'done';
  // B16: an attempt that goes from pending back to idle was cancelled (re-authentication declined): the
  // modal closes as if the reader had cancelled it.
  const [lastState, setLastState] = useState(state);
  const [isCancelled, setIsCancelled] = useState(false);
  if (state !== lastState) {
    setLastState(state);
    const cancelled = lastState === 'pending' && state === 'idle';
    setIsCancelled(cancelled);
    if (cancelled) setOwnOpen(false);
  }
  // A host that controls `open` hears of it after the render, never during it.
  const { onOpenChange } = props;
  useEffect(() => {
    if (isCancelled) onOpenChange?.(false);
  }, [isCancelled, onOpenChange]);

  return (
    <section
      className={['fpas-card', className].filter(Boolean).join(' ')}
      data-slot="logout-all-card"
      data-state={state}
      aria-labelledby={titleId}
    >
      <div className="fpas-card__text">
        <h3 id={titleId} className="fpas-card__title">
          {t('logOutAll.title')}
        </h3>
        <p className="fpas-card__body">{t('logOutAll.body')}</p>
        {isDone && (
          <p ref={doneRef} tabIndex={-1} className="fpas-notice fpas-notice--success" data-slot="logout-all-done">
            {completesBy ? t('logOutAll.done.by', { time: new Date(completesBy) }) : t('logOutAll.done')}
          </p>
        )}
      </div>
      {!isDone && (
        <Button
          ref={triggerRef}
          tone="danger"
          aria-haspopup="dialog"
          aria-expanded={open}
          onPointerEnter={() => void LogoutAllDialog.preload()}
          onFocus={() => void LogoutAllDialog.preload()}
          onClick={() => setOpen(true)}
        >
          {t('logOutAll.button')}
        </Button>
      )}
      <LogoutAllDialog
        open={open && !isDone && !isReauthenticating}
        onOpenChange={setOpen}
        state={state}
        error={error}
        sessionCount={sessionCount}
        onConfirm={onConfirm}
        onCloseAutoFocus={(event) => {
          // B16: the host's prompt takes focus while the modal steps aside.
          if (isReauthenticating) return event.preventDefault();
          event.preventDefault();
          // The trigger is gone once every session is ending: focus the outcome, not the page.
          (isDone ? doneRef.current : triggerRef.current)?.focus();
        }}
      />
    </section>
  );
}
