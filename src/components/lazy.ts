import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A `React.lazy` component whose module can be fetched before it first renders. */
export type PreloadableComponent<P> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts fetching the module (once); call it on intent: pointer enter, focus, idle time. */
  preload: () => Promise<unknown>;
};

/**
 * `React.lazy` over a dynamic `import()` (which bundlers split into a chunk of its own), plus
 * `preload()`, so a part that only runs after the reader acts is fetched on intent and opens as fast
 * as if it were bundled.
 */
export function lazyWithPreload<P>(load: () => Promise<ComponentType<P>>): PreloadableComponent<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    // A failed fetch is forgotten, so the next intent tries again instead of keeping the failure.
    loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return Object.assign(lazy(preload), { preload });
}

// The parts only the reader's actions show, each fetched on intent; what they say travels with them
// (i18n/messages/en.actions.json).

/** The one-session confirmation (B4), lazy. */
export const LazyLogoutConfirmModal = /* @__PURE__ */ lazyWithPreload(() => import('./LogoutConfirmModal').then((m) => m.LogoutConfirmModal));

/** Log out of all sessions' confirmation (B6), lazy. */
export const LazyLogoutAllDialog = /* @__PURE__ */ lazyWithPreload(() => import('./LogoutAllDialog').then((m) => m.LogoutAllDialog));

/** The row menu of narrow containers, lazy. */
export const LazyRowMenu = /* @__PURE__ */ lazyWithPreload(() => import('./RowMenu').then((m) => m.RowMenu));
