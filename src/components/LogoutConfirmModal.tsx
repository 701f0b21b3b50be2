import type { Session } from '../client/types';
import type { SessionsClientError } from '../client/errors';
import { deviceLabel } from '../i18n/details';
import { ConfirmDialog } from './ConfirmDialog';
import { useTranslator } from '../hooks/useTranslator';
import { failureMessage } from '../i18n/failureMessage';
import enActions from '../i18n/messages/en.actions.json';

/** Props of `LogoutConfirmModal`. */
export type LogoutConfirmModalProps = {
  /** Whether the modal is open. */
  open: boolean;
  /** Called with `false` on Cancel, Esc or a click outside: nothing is logged out (B4). */
  onOpenChange: (open: boolean) => void;
  /** The session being ended; its device names the modal. */
  session: Session | null;
  /** Called when the reader confirms. */
  onConfirm: () => void;
  /** Whether the logout is under way: the confirm button shows progress and ignores presses. @default false */
  pending?: boolean | undefined;
  /** Why the logout failed, shown inside the modal, which stays usable. */
  error?: SessionsClientError | null | undefined;
  /** Where focus goes once it closes. @default back to what opened it */
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  /** Extra class names for the modal, after the package's own. */
  className?: string | undefined;
};

/** B4: confirms logging out one session; a trusted device's confirm reads "Log out and remove". */
export function LogoutConfirmModal({ session, pending = false, error, ...props }: LogoutConfirmModalProps) {
  const translator = useTranslator(enActions);
  const { t } = translator;
  const device = session ? deviceLabel(session, translator) : '';
  const isTrusted = session?.isTrusted ?? false;
  return (
    <ConfirmDialog
      {...props}
      open={props.open && session !== null}
      slot="logout-modal"
      title={t('logOut.title', { device })}
      description={isTrusted ? t('logOut.body.trusted', { device }) : t('logOut.body', { device })}
      confirmLabel={isTrusted ? t('logOut.confirm.trusted') : t('logOut.confirm')}
      pendingLabel={t('logOut.pending')}
      cancelLabel={t('logOut.cancel')}
      isPending={pending}
      error={error ? failureMessage(error, translator) : undefined}
    />
  );
}
