import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useActiveSessions } from '../hooks/useActiveSessions';
import { useHydrated } from '../hooks/useHydrated';
import type { SessionsClientError } from '../client/errors';
import { deviceLabel } from '../core/details';
import { SessionRow, type SessionRowProps } from './SessionRow';
import { Button } from './Button';
import { LogoutConfirmModal } from './LogoutConfirmModal';
import { useTranslator } from './i18n';

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
  pageSize?: number;
  /** Called with each outcome to announce, e.g. "Logged out Edge on Windows."; the section puts it in its live region. */
  onAnnounce?: (message: string) => void;
  /** Extra class names for the list (`<ul>`), after the package's own. */
  className?: string;
};

/** The rows of a ready list, the one-session logout modal and focus after it (B1–B5, B9). Inside a provider. */
export function ActiveSessionsList({ onAnnounce, pageSize = 50, className }: ActiveSessionsListProps) {
  const sessions = useActiveSessions();
  const translator = useTranslator();
  const { t } = translator;
  const [targetId, setTargetId] = useState<string | null>(null);
  const [modalError, setModalError] = useState<SessionsClientError | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const isNarrow = useIsNarrow(list);
  const isHydrated = useHydrated();
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
  const handlers = useRef(new Map<string, Pick<SessionRowProps, 'ref' | 'onLogOut'>>());
  function handlersFor(id: string) {
    let found = handlers.current.get(id);
    if (!found) {
      found = {
        onLogOut: () => open(id),
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

  function open(id: string) {
    openId.current = id;
    focusAfterClose.current = id;
    setModalError(null);
    setTargetId(id);
  }

  async function confirm() {
    if (!target) return;
    const { session } = target;
    const device = deviceLabel(session, translator);
    const index = rows.indexOf(target);
    setModalError(null);
    const result = await sessions.logOut(session.id);
    const isStillOpen = openId.current === session.id;
    if (result.outcome === 'failed' || result.outcome === 'refused') {
      if (isStillOpen) setModalError(result.error);
      onAnnounce?.(t('announce.failed', { device }));
      return; // B4: the modal stays open and shows why.
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
    const id = focusAfterClose.current;
    const row = id ? rowRefs.current.get(id) : undefined;
    // The row's own action when it still has one (Log out, or the menu in narrow containers), else the row.
    (row?.querySelector<HTMLElement>('[data-slot="row-actions"]') ?? row)?.focus();
  }

  return (
    <>
      <ul
        ref={setList}
        className={['fpas-list', className].filter(Boolean).join(' ')}
        data-slot="session-list"
        aria-label={t('section.list.label', { count: rows.length })}
      >
        {visible.map((row) => (
          <SessionRow
            key={row.session.id}
            {...handlersFor(row.session.id)}
            actions={isNarrow ? 'menu' : 'button'}
            session={row.session}
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
        open={target !== null}
        onOpenChange={(isOpen) => {
          if (isOpen) return;
          openId.current = null;
          setTargetId(null);
        }}
        session={target?.session ?? null}
        pending={target?.state === 'logging-out'}
        error={modalError}
        onConfirm={confirm}
        onCloseAutoFocus={restoreFocus}
      />
    </>
  );
}
