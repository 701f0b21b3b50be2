import { useId, useRef, useState } from 'react';
import type { SessionsClientError } from '../client/errors';
import type { LogOutAllState } from '../hooks/useActiveSessions';
import { Button } from './Button';
import { ConfirmDialog } from './ConfirmDialog';
import { failureMessage, useTranslator } from './i18n';

/** Props of `LogoutAllCard`. */
export type LogoutAllCardProps = {
  /** Where Log out of all sessions is. @default 'idle' */
  state?: LogOutAllState;
  /** Why it failed, shown inside the modal. */
  error?: SessionsClientError | null;
  /** When the server expects every session to be gone. */
  completesBy?: string;
  /** How many sessions will end, for the modal's text. */
  sessionCount?: number;
  /** Called when the reader confirms "Log out of all devices". */
  onConfirm: () => void;
  /** Extra class names for the card (`<section>`), after the package's own. */
  className?: string;
};

/** B6: "Log out of all sessions" with "Log out all", confirmed by "Log out of all devices". */
export function LogoutAllCard({ state = 'idle', error, completesBy, sessionCount = 1, onConfirm, className }: LogoutAllCardProps) {
  const translator = useTranslator();
  const { t } = translator;
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const isDone = state === 'done';

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
      <ConfirmDialog
        open={open && !isDone}
        onOpenChange={setOpen}
        slot="logout-all-modal"
        trigger={isDone ? undefined : <Button tone="danger">{t('logOutAll.button')}</Button>}
        title={t('logOutAll.modal.title')}
        description={t('logOutAll.modal.body', { count: Math.max(1, sessionCount) })}
        confirmLabel={t('logOutAll.confirm')}
        pendingLabel={t('logOutAll.pending')}
        cancelLabel={t('logOutAll.cancel')}
        isPending={state === 'pending'}
        error={state === 'failed' ? failureMessage(error, translator) : undefined}
        onConfirm={onConfirm}
        onCloseAutoFocus={(event) => {
          // The trigger is gone once every session is ending: focus the outcome, not the page.
          if (!isDone) return;
          event.preventDefault();
          doneRef.current?.focus();
        }}
      />
    </section>
  );
}
