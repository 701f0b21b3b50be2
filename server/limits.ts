// Sign-in limits (also for POST /auth/reauthenticate): failed password checks per (account, client
// address), 5 in 15 minutes, and per client address, 50 in 15 minutes. Counted in the database, so
// every instance sees the same counts, and counted before the password hash is computed, so a burst
// of parallel guesses gets no more than the limit. Keyed by the client, so no one can lock another
// client out of an account: the right password from another address still signs in.
import { createHash } from 'node:crypto';
import type { Store } from './store';

export const LIMITS = {
  perAccountAndClient: 5,
  perClient: 50,
  windowMs: 15 * 60_000,
};

function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export type Attempt =
  | { isAllowed: false; retryAfterSeconds: number }
  | {
      isAllowed: true;
      /** The password was right: the attempt was no failure, and the account's count on this client starts again. */
      succeeded(): Promise<void>;
    };

/** Counts a password check by `client` for `email` before it is made; refused when either count is past its limit. */
export async function beginAttempt(store: Store, email: string, client: string, now = new Date()): Promise<Attempt> {
  const accountKey = keyHash(`account:${email}|client:${client}`);
  const clientKey = keyHash(`client:${client}`);
  const [account, byClient] = await store.countFailure([accountKey, clientKey], now, LIMITS.windowMs);
  const over = [
    account!.failures > LIMITS.perAccountAndClient ? account! : undefined,
    byClient!.failures > LIMITS.perClient ? byClient! : undefined,
  ].filter((count) => count !== undefined);
  if (over.length > 0) {
    const until = Math.max(...over.map((count) => new Date(count.windowEndsAt).getTime()));
    return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }
  return { isAllowed: true, succeeded: () => store.forgiveFailure({ reset: accountKey, uncount: clientKey }) };
}
