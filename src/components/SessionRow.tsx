import { cva } from 'class-variance-authority';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { forwardRef, memo, useContext, type Ref } from 'react';
import type { Session } from '../client/types';
import type { SessionsClientError } from '../client/errors';
import type { RowState } from '../core/sessions';
import { describeSession } from '../core/details';
import { useHydrated } from '../hooks/useHydrated';
import { Button } from './Button';
import { PortalContainerContext } from './ConfirmDialog';
import { failureMessage, useTranslator } from './i18n';

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
  variants: { tone: { neutral: '', current: 'fpas-badge--current', trusted: 'fpas-badge--trusted', app: 'fpas-badge--app' } },
  defaultVariants: { tone: 'neutral' },
});

/** Props of `SessionRow`. */
export type SessionRowProps = {
  /** The session this row shows. */
  session: Session;
  /** Where its logout is. @default 'idle' */
  state?: RowState;
  /** Whether Log out is offered; never on the current or a status-unavailable row (B3, B5). @default false */
  canLogOut?: boolean;
  /** Why the last logout failed, when `state` is `failed`. */
  error?: SessionsClientError | null;
  /** Called when the reader chooses Log out (the confirmation comes next, B4). */
  onLogOut?: () => void;
  /** How the actions show: a Log out button, or a menu for narrow containers. @default 'button' */
  actions?: 'button' | 'menu';
  /** The time relative hints are measured from; pass one when rendering on the server, so hydration matches. @default Date.now() */
  now?: number;
  /** Extra class names for the row (`<li>`), after the package's own. */
  className?: string;
  /** The row's `<li>`. */
  ref?: Ref<HTMLLIElement>;
};

/** One session: device, apps, approximate place, sign-in time, badges, status and its Log out action (B1–B5, B9). */
export const SessionRow = memo(
  // forwardRef, not a `ref` prop, so React 18 passes the ref too.
  forwardRef<HTMLLIElement, Omit<SessionRowProps, 'ref'>>(function SessionRow(
    { session, state = 'idle', canLogOut = false, error, onLogOut, actions = 'button', now, className },
    ref,
  ) {
    const translator = useTranslator();
    const { t } = translator;
    const portal = useContext(PortalContainerContext);
    // Server HTML shows UTC, and hydration must match it; the reader's zone comes right after.
    const details = describeSession(session, translator, now, !useHydrated());
    const isCurrent = session.isCurrent;
    const isUnavailable = session.status === 'unavailable';
    // Log out stays visible, pending, while the logout runs, so focus and layout do not jump.
    const showLogOut = !isCurrent && !isUnavailable && (canLogOut || state === 'logging-out');
    // The visible text is always "Log out", so the accessible name starts with it (WCAG 2.5.3); progress
    // and failure are told in the row's status line.
    const logOutLabel = t('row.logOut.label', { device: details.device });
    const separator = t('row.location.separator');
    const signedIn = details.signedIn && `${t('row.signedIn', { date: details.signedIn.date })} (${details.signedIn.relative})`;
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
      details.apps[0] && `${t('row.apps.label')} ${details.apps.join(separator)}`,
      details.location,
      signedIn,
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
        data-status={session.status}
        data-device={session.device?.type ?? 'unknown'}
        className={sessionRowVariants({ current: isCurrent, state, className })}
      >
        <div className="fpas-row__body">
          <p className="fpas-row__title">
            <bdi className="fpas-row__device">{details.device}</bdi>
            {isCurrent && <span className={badgeVariants({ tone: 'current' })}>{t('row.current')}</span>}
            {session.isTrusted && <span className={badgeVariants({ tone: 'trusted' })}>{t('row.trusted')}</span>}
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
          {(details.location || signedIn) && (
            <p className="fpas-row__meta">
              {details.location && <bdi className="fpas-row__location">{details.location}</bdi>}
              {signedIn && (
                <time dateTime={details.signedIn?.iso} className="fpas-row__time">
                  {signedIn}
                </time>
              )}
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
            <Button
              className="fpas-row__action"
              data-slot="row-actions"
              size="sm"
              isPending={state === 'logging-out'}
              aria-label={logOutLabel}
              onClick={onLogOut}
            >
              {t('row.logOut')}
            </Button>
          ) : (
            <DropdownMenu.Root modal={false}>
              <DropdownMenu.Trigger asChild>
                <Button className="fpas-row__action" data-slot="row-actions" size="sm" tone="quiet" aria-label={t('row.actions.label', { device: details.device })}>
                  <span aria-hidden="true">⋯</span>
                </Button>
              </DropdownMenu.Trigger>
              <DropdownMenu.Portal container={portal ?? undefined}>
                <DropdownMenu.Content className="fpas-theme fpas-menu" align="end" sideOffset={4} data-slot="row-menu">
                  <DropdownMenu.Item className="fpas-menu__item" disabled={state === 'logging-out'} onSelect={onLogOut} aria-label={logOutLabel}>
                    {t('row.logOut')}
                  </DropdownMenu.Item>
                </DropdownMenu.Content>
              </DropdownMenu.Portal>
            </DropdownMenu.Root>
          ))}
      </li>
    );
  }),
);
