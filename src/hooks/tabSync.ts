import type { QueryClient } from '@tanstack/react-query';
import { LIST_STALE_MS, sessionsKeys } from './queries';

/** B17: the channel every section of an origin listens on. */
export const TAB_CHANNEL = '@firstparty/active-sessions';

type Message = { type: 'sessions_changed' };

type Link = { channel: BroadcastChannel | null; users: number; leave: () => void };

// One link per QueryClient, not per section: sections sharing a QueryClient share its list, so a
// message from one of them would only make its siblings refetch (and cancel) the list it just loaded.
// A BroadcastChannel object never receives its own messages, which keeps the sender out.
const links = new WeakMap<QueryClient, Link>();

function reload(queryClient: QueryClient) {
  // Not cancelRefetch: a load already under way (the section's own, or TanStack's on focus) is the answer.
  queryClient.refetchQueries({ queryKey: sessionsKeys.list, type: 'active' }, { cancelRefetch: false }).catch(() => undefined);
}

function open(queryClient: QueryClient): Link {
  // Where BroadcastChannel is missing (old browsers, some embedded views) other tabs are simply not told.
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(TAB_CHANNEL) : null;
  if (channel) {
    channel.onmessage = (event: MessageEvent<Message | undefined>) => {
      if (event.data?.type === 'sessions_changed') reload(queryClient);
    };
  }
  // B17: a list older than its stale time is reloaded when the page is seen again; its 401 then reaches
  // onUnauthorized like any other. Our own listeners, since TanStack's focusManager only helps a
  // QueryClient that a QueryClientProvider has mounted, and does not listen to window focus.
  const onSeen = () => {
    if (document.visibilityState === 'hidden') return;
    // No key of ours extends the list's, so the first query under it is the list.
    const list = queryClient.getQueryCache().find({ queryKey: sessionsKeys.list });
    if (list && list.state.data !== undefined && list.isStaleByTime(LIST_STALE_MS)) reload(queryClient);
  };
  window.addEventListener('focus', onSeen);
  document.addEventListener('visibilitychange', onSeen);
  return {
    channel,
    users: 0,
    leave() {
      channel?.close();
      window.removeEventListener('focus', onSeen);
      document.removeEventListener('visibilitychange', onSeen);
    },
  };
}

/** B17: keeps this QueryClient's list in step with the other tabs and with the page's visibility; returns the way out. */
export function joinTabs(queryClient: QueryClient): () => void {
  const link = links.get(queryClient) ?? open(queryClient);
  links.set(queryClient, link);
  link.users += 1;
  let hasLeft = false;
  return () => {
    if (hasLeft) return;
    hasLeft = true;
    link.users -= 1;
    if (link.users > 0) return;
    links.delete(queryClient);
    link.leave();
  };
}

/** B17: tells every other section of the origin that sessions ended, so each reloads its list. */
export function tellOtherTabs(queryClient: QueryClient): void {
  const message: Message = { type: 'sessions_changed' };
  links.get(queryClient)?.channel?.postMessage(message);
}
