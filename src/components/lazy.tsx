import { createContext, useContext, useEffect, useState, type ComponentType, type ReactElement } from 'react';
import type { LogoutAllDialogProps } from './LogoutAllDialog';
import type { LogoutConfirmModalProps } from './LogoutConfirmModal';
import type { RowMenuProps } from './RowMenu';
import type { SecureAccountCalloutProps } from './SecureAccountCallout';

/** A part whose code is a chunk of its own, fetched on demand; it renders once its code has arrived. */
export type LazyPart<P> = ((props: P) => ReactElement | null) & {
  /** Starts fetching the module (once); call it on intent: pointer enter, focus, idle time. Never rejects. */
  preload: () => Promise<unknown>;
  /** Fetches the module (once), rejecting when it cannot be fetched. */
  fetch: () => Promise<unknown>;
  /** Whether its module has arrived. */
  isLoaded: () => boolean;
};

/**
 * A part behind a dynamic `import()` (which bundlers split into a chunk of its own), with `preload()`,
 * so a part that only runs after the reader acts is fetched on intent and opens as fast as if it were
 * bundled. Rendered before its code arrives, it renders nothing: `useLoaded` says when it may render.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loading: Promise<unknown> | undefined;
  let Loaded: ComponentType<P> | undefined;
  const fetch = () => {
    // A failed fetch is forgotten, so the next intent tries again instead of keeping the failure.
    loading ??= load().then(
      (component) => (Loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  // A prefetch on intent that fails is only a missed head start: opening the part fetches it again.
  const preload = () => fetch().catch(() => {});
  const Part = (props: P) => (Loaded ? <Loaded {...props} /> : null);
  return Object.assign(Part, { preload, fetch, isLoaded: () => Loaded !== undefined });
}

/**
 * Told by every part of the section whether the last chunk it wanted could be fetched (`true`: it could
 * not), so the section shows a message where the reader looks instead of a press that did nothing.
 */
export const PartFailedContext = createContext<((failed: boolean) => void) | null>(null);

/**
 * Whether `part` may render: true at once when it was prefetched, else once `wanted` and its chunk has
 * arrived (in the commit after). Not `React.lazy` under Suspense, whose resolved content React reveals
 * no sooner than 300 ms after it suspended (its fallback throttle), and whose failed fetch would throw
 * to the host's error boundary: a chunk that cannot be fetched calls `onFailed` (the part stays
 * closed, and the next intent fetches again) and tells the section (`PartFailedContext`).
 */
export function useLoaded(part: Pick<LazyPart<never>, 'fetch' | 'isLoaded'>, wanted: boolean, onFailed: () => void): boolean {
  const [arrived, setArrived] = useState(part.isLoaded);
  const ready = arrived || part.isLoaded();
  const report = useContext(PartFailedContext);
  useEffect(() => {
    if (!wanted) return;
    if (ready) {
      report?.(false);
      return;
    }
    let live = true;
    part.fetch().then(
      () => live && setArrived(true),
      (error: unknown) => {
        if (!live) return;
        console.error(
          '@firstparty/active-sessions: a part of the section could not be fetched (its chunk); the next try fetches it again.',
          error,
        );
        onFailed();
        report?.(true);
      },
    );
    return () => {
      live = false;
    };
  }, [part, wanted, ready, onFailed, report]);
  return ready;
}

/**
 * A dialog loaded on demand: renders nothing (and fetches nothing) until it is first open, then stays
 * mounted so Radix can close it and return focus. `preload()` fetches it on intent; a chunk that cannot
 * be fetched closes it again (`onOpenChange(false)`).
 */
export function lazyDialog<P extends { open: boolean; onOpenChange: (open: boolean) => void }>(load: () => Promise<ComponentType<P>>) {
  const Dialog = lazyPart(load);
  function LazyDialog(props: P) {
    const [wasOpened, setWasOpened] = useState(props.open);
    if (props.open && !wasOpened) setWasOpened(true);
    const { onOpenChange } = props;
    const ready = useLoaded(Dialog, props.open, () => onOpenChange(false));
    return wasOpened && ready ? <Dialog {...props} /> : null;
  }
  return Object.assign(LazyDialog, { preload: Dialog.preload });
}

// The parts only the reader's actions show, each its own chunk, fetched on intent. What they say travels
// with them (i18n/messages/en.actions.json). Their modules are reached only through these import()s, so
// bundlers (esbuild included, which splits by what a module imports, used or not) keep them apart.

/** B4: confirms logging out one session; a trusted device's confirm reads "Log out and remove". Its code loads when it first opens. */
export const LogoutConfirmModal = /* @__PURE__ */ lazyDialog<LogoutConfirmModalProps>(() =>
  import('./actions').then((m) => m.LogoutConfirmModal),
);

/** B6's confirmation, "Log out of all devices"; its code loads when it first opens. */
export const LogoutAllDialog = /* @__PURE__ */ lazyDialog<LogoutAllDialogProps>(() => import('./actions').then((m) => m.LogoutAllDialog));

/** The row menu of narrow containers; its code loads when first opened. */
export const RowMenu = /* @__PURE__ */ lazyPart<RowMenuProps>(() => import('./actions').then((m) => m.RowMenu));

/** B14: "Secure your account", confirmed by "Log out and secure account"; its code loads when it first opens. */
export const UnrecognizedSessionDialog = /* @__PURE__ */ lazyDialog<LogoutConfirmModalProps>(() =>
  import('./actions').then((m) => m.UnrecognizedSessionDialog),
);

/** B14's next steps, shown only after that dialog confirmed, so its chunk has already arrived. */
export const SecureAccountCallout = /* @__PURE__ */ lazyPart<SecureAccountCalloutProps>(() =>
  import('./actions').then((m) => m.SecureAccountCallout),
);

/** Fetches every part loaded on intent at once (they share one chunk): on touch screens once the list shows, and for stories and tests. */
export const preloadActions = () =>
  Promise.all([
    LogoutConfirmModal.preload(),
    LogoutAllDialog.preload(),
    RowMenu.preload(),
    UnrecognizedSessionDialog.preload(),
    SecureAccountCallout.preload(),
  ]);

/**
 * A touch screen has no hover before a tap, so its first tap would wait for the chunk: there, every
 * part loaded on intent is fetched once the list shows and the browser is idle. A mouse or keyboard
 * announces intent (pointer enter, focus), so they fetch nothing they were not about to need.
 */
export function usePreloadOnTouch(isShown: boolean) {
  useEffect(() => {
    // Safari has no requestIdleCallback; jsdom has no matchMedia.
    if (isShown && window.matchMedia?.('(hover: none)').matches)
      ('requestIdleCallback' in window ? requestIdleCallback : setTimeout)(() => void preloadActions());
  }, [isShown]);
}
