import { Suspense, lazy, useRef, useState, type ComponentType, type LazyExoticComponent } from 'react';
import type { LogoutAllDialogProps } from './LogoutAllDialog';
import type { LogoutConfirmModalProps } from './LogoutConfirmModal';
import type { RowMenuProps } from './RowMenu';
import type { SecureAccountCalloutProps } from './SecureAccountCallout';

/** A `React.lazy` component whose module can be fetched before it first renders. */
export type PreloadableComponent<P> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts fetching the module (once); call it on intent: pointer enter, focus, idle time. */
  preload: () => Promise<unknown>;
  /** The component once its module has arrived, so a prefetched part renders in the same commit. */
  loaded: () => ComponentType<P> | undefined;
};

/**
 * `React.lazy` over a dynamic `import()` (which bundlers split into a chunk of its own), plus
 * `preload()`, so a part that only runs after the reader acts is fetched on intent and opens as fast
 * as if it were bundled.
 */
export function lazyWithPreload<P>(load: () => Promise<ComponentType<P>>): PreloadableComponent<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  let component: ComponentType<P> | undefined;
  const preload = () => {
    // A failed fetch is forgotten, so the next intent tries again instead of keeping the failure.
    loading ??= load().then(
      (loadedComponent) => ({ default: (component = loadedComponent) }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return Object.assign(lazy(preload), { preload, loaded: () => component });
}

/**
 * What renders a lazy part: its component when already fetched (no Suspense round trip), else the lazy
 * one. Chosen once per mounted part, as React would remount it if the type changed under it.
 */
export function useLoadedOrLazy<P>(part: PreloadableComponent<P>): () => ComponentType<P> | PreloadableComponent<P> {
  const chosen = useRef<ComponentType<P> | PreloadableComponent<P> | undefined>(undefined);
  return () => (chosen.current ??= part.loaded() ?? part);
}

/**
 * A dialog loaded on demand: renders nothing (and fetches nothing) until it is first open, then stays
 * mounted so Radix can close it and return focus. `preload()` fetches it on intent.
 */
export function lazyDialog<P extends { open: boolean }>(load: () => Promise<ComponentType<P>>) {
  const Dialog = lazyWithPreload(load);
  function LazyDialog(props: P) {
    const [wasOpened, setWasOpened] = useState(props.open);
    const component = useLoadedOrLazy(Dialog);
    if (props.open && !wasOpened) setWasOpened(true);
    if (!wasOpened) return null;
    const Component = component() as ComponentType<P>;
    return (
      <Suspense fallback={null}>
        <Component {...props} />
      </Suspense>
    );
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
export const RowMenu = /* @__PURE__ */ lazyWithPreload<RowMenuProps>(() => import('./actions').then((m) => m.RowMenu));

/** B14: "Secure your account", confirmed by "Log out and secure account"; its code loads when it first opens. */
export const UnrecognizedSessionDialog = /* @__PURE__ */ lazyDialog<LogoutConfirmModalProps>(() =>
  import('./actions').then((m) => m.UnrecognizedSessionDialog),
);

/** B14's next steps, shown only after that dialog confirmed, so its chunk has already arrived. */
export const SecureAccountCallout = /* @__PURE__ */ lazyWithPreload<SecureAccountCalloutProps>(() =>
  import('./actions').then((m) => m.SecureAccountCallout),
);

/** Fetches every part loaded on intent at once (they share one chunk): for stories and tests that open them at once. */
export const preloadActions = () =>
  Promise.all([
    LogoutConfirmModal.preload(),
    LogoutAllDialog.preload(),
    RowMenu.preload(),
    UnrecognizedSessionDialog.preload(),
    SecureAccountCallout.preload(),
  ]);
