import { useContext, useEffect, useId, useRef } from 'react';
import { ActiveSessionsContext } from '../hooks/ActiveSessionsProvider';
import { useTranslator } from '../hooks/useTranslator';
import enActions from '../i18n/messages/en.actions.json';
import { safeHref } from '../core/links';
import { Button } from './Button';

/** Props of `SecureAccountCallout`. */
export type SecureAccountCalloutProps = {
  /** The device line of the session that was logged out, e.g. "Edge on Windows". */
  device: string;
  /** Opens Log out of all sessions' confirmation (B6); the step is left out without it. */
  onLogOutAll?: (() => void) | undefined;
  /** Called by "Done": the callout goes. */
  onDone: () => void;
  /** The heading, which takes focus when the callout appears; the list focuses it again after its dialog closes. */
  headingRef?: { current: HTMLHeadingElement | null } | ((element: HTMLHeadingElement | null) => void) | undefined;
  className?: string | undefined;
};

/**
 * B14: after an unrecognized session was logged out, the next steps — the host's help links (each only
 * when supplied) and Log out of all sessions — with focus on the heading, so a screen reader hears them.
 */
export function SecureAccountCallout({ device, onLogOutAll, onDone, headingRef, className }: SecureAccountCalloutProps) {
  const { t } = useTranslator(enActions);
  const links = useContext(ActiveSessionsContext)?.links;
  const titleId = useId();
  const ownHeading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => ownHeading.current?.focus(), [device]);
  const steps = [
    ['changePassword', t('help.changePassword')],
    ['signInMethods', t('help.signInMethods')],
    ['support', t('help.support')],
  ] as const;
  const shown = steps.map(([key, label]) => [safeHref(links?.[key]), label] as const).filter(([href]) => href);
  return (
    <section
      className={['fpas-notice fpas-notice--info fpas-callout', className].filter(Boolean).join(' ')}
      data-slot="secure-account"
      aria-labelledby={titleId}
    >
      <h3
        id={titleId}
        tabIndex={-1}
        className="fpas-callout__title"
        ref={(element) => {
          ownHeading.current = element;
          forwardRef(headingRef, element);
        }}
      >
        {t('secure.title', { device })}
      </h3>
      <p>{t('secure.body')}</p>
      {(shown.length > 0 || onLogOutAll) && (
        <ul className="fpas-callout__steps" aria-label={t('secure.steps.label')}>
          {shown.map(([href, label]) => (
            <li key={label}>
              <a href={href}>{label}</a>
            </li>
          ))}
          {onLogOutAll && (
            <li>
              <Button size="sm" tone="danger" onClick={onLogOutAll}>
                {t('secure.logOutAll')}
              </Button>
            </li>
          )}
        </ul>
      )}
      <Button size="sm" onClick={onDone}>
        {t('secure.done')}
      </Button>
    </section>
  );
}

/** Hands an element to a ref prop, whether a callback or an object. */
function forwardRef<T>(ref: { current: T | null } | ((element: T | null) => void) | undefined, element: T | null) {
  if (typeof ref === 'function') ref(element);
  else if (ref) ref.current = element;
}
