import { cva } from 'class-variance-authority';
import { forwardRef, memo, useState, type Ref } from 'react';
import type { Session } from '../client/types';
import type { SessionsClientError } from '../client/errors';
import type { RowState } from '../core/sessions';
import { describeSession } from '../i18n/details';
import { signedInText } from '../i18n/labels';
import { useHydrated } from '../hooks/useHydrated';
import { Button } from './Button';
import { LogoutConfirmModal, RowMenu, UnrecognizedSessionDialog, useLoaded } from './lazy';
import type { RowMenuProps } from './RowMenu';
import { useTranslator } from '../hooks/useTranslator';
import { failureMessage } from '../i18n/failureMessage';

/** Row looks: the current session stands out; each logout state has its own tone. */
export const sessionRowVariants = cva('fpas-row', {
  variants: {
    current: { true: 'fpas-row--current', false: '' },
    state: { idle: '', 'logging-out': 'fpas-row--busy', failed: 'fpas-row--failed', 'signing-out': 'fpas-row--signing-out' },
  },
  defaultVariants: { current: false, state: 'idle' },
});

/** Badge looks, by meaning. */
export const badgeVariants = cva('fpas-badge', {
  variants: {
    tone: { neutral: '', current: 'fpas-badge--current', trusted: 'fpas-badge--trusted', app: 'fpas-badge--app', new: 'fpas-badge--new' },
  },
  defaultVariants: { tone: 'neutral' },
});

/** Props of `SessionRow`. */
export type SessionRowProps = {
  /** The session this row shows. */
  session: Session;
  /** Where its logout is. @default 'idle' */
  state?: RowState | undefined;
  /** Whether Log out is offered; never on the current or a status-unavailable row (B3, B5). @default false */
  canLogOut?: boolean | undefined;
  /** Why the last logout failed, when `state` is `failed`. */
  error?: SessionsClientError | null | undefined;
  /** Called when the reader chooses Log out (the confirmation comes next, B4). */
  onLogOut?: (() => void) | undefined;
  /** Called when the reader chooses "Don't recognize it?" (B14); offered beside Log out only when given. */
  onUnrecognized?: (() => void) | undefined;
  /** Whether the row reads "Active now" (B12): the hook's `isActiveNow`. @default true for the current session only */
  isActiveNow?: boolean | undefined;
  /** Whether the row carries the "New sign-in" badge (B13): the hook's `isNew`. @default false */
  isNew?: boolean | undefined;
  /** How the actions show: a Log out button, or a menu for narrow containers. @default 'button' */
  actions?: 'button' | 'menu' | undefined;
  /** The time relative hints are measured from; pass one when rendering on the server, so hydration matches. @default Date.now() */
  now?: number | undefined;
  /** Extra class names for the row (`<li>`), after the package's own. */
  className?: string | undefined;
  /** The row's `<li>`. */
  ref?: Ref<HTMLLIElement> | undefined;
};

/** One session: device, apps, approximate place, sign-in and last-active times, badges, status and its actions (B1–B5, B9, B12–B14). */
export const SessionRow = memo(
  // forwardRef, not a `ref` prop, so React 18 passes the ref too.
  forwardRef<HTMLLIElement, Omit<SessionRowProps, 'ref'>>(function SessionRow(
    {
      session,
      state = 'idle',
      canLogOut = false,
      error,
      onLogOut,
      onUnrecognized,
      isActiveNow,
      isNew = false,
      actions = 'button',
      now,
      className,
    },
    ref,
  ) {
    const translator = useTranslator();
    const { t } = translator;
    // Server HTML shows UTC, and hydration must match it; the reader's zone comes right after.
    const details = describeSession(session, translator, now, !useHydrated(), isActiveNow);
    const isCurrent = session.isCurrent;
    const isUnavailable = session.status === 'unavailable';
    // Log out stays visible, pending, while the logout runs, so focus and layout do not jump.
    const showLogOut = !isCurrent && !isUnavailable && (canLogOut || state === 'logging-out');
    // The visible text is always "Log out", so the accessible name starts with it (WCAG 2.5.3); progress
    // and failure are told in the row's status line.
    const logOutLabel = t('row.logOut.label', { device: details.device });
    // B14: offered wherever Log out is; its name starts with its visible text, like Log out's.
    const unrecognizedLabel = onUnrecognized && t('row.unrecognized.label', { device: details.device });
    const separator = t('row.location.separator');
    const signedIn = details.signedIn && signedInText(details.signedIn, translator);
    const status = isUnavailable
      ? t('row.status.unavailable')
      : state === 'logging-out'
        ? t('row.status.loggingOut')
        : state === 'signing-out'
          ? t('row.status.signingOut')
          : state === 'failed' && t('row.status.failed');
    // The row as one phrase, for a screen reader that lands on it (focus does, after "Show more" or a
    // logout): the badges and apps would otherwise run into each other with no pause.
    const label = [
      details.device,
      isCurrent && t('row.current'),
      session.isTrusted && t('row.trusted'),
      isNew && t('row.new'),
      details.apps[0] && `${t('row.apps.label')} ${details.apps.join(separator)}`,
      details.location,
      signedIn,
      details.lastActive?.text,
      status,
    ]
      .filter(Boolean)
      .join(separator);

    return (
      <li
        ref={ref}
        tabIndex={-1}
        aria-label={label}
        data-slot="session-row"
        data-state={state}
        data-current={isCurrent || undefined}
        data-trusted={session.isTrusted || undefined}
        data-new={isNew || undefined}
        data-status={session.status}
        data-device={session.device?.type ?? 'unknown'}
        className={sessionRowVariants({ current: isCurrent, state, className })}
      >
        <div className="fpas-row__body">
          <p className="fpas-row__title">
            <bdi className="fpas-row__device">{details.device}</bdi>
            {isCurrent && <span className={badgeVariants({ tone: 'current' })}>{t('row.current')}</span>}
            {session.isTrusted && <span className={badgeVariants({ tone: 'trusted' })}>{t('row.trusted')}</span>}
            {isNew && <span className={badgeVariants({ tone: 'new' })}>{t('row.new')}</span>}
          </p>
          {details.apps.length > 0 && (
            // Not a list: one list item per session keeps the session list easy to count and read.
            <p className="fpas-row__apps" data-slot="row-apps">
              <span className="fpas-visually-hidden">{`${t('row.apps.label')} `}</span>
              {details.apps.map((app) => (
                <span key={app} className={badgeVariants({ tone: 'app' })}>
                  {app}
                </span>
              ))}
            </p>
          )}
          {(details.location || signedIn || details.lastActive) && (
            <p className="fpas-row__meta">
              {details.location && <bdi className="fpas-row__location">{details.location}</bdi>}
              {signedIn && (
                <time dateTime={details.signedIn?.iso} className="fpas-row__time">
                  {signedIn}
                </time>
              )}
              {details.lastActive &&
                (details.lastActive.iso ? (
                  <time dateTime={details.lastActive.iso} className="fpas-row__time" data-slot="row-last-active">
                    {details.lastActive.text}
                  </time>
                ) : (
                  <span className="fpas-row__time" data-slot="row-last-active">
                    {details.lastActive.text}
                  </span>
                ))}
            </p>
          )}
          {status && (
            <p className={`fpas-row__status${state === 'failed' ? ' fpas-row__status--danger' : ''}`} data-slot="row-status">
              <strong>{status}</strong>{' '}
              {isUnavailable
                ? t('row.status.unavailable.hint')
                : state === 'signing-out'
                  ? t('row.status.signingOut.hint')
                  : state === 'failed' && failureMessage(error, translator)}
            </p>
          )}
        </div>
        {/* The action is a grid cell of its own, with no wrapper: one element fewer on each of 1,000 rows. */}
        {showLogOut &&
          (actions === 'button' ? (
            <div className="fpas-row__actions">
              <Button
                className="fpas-row__action"
                data-slot="row-actions"
                size="sm"
                isPending={state === 'logging-out'}
                aria-label={logOutLabel}
                onPointerEnter={() => void LogoutConfirmModal.preload()}
                onFocus={() => void LogoutConfirmModal.preload()}
                onClick={onLogOut}
              >
                {t('row.logOut')}
              </Button>
              {unrecognizedLabel && (
                <Button
                  className="fpas-row__unrecognized"
                  data-slot="row-unrecognized"
                  size="sm"
                  tone="quiet"
                  disabled={state === 'logging-out'}
                  aria-label={unrecognizedLabel}
                  onPointerEnter={() => void UnrecognizedSessionDialog.preload()}
                  onFocus={() => void UnrecognizedSessionDialog.preload()}
                  onClick={onUnrecognized}
                >
                  {t('row.unrecognized')}
                </Button>
              )}
            </div>
          ) : (
            <RowActionsMenu
              label={t('row.actions.label', { device: details.device })}
              itemText={t('row.logOut')}
              itemLabel={logOutLabel}
              isItemDisabled={state === 'logging-out'}
              onLogOut={onLogOut}
              {...(unrecognizedLabel && {
                unrecognized: { text: t('row.unrecognized'), label: unrecognizedLabel, onSelect: onUnrecognized },
              })}
            />
          ))}
      </li>
    );
  }),
);

/**
 * The row menu's trigger. The menu's code loads on intent (pointer enter, focus); until it is first
 * opened the trigger is a plain button, which the loaded menu's own trigger then replaces, open.
 */
function RowActionsMenu({ label, ...menu }: Omit<RowMenuProps, 'trigger' | 'isOpenedByKeyboard'> & { label: string }) {
  const [openedBy, setOpenedBy] = useState<'pointer' | 'keyboard' | null>(null);
  // A menu whose code cannot be fetched stays the plain button, which tries again when pressed.
  const ready = useLoaded(RowMenu, openedBy !== null, () => setOpenedBy(null));
  const trigger = {
    className: 'fpas-row__action',
    'data-slot': 'row-actions',
    size: 'sm',
    tone: 'quiet',
    'aria-label': label,
    children: <span aria-hidden="true">⋯</span>,
  } as const;
  const plain = (
    <Button
      {...trigger}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      onPointerEnter={() => void RowMenu.preload()}
      onFocus={() => void RowMenu.preload()}
      // A click from the keyboard (Enter, Space) has no pointer detail.
      onClick={(event) => setOpenedBy(event.detail === 0 ? 'keyboard' : 'pointer')}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown') return;
        event.preventDefault();
        setOpenedBy('keyboard');
      }}
    />
  );
  if (!openedBy || !ready) return plain;
  return <RowMenu {...menu} trigger={trigger} isOpenedByKeyboard={openedBy === 'keyboard'} />;
}
