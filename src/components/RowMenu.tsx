import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useContext, useRef, type ComponentPropsWithoutRef } from 'react';
import { Button } from './Button';
import { PortalContainerContext } from './PortalContainer';

/** Props of `RowMenu`. */
export type RowMenuProps = {
  /** The trigger's props: its accessible name, its look. */
  trigger: ComponentPropsWithoutRef<typeof Button>;
  /** The Log out item's text and accessible name. */
  itemText: string;
  itemLabel: string;
  /** Whether the item ignores presses, while a logout runs. */
  isItemDisabled: boolean;
  onLogOut?: (() => void) | undefined;
  /** The "Don't recognize it?" item (B14), when the row offers it. */
  unrecognized?: { text: string; label: string; onSelect?: (() => void) | undefined } | undefined;
  /** Whether the keyboard opened it: focus then goes to its first item, as Radix does for its own trigger. */
  isOpenedByKeyboard: boolean;
};

/**
 * A row's actions in narrow containers: Radix's menu, loaded on demand by `SessionRow`. It mounts open,
 * replacing the plain trigger the first paint shows, and stays for the row's life.
 */
export function RowMenu({ trigger, itemText, itemLabel, isItemDisabled, onLogOut, unrecognized, isOpenedByKeyboard }: RowMenuProps) {
  const portal = useContext(PortalContainerContext);
  const item = useRef<HTMLDivElement>(null);
  const focusItem = useRef(isOpenedByKeyboard);
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger asChild>
        <Button {...trigger} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal container={portal ?? undefined}>
        <DropdownMenu.Content
          className="fpas-theme fpas-menu"
          align="end"
          sideOffset={4}
          data-slot="row-menu"
          onFocus={(event) => {
            // Radix moves focus on to the first item only when it saw the key press, which came before
            // this mounted: the first time, when the menu itself takes focus, do it here.
            if (!focusItem.current || event.target !== event.currentTarget) return;
            focusItem.current = false;
            item.current?.focus();
          }}
        >
          <DropdownMenu.Item ref={item} className="fpas-menu__item" disabled={isItemDisabled} onSelect={onLogOut} aria-label={itemLabel}>
            {itemText}
          </DropdownMenu.Item>
          {unrecognized && (
            <DropdownMenu.Item
              className="fpas-menu__item fpas-menu__item--quiet"
              disabled={isItemDisabled}
              onSelect={unrecognized.onSelect}
              aria-label={unrecognized.label}
            >
              {unrecognized.text}
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
