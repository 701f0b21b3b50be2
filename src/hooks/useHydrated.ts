import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False on the server and while the browser hydrates server HTML, true from the render after (and from
 * the first render of a client-only app). What only the browser knows (the reader's time zone, its
 * clock) is shown once this is true, so hydration renders exactly what the server sent.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    // Stryker disable next-line ArrowFunction: undefined is as falsy as false to every reader
    () => false,
  );
}
