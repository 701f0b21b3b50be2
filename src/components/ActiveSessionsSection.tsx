import { useContext, useId, useRef, useState } from 'react';
import { ActiveSessionsContext, ActiveSessionsProvider, type ActiveSessionsProviderProps } from '../hooks/ActiveSessionsProvider';
import { useActiveSessions, type UseActiveSessionsResult } from '../hooks/useActiveSessions';
import { safeHref } from '../core/links';
import type { Translator } from '../i18n/translator';
import { ActiveSessionsList } from './ActiveSessionsList';
import { LogoutAllCard } from './LogoutAllCard';
import { Button } from './Button';
import { PortalContainerContext } from './PortalContainer';
import { PartFailedContext } from './lazy';
import { useTranslator } from '../hooks/useTranslator';
import { failureMessage } from '../i18n/failureMessage';

/** Props of `ActiveSessionsSection`: the provider's props, `client` included (so one element is enough), and its own. */
export type ActiveSessionsSectionProps = Omit<ActiveSessionsProviderProps, 'children'> & {
  /** Text direction. @default the locale's direction */
  dir?: 'ltr' | 'rtl' | undefined;
  /** The heading level of "Active sessions", to fit the host page's outline. @default 2 */
  headingLevel?: 2 | 3 | 4 | undefined;
  /** Extra class names for the `<section>`, after the package's own. */
  className?: string | undefined;
};

/** The drop-in "Active sessions" section: every state and rule B1–B15 in one element. */
export function ActiveSessionsSection({ dir, headingLevel, className, ...providerProps }: ActiveSessionsSectionProps) {
  const context = useContext(ActiveSessionsContext);
  const body = <SectionBody dir={dir} headingLevel={headingLevel} className={className} />;
  if (providerProps.client) return <ActiveSessionsProvider {...providerProps}>{body}</ActiveSessionsProvider>;
  // Plain JavaScript can still leave `client` out inside a provider, whose client it then uses.
  if (!context) throw new TypeError('ActiveSessionsSection needs a "client" prop, or an <ActiveSessionsProvider> around it.');
  return body;
}

function SectionBody({ dir, headingLevel = 2, className }: Pick<ActiveSessionsSectionProps, 'dir' | 'headingLevel' | 'className'>) {
  const sessions = useActiveSessions();
  const translator = useTranslator();
  const { t } = translator;
  const headingId = useId();
  const [portal, setPortal] = useState<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // A dialog or menu whose code could not be fetched: said here until a part opens again.
  const [partFailed, setPartFailed] = useState(false);
  // Screen readers skip a live region whose text did not change: a message the same as the last one
  // gets a no-break space, so "Session list updated." twice in a row is announced twice. Written a
  // frame later, so a focus move of the same update is reported first and does not cut it off.
  const write = (text: string) =>
    requestAnimationFrame(() => setTimeout(() => setAnnouncement((last) => (last === text ? `${text}\u00A0` : text))));
  // While focus is in a dialog, a message waits for the next focus move (the dialog closing, or the
  // reader moving on in it) and is said after it: that move would cut it off.
  const held = useRef('');
  const announce = (text: string) => {
    if (portal?.contains(document.activeElement)) held.current = text;
    else write(text);
  };
  const Heading = `h${headingLevel}` as const;

  async function refresh() {
    await sessions.refresh();
    announce(t('announce.refreshed'));
  }

  async function logOutAll() {
    const result = await sessions.logOutAll();
    // B16: a declined re-authentication changed nothing, so there is nothing to say.
    if (result.outcome === 'cancelled') return;
    announce(result.outcome === 'done' ? t('announce.logOutAll') : t('announce.logOutAll.failed'));
  }

  return (
    <section
      className={['fpas-theme fpas-section', className].filter(Boolean).join(' ')}
      data-slot="active-sessions"
      data-state={sessions.status}
      aria-labelledby={headingId}
      aria-busy={sessions.status === 'loading' || undefined}
      dir={dir ?? translator.dir}
      lang={translator.locale}
      onFocus={() => {
        if (held.current) write(held.current);
        held.current = '';
      }}
    >
      <PortalContainerContext.Provider value={portal}>
        <PartFailedContext.Provider value={setPartFailed}>
          {/* The query container wraps the content but not the portal: containment would make the
            fixed-position dialogs and menus position against the section instead of the viewport. */}
          <div className="fpas-section__content">
            <header className="fpas-section__header">
              <Heading id={headingId} className="fpas-section__title">
                {t('section.title')}
              </Heading>
              <p className="fpas-section__intro">{t('section.intro')}</p>
            </header>
            {partFailed && (
              <p className="fpas-notice fpas-notice--warning" data-slot="open-failed" role="alert">
                {t('section.openFailed')}
              </p>
            )}
            <SectionState
              sessions={sessions}
              translator={translator}
              onAnnounce={announce}
              onRefresh={() => void refresh()}
              onLogOutAll={() => void logOutAll()}
            />
            {sessions.status !== 'loading' && <HelpLinks translator={translator} />}
            <p className="fpas-section__scope" data-slot="scope">
              {t('section.scope')}
            </p>
            {/* aria-live, not only role="status": Radix's modal hides everything else from screen readers
              (aria-hidden) except [aria-live] regions, and a failure is announced with a dialog open. */}
            <p role="status" aria-live="polite" className="fpas-visually-hidden" data-slot="announcer">
              {announcement}
            </p>
          </div>
          <div ref={setPortal} data-slot="portal" />
        </PartFailedContext.Provider>
      </PortalContainerContext.Provider>
    </section>
  );
}

type SectionStateProps = {
  sessions: UseActiveSessionsResult;
  translator: Translator;
  onAnnounce: (message: string) => void;
  onRefresh: () => void;
  onLogOutAll: () => void;
};

function SectionState({ sessions, translator, onAnnounce, onRefresh, onLogOutAll }: SectionStateProps) {
  const { t } = translator;
  // B14: the next steps after an unrecognized session open the card's confirmation too.
  const [isLogOutAllOpen, setLogOutAllOpen] = useState(false);
  switch (sessions.status) {
    case 'loading':
      return (
        <div className="fpas-skeleton" data-slot="loading" role="status">
          <span className="fpas-visually-hidden">{t('section.loading')}</span>
          {[0, 1, 2].map((i) => (
            <div key={i} className="fpas-skeleton__row" aria-hidden="true" />
          ))}
        </div>
      );
    case 'error': {
      // B8: never blank or broken; an expired sign-in is the host's to fix, so it gets its own words.
      const expired = sessions.error.code === 'unauthorized';
      return (
        // A key of its own: an alert is announced when it appears, not when the skeleton turns into one.
        <div key="error" className="fpas-notice fpas-notice--danger fpas-state" data-slot="error" role="alert">
          <p className="fpas-state__title">{expired ? t('error.unauthorized.title') : t('error.title')}</p>
          {/* A request the browser blocked (another origin, CORS) is not "our side or your connection". */}
          <p>{expired ? t('error.unauthorized.body') : sessions.error.code === 'blocked' ? t('failure.blocked') : t('error.body')}</p>
          {!expired && (
            <Button onClick={onRefresh} isPending={sessions.isRefreshing}>
              {t('error.retry')}
            </Button>
          )}
        </div>
      );
    }
    case 'unavailable':
      // B7: a calm explanation, not an error.
      return (
        <div className="fpas-notice fpas-state" data-slot="unavailable">
          <p className="fpas-state__title">{t('unavailable.title')}</p>
          <p>{sessions.reason === 'sso' ? t('unavailable.sso') : t('unavailable.notSupported')}</p>
        </div>
      );
    case 'ready': {
      const signingOut = sessions.rows.filter((row) => row.state === 'signing-out').length;
      const onlyCurrent = sessions.rows.length === 1 && sessions.rows[0]?.session.isCurrent && sessions.skipped === 0;
      return (
        <>
          {sessions.skipped > 0 && (
            <p className="fpas-notice fpas-notice--warning" data-slot="skipped">
              {t('section.skipped', { count: sessions.skipped })}
            </p>
          )}
          {signingOut > 0 && (
            <div className="fpas-notice fpas-notice--info fpas-notice--action" data-slot="signing-out">
              <p>{t('section.signingOut', { count: signingOut })}</p>
              <Button size="sm" onClick={onRefresh} isPending={sessions.isRefreshing}>
                {sessions.isRefreshing ? t('section.refreshing') : t('section.refresh')}
              </Button>
            </div>
          )}
          {sessions.refreshError && (
            <p className="fpas-notice fpas-notice--warning" data-slot="refresh-failed">
              {t('section.refreshFailed')} {failureMessage(sessions.refreshError, translator)}
            </p>
          )}
          <ActiveSessionsList onAnnounce={onAnnounce} onLogOutAll={() => setLogOutAllOpen(true)} />
          {onlyCurrent && (
            <p className="fpas-section__note" data-slot="only-current">
              {t('section.onlyCurrent')}
            </p>
          )}
          <LogoutAllCard
            state={sessions.logOutAllState}
            error={sessions.logOutAllError}
            completesBy={sessions.completesBy}
            isReauthenticating={sessions.isReauthenticating}
            sessionCount={sessions.rows.length + sessions.skipped}
            onConfirm={onLogOutAll}
            open={isLogOutAllOpen}
            onOpenChange={setLogOutAllOpen}
          />
        </>
      );
    }
    default:
      return sessions satisfies never;
  }
}

// B10: only the links the host supplies, and only safe ones.
function HelpLinks({ translator: { t } }: { translator: Translator }) {
  const links = useContext(ActiveSessionsContext)?.links;
  const items = [
    ['changePassword', t('help.changePassword')],
    ['signInMethods', t('help.signInMethods')],
    ['support', t('help.support')],
  ] as const;
  const shown = items.map(([key, label]) => [safeHref(links?.[key]), label] as const).filter(([href]) => href);
  if (shown.length === 0) return null;
  return (
    <aside className="fpas-help" data-slot="help" aria-label={t('help.title')}>
      <p className="fpas-help__title">{t('help.title')}</p>
      <p>{t('help.body')}</p>
      <ul className="fpas-help__links">
        {shown.map(([href, label]) => (
          <li key={label}>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
