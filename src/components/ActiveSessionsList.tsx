import { useRef, useState } from 'react';
import { useActiveSessions } from '../hooks/useActiveSessions';
import type { SessionsClientError } from '../client/errors';
import { deviceLabel } from '../core/details';
import { SessionRow } from './SessionRow';
import { LogoutConfirmModal } from './LogoutConfirmModal';
import { useTranslator } from './i18n';

/** Props of `ActiveSessionsList`. */
export type ActiveSessionsListProps = {
  /** Called with each outcome to announce, e.g. "Logged out Edge on Windows."; the section puts it in its live region. */
  onAnnounce?: (message: string) => void;
  className?: string;
};

/** The rows of a ready list, the one-session logout modal and focus after it (B1–B5, B9). Inside a provider. */
export function ActiveSessionsList({ onAnnounce, className }: ActiveSessionsListProps) {
  const sessions = useActiveSessions();
  const translator = useTranslator();
  const { t } = translator;
  const [targetId, setTargetId] = useState<string | null>(null);
  const [modalError, setModalError] = useState<SessionsClientError | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  // Where focus goes after the modal closes: the row's own button, the row, or the next row when it is gone.
  const focusAfterClose = useRef<string | null>(null);

  if (sessions.status !== 'ready') return null;
  const { rows } = sessions;
  const target = rows.find((row) => row.session.id === targetId) ?? null;

  function open(id: string) {
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
    if (result.outcome === 'failed' || result.outcome === 'refused') {
      setModalError(result.error);
      onAnnounce?.(t('announce.failed', { device }));
      return; // B4: the modal stays open and shows why.
    }
    const neighbour = rows[index + 1] ?? rows[index - 1];
    focusAfterClose.current = result.outcome === 'logged-out' ? (neighbour?.session.id ?? null) : session.id;
    onAnnounce?.(result.outcome === 'logged-out' ? t('announce.loggedOut', { device }) : t('announce.signingOut', { device }));
    setTargetId(null);
  }

  function restoreFocus(event: Event) {
    event.preventDefault();
    const id = focusAfterClose.current;
    const row = id ? rowRefs.current.get(id) : undefined;
    // The row's own action when it still has one (Log out, or the menu in narrow containers), else the row.
    const actions = row ? Array.from(row.querySelectorAll<HTMLElement>('[data-slot="row-actions"] button')) : [];
    const visible = actions.find((button) => getComputedStyle(button).display !== 'none');
    (visible ?? row)?.focus();
  }

  return (
    <>
      <ul className={['fpas-list', className].filter(Boolean).join(' ')} data-slot="session-list" aria-label={t('section.list.label', { count: rows.length })}>
        {rows.map((row) => (
          <SessionRow
            key={row.session.id}
            ref={(element) => {
              if (element) rowRefs.current.set(row.session.id, element);
              else rowRefs.current.delete(row.session.id);
            }}
            session={row.session}
            state={row.state}
            canLogOut={row.canLogOut}
            error={row.error}
            onLogOut={() => open(row.session.id)}
          />
        ))}
      </ul>
      <LogoutConfirmModal
        open={target !== null}
        onOpenChange={(isOpen) => {
          if (!isOpen) setTargetId(null);
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
