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

/** The two confirmations of ending one session, alike but for their words and slot. */
type Kind = 'logOut' | 'unrecognized';
const SLOTS: Record<Kind, string> = { logOut: 'logout-modal', unrecognized: 'unrecognized-dialog' };

function SessionConfirmDialog({ kind, session, pending = false, error, ...props }: LogoutConfirmModalProps & { kind: Kind }) {
  const translator = useTranslator(enActions);
  const { t } = translator;
  const device = session ? deviceLabel(session, translator) : '';
  const isTrusted = session?.isTrusted ?? false;
  return (
    <ConfirmDialog
      {...props}
      open={props.open && session !== null}
      slot={SLOTS[kind]}
      title={t(`${kind}.title`, { device })}
      description={t(isTrusted ? `${kind}.body.trusted` : `${kind}.body`, { device })}
      // Only B4's confirm says "Log out and remove" for a trusted device; B14's always names what it does.
      confirmLabel={t(isTrusted && kind === 'logOut' ? 'logOut.confirm.trusted' : `${kind}.confirm`)}
      pendingLabel={t(`${kind}.pending`)}
      cancelLabel={t(`${kind}.cancel`)}
      isPending={pending}
      error={error ? failureMessage(error, translator) : undefined}
    />
  );
}

/** B4: confirms logging out one session; a trusted device's confirm reads "Log out and remove". */
export function LogoutConfirmModal(props: LogoutConfirmModalProps) {
  return <SessionConfirmDialog kind="logOut" {...props} />;
}

/**
 * B14: "Secure your account" — logs out a session the reader does not recognize and removes it from
 * trusted devices. Cancel, Esc or a click outside log nothing out; a failure shows inside, as in B4.
 */
export function UnrecognizedSessionDialog(props: LogoutConfirmModalProps) {
  return <SessionConfirmDialog kind="unrecognized" {...props} />;
}
