import type { Session } from '../client/types';
import type { SessionsClientError } from '../client/errors';
import { deviceLabel } from '../i18n/details';
import { ConfirmDialog } from './ConfirmDialog';
import { useTranslator } from '../hooks/useTranslator';
import enActions from '../i18n/messages/en.actions.json';
import { failureMessage } from '../i18n/failureMessage';

/** Props of `UnrecognizedSessionDialog`. */
export type UnrecognizedSessionDialogProps = {
  /** Whether the dialog is open. */
  open: boolean;
  /** Called with `false` on Cancel, Esc or a click outside: nothing is logged out (B14). */
  onOpenChange: (open: boolean) => void;
  /** The session the reader does not recognize; its device is named in the text. */
  session: Session | null;
  /** Called when the reader confirms "Log out and secure account". */
  onConfirm: () => void;
  /** Whether the logout is under way. @default false */
  pending?: boolean | undefined;
  /** Why the logout failed, shown inside the dialog, which stays usable (as in B4). */
  error?: SessionsClientError | null | undefined;
  /** Where focus goes once it closes. @default back to what opened it */
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  className?: string | undefined;
};

/** B14: "Secure your account" — logs out a session the reader does not recognize and removes it from trusted devices. */
export function UnrecognizedSessionDialog({ session, pending = false, error, ...props }: UnrecognizedSessionDialogProps) {
  const translator = useTranslator(enActions);
  const { t } = translator;
  const device = session ? deviceLabel(session, translator) : '';
  return (
    <ConfirmDialog
      {...props}
      open={props.open && session !== null}
      slot="unrecognized-dialog"
      title={t('unrecognized.title')}
      description={session?.isTrusted ? t('unrecognized.body.trusted', { device }) : t('unrecognized.body', { device })}
      confirmLabel={t('unrecognized.confirm')}
      pendingLabel={t('unrecognized.pending')}
      cancelLabel={t('unrecognized.cancel')}
      isPending={pending}
      error={error ? failureMessage(error, translator) : undefined}
    />
  );
}
