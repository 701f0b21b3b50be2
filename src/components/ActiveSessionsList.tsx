import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useActiveSessions } from '../hooks/useActiveSessions';
import { useHydrated } from '../hooks/useHydrated';
import type { SessionsClientError } from '../client/errors';
import { deviceLabel } from '../i18n/details';
import { SessionRow, type SessionRowProps } from './SessionRow';
import { Button } from './Button';
import { LogoutConfirmModal, SecureAccountCallout, UnrecognizedSessionDialog, useLoaded, usePreloadOnTouch } from './lazy';
import { useTranslator } from '../hooks/useTranslator';

// Where focus goes after the "Don't recognize it?" dialog closes on success: the next steps' heading (B14).
const CALLOUT = '\u0000callout';

// Below this width (30rem at 16px) row actions move into a menu, matching the stylesheet's container query.
const NARROW_PX = 480;

// React 18 warns about useLayoutEffect in server rendering; there is no layout to measure there anyway.
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** Whether the element is narrow; "wide" until measured, so markup without layout (tests, SSR) keeps its buttons. */
function useIsNarrow(element: HTMLElement | null): boolean {
  const [isNarrow, setIsNarrow] = useState(false);
  useBrowserLayoutEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = (width: number) => setIsNarrow(width > 0 && width < NARROW_PX);
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => entry && measure(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return isNarrow;
}

/** Props of `ActiveSessionsList`. */
export type ActiveSessionsListProps = {
  /** How many rows show before "Show more"; long lists grow a page at a time, so a page of 1,000 sessions stays fast. @default 50 */
  pageSize?: number | undefined;
  /** Called with each outcome to announce, e.g. "Logged out Edge on Windows."; the section puts it in its live region. */
  onAnnounce?: ((message: string) => void) | undefined;
  /** Opens Log out of all sessions' confirmation, from the next steps after an unrecognized session was logged out (B14). */
  onLogOutAll?: (() => void) | undefined;
  /** Extra class names for the list (`<ul>`), after the package's own. */
  className?: string | undefined;
};

/** The rows of a ready list, the one-session logout dialogs, focus after them and the next steps (B1–B5, B9, B12–B14). Inside a provider. */
export function ActiveSessionsList({ onAnnounce, onLogOutAll, pageSize = 50, className }: ActiveSessionsListProps) {
  const sessions = useActiveSessions();
  const translator = useTranslator();
  const { t } = translator;
  const [targetId, setTargetId] = useState<string | null>(null);
  // Which dialog the target's action opened: Log out (B4) or "Don't recognize it?" (B14).
  const [flow, setFlow] = useState<'log-out' | 'unrecognized'>('log-out');
  // B14: the device of the last unrecognized session logged out; its next steps stay until Done.
  const [secured, setSecured] = useState<string | null>(null);
  const calloutHeading = useRef<HTMLHeadingElement | null>(null);
  // Arrived with the dialog that led here, so it renders in the same commit and takes focus at once.
  const calloutReady = useLoaded(SecureAccountCallout, secured !== null, () => setSecured(null));
  const [modalError, setModalError] = useState<SessionsClientError | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const isNarrow = useIsNarrow(list);
  const isHydrated = useHydrated();
  usePreloadOnTouch(sessions.status === 'ready');
  const [shown, setShown] = useState(pageSize);
  // After "Show more", focus moves to the first row it revealed.
  const focusOnMount = useRef<string | null>(null);
  // Where focus goes after the modal closes: the row's own button, the row, or the next row when it is gone.
  const focusAfterClose = useRef<string | null>(null);
  // The row whose modal is open now; a logout that ends after its modal was closed (or another row's
  // opened) only announces its outcome and leaves the modal and focus alone.
  const openId = useRef<string | null>(null);

  // One ref and one Log out handler per id for the list's life, so a memoized row re-renders only when
  // its own session or state changes (logging one out of 1,000 re-renders one row, not all).
  const handlers = useRef(new Map<string, Pick<SessionRowProps, 'ref' | 'onLogOut' | 'onUnrecognized'>>());
  function handlersFor(id: string) {
    let found = handlers.current.get(id);
    if (!found) {
      found = {
        onLogOut: () => open(id, 'log-out'),
        onUnrecognized: () => open(id, 'unrecognized'),
        ref: (element: HTMLLIElement | null) => {
          if (element) rowRefs.current.set(id, element);
          else rowRefs.current.delete(id);
          if (element && focusOnMount.current === id) {
            focusOnMount.current = null;
            element.focus();
          }
        },
      };
      handlers.current.set(id, found);
    }
    return found;
  }

  if (sessions.status !== 'ready') return null;
  const { rows } = sessions;
  const visible = rows.slice(0, Math.max(1, shown));
  const hidden = rows.length - visible.length;
  const target = rows.find((row) => row.session.id === targetId) ?? null;

  function open(id: string, opened: 'log-out' | 'unrecognized') {
    openId.current = id;
    focusAfterClose.current = id;
    setModalError(null);
    setFlow(opened);
    setTargetId(id);
  }

  async function confirm() {
    if (!target) return;
    const { session } = target;
    const device = deviceLabel(session, translator);
    const index = rows.indexOf(target);
    setModalError(null);
    const isUnrecognized = flow === 'unrecognized';
    const result = await sessions.logOut(session.id, isUnrecognized ? { reason: 'unrecognized' } : {});
    const isStillOpen = openId.current === session.id;
    if (result.outcome === 'cancelled') {
      // B16: the reader declined to re-authenticate; back to where the row was, quietly.
      if (isStillOpen) {
        openId.current = null;
        setTargetId(null);
      }
      return;
    }
    if (result.outcome === 'failed' || result.outcome === 'refused') {
      if (isStillOpen) setModalError(result.error);
      onAnnounce?.(t('announce.failed', { device }));
      return; // B4, B14: the dialog stays open and shows why; the row shows it too.
    }
    if (isUnrecognized) {
      // B14: the next steps take focus (their heading names the device), so nothing else is announced.
      setSecured(device);
      if (!isStillOpen) return;
      focusAfterClose.current = CALLOUT;
      openId.current = null;
      setTargetId(null);
      return;
    }
    onAnnounce?.(result.outcome === 'logged-out' ? t('announce.loggedOut', { device }) : t('announce.signingOut', { device }));
    if (!isStillOpen) return;
    const neighbour = rows[index + 1] ?? rows[index - 1];
    focusAfterClose.current = result.outcome === 'logged-out' ? (neighbour?.session.id ?? null) : session.id;
    openId.current = null;
    setTargetId(null);
  }

  function restoreFocus(event: Event) {
    event.preventDefault();
    // B16: the modal steps aside for the host's prompt, which takes focus; it comes back afterwards.
    if (sessions.isReauthenticating) return;
    const id = focusAfterClose.current;
    if (id === CALLOUT) return calloutHeading.current?.focus();
    const row = id ? rowRefs.current.get(id) : undefined;
    // The row's own action when it still has one (Log out, or the menu in narrow containers), else the row.
    (row?.querySelector<HTMLElement>('[data-slot="row-actions"]') ?? row)?.focus();
  }

  const closeDialog = (isOpen: boolean) => {
    if (isOpen) return;
    openId.current = null;
    setTargetId(null);
  };

  return (
    <>
      {calloutReady && secured !== null && (
        <SecureAccountCallout
          device={secured}
          headingRef={calloutHeading}
          onLogOutAll={sessions.logOutAllState === 'idle' || sessions.logOutAllState === 'failed' ? onLogOutAll : undefined}
          onDone={() => {
            setSecured(null);
            // The callout goes with focus in it: focus moves on to the list's first row, not the page.
            const first = rows[0];
            if (first) rowRefs.current.get(first.session.id)?.focus();
          }}
        />
      )}
      <ul
        ref={setList}
        className={['fpas-list', className].filter(Boolean).join(' ')}
        data-slot="session-list"
        aria-label={t('section.list.label', { count: rows.length })}
      >
        {/* eslint-disable-next-line react-hooks/refs -- handlersFor's ref only caches each row's handlers so they keep their identity; nothing rendered is read from it */}
        {visible.map((row) => (
          <SessionRow
            key={row.session.id}
            {...handlersFor(row.session.id)}
            actions={isNarrow ? 'menu' : 'button'}
            session={row.session}
            isActiveNow={row.isActiveNow}
            isNew={row.isNew}
            state={row.state}
            canLogOut={row.canLogOut}
            error={row.error}
            // Server HTML and hydration measure "2 days ago" from when the list was loaded (the server's
            // clock when prefetched), so both render the same; afterwards, from the reader's clock.
            now={isHydrated ? undefined : sessions.updatedAt}
          />
        ))}
      </ul>
      {hidden > 0 && (
        <Button
          className="fpas-list-more"
          data-slot="show-more"
          onClick={() => {
            focusOnMount.current = rows[visible.length]?.session.id ?? null;
            setShown(visible.length + pageSize);
          }}
        >
          {t('section.showMore', { count: Math.min(hidden, pageSize), total: hidden })}
        </Button>
      )}
      <LogoutConfirmModal
        open={target !== null && flow === 'log-out' && !sessions.isReauthenticating}
        onOpenChange={closeDialog}
        session={target?.session ?? null}
        pending={target?.state === 'logging-out'}
        error={modalError}
        onConfirm={() => void confirm()}
        onCloseAutoFocus={restoreFocus}
      />
      <UnrecognizedSessionDialog
        open={target !== null && flow === 'unrecognized' && !sessions.isReauthenticating}
        onOpenChange={closeDialog}
        session={target?.session ?? null}
        pending={target?.state === 'logging-out'}
        error={modalError}
        onConfirm={() => void confirm()}
        onCloseAutoFocus={restoreFocus}
      />
    </>
  );
}
