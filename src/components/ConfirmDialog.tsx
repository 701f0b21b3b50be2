import * as Dialog from '@radix-ui/react-dialog';
import { useContext, type ReactNode } from 'react';
import { Button } from './Button';
import { PortalContainerContext } from './PortalContainer';

/** Props of `ConfirmDialog`. */
export type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  isPending: boolean;
  /** A localized failure shown inside the dialog, which stays usable. */
  error?: string | undefined;
  onConfirm: () => void;
  /** Where focus goes once the dialog closes; by default back to what opened it. */
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
  /** The element that opens it, when it is a trigger of its own. */
  trigger?: ReactNode | undefined;
  className?: string | undefined;
  slot: string;
};

/** The one destructive-confirmation dialog both logout flows use: Radix traps focus, Esc and outside clicks cancel. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const container = useContext(PortalContainerContext);
  const { open, onOpenChange, isPending, error } = props;
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {props.trigger && <Dialog.Trigger asChild>{props.trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container ?? undefined}>
        <Dialog.Overlay className="fpas-theme fpas-overlay" data-slot="dialog-overlay" />
        <Dialog.Content
          className={['fpas-theme fpas-dialog', props.className].filter(Boolean).join(' ')}
          data-slot={props.slot}
          onCloseAutoFocus={props.onCloseAutoFocus}
        >
          <Dialog.Title className="fpas-dialog__title">{props.title}</Dialog.Title>
          <Dialog.Description className="fpas-dialog__body">{props.description}</Dialog.Description>
          {error && (
            <p role="alert" className="fpas-notice fpas-notice--danger" data-slot="dialog-error">
              {error}
            </p>
          )}
          <div className="fpas-dialog__actions">
            <Dialog.Close asChild>
              <Button tone="quiet">{props.cancelLabel}</Button>
            </Dialog.Close>
            <Button tone="danger" isPending={isPending} onClick={props.onConfirm} aria-live="polite">
              {isPending ? props.pendingLabel : props.confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
