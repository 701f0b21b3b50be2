import type { SessionsClientError } from '../client/errors';
import type { LogOutAllState } from '../hooks/useActiveSessions';
import { ConfirmDialog } from './ConfirmDialog';
import { useTranslator } from '../hooks/useTranslator';
import { failureMessage } from '../i18n/failureMessage';
import enActions from '../i18n/messages/en.actions.json';

/** Props of `LogoutAllDialog`. */
export type LogoutAllDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where Log out of all sessions is. */
  state: LogOutAllState;
  /** Why it failed, shown inside the dialog. */
  error?: SessionsClientError | null | undefined;
  /** How many sessions will end, for the dialog's text. */
  sessionCount: number;
  onConfirm: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

/** B6's confirmation, "Log out of all devices": loaded on demand by `LogoutAllCard`. */
export function LogoutAllDialog({ state, error, sessionCount, ...props }: LogoutAllDialogProps) {
  const translator = useTranslator(enActions);
  const { t } = translator;
  return (
    <ConfirmDialog
      {...props}
      slot="logout-all-modal"
      title={t('logOutAll.modal.title')}
      description={t('logOutAll.modal.body', { count: Math.max(1, sessionCount) })}
      confirmLabel={t('logOutAll.confirm')}
      pendingLabel={t('logOutAll.pending')}
      cancelLabel={t('logOutAll.cancel')}
      isPending={state === 'pending'}
      error={state === 'failed' ? failureMessage(error, translator) : undefined}
    />
  );
}
