// What a check needs, and why it is skipped without it: each returns the reason, or undefined to run.
import type { CheckContext } from './context.js';
import { live } from './expect.js';
import type { Session } from './input.js';
import { isCsrfHeader } from './text.js';

/** Returns why a check cannot run, or undefined when it can. */
export type Need = (ctx: CheckContext) => string | undefined;

export const needList: Need = (ctx) => {
  if (!ctx.list) return 'needs session 1 signed in and GET /sessions readable (see list.ok)';
  if (ctx.acting.endedBy) return `session 1 was ended by ${ctx.acting.endedBy}`;
  return undefined;
};

export const needOwnRow: Need = (ctx) =>
  needList(ctx) ?? (ctx.acting.currentId ? undefined : "needs session 1's own row, marked is_current (see list.one-current)");

/** B16: once the server asked for re-authentication, the calls that end sessions are not tried again. */
export const needNoReauthentication: Need = (ctx) => ctx.reauthentication;

export const needLogOutMode: Need = (ctx) => {
  if (ctx.first.length < 2) return 'needs two sessions of the account in --sessions (one session runs read-only)';
  return needOwnRow(ctx) ?? needNoReauthentication(ctx);
};

/** The sessions of the first account that later checks may log out, each on its own row. */
export function victims(ctx: CheckContext): (Session & { currentId: string })[] {
  const rows = new Set([ctx.acting.currentId]);
  const found: (Session & { currentId: string })[] = [];
  for (const session of ctx.first.slice(1)) {
    if (!live(session) || !session.currentId || rows.has(session.currentId)) continue;
    rows.add(session.currentId);
    found.push(session as Session & { currentId: string });
  }
  return found;
}

function whyNoVictim(ctx: CheckContext, count: number, note: string): string {
  const reasons = ctx.first.slice(1).map((session) => {
    if (session.endedBy) return `session ${session.n} was ended by ${session.endedBy}`;
    if (!session.signedIn) return `session ${session.n} is not signed in (see sessions.signed-in)`;
    if (session.currentId === ctx.acting.currentId)
      return `session ${session.n} is listed as the same row as session 1 (the same browser?)`;
    return `session ${session.n} is left`;
  });
  return `needs ${count} signed-in session${count === 1 ? '' : 's'} of the account besides session 1, each on its own row${note}: ${reasons.join('; ')}`;
}

/**
 * Needs a session to log out. `total` is how many sessions of the account the file needs for this
 * check to have one (the checks before it log some out); with `keepOne`, one more is left for log
 * out all, so that check sees it ended too, not only session 1.
 */
export function needVictim({ total, keepOne = false, why }: { total: number; keepOne?: boolean; why?: string }): Need {
  const needed = keepOne ? 2 : 1;
  const note = keepOne ? ' (one is kept for log out all)' : '';
  return (ctx) => {
    const reason = needLogOutMode(ctx);
    if (reason || victims(ctx).length >= needed) return reason;
    if (ctx.first.length < total) return `needs ${total} sessions of the account in --sessions${why ? `: ${why}` : ''}`;
    return whyNoVictim(ctx, needed, note);
  };
}

export const needOther: Need = (ctx) => {
  const [session] = ctx.other;
  if (!session) return 'needs a session marked "account": "other" in --sessions';
  const other = ctx.other.find(live);
  if (!other?.currentId) {
    return session.endedBy
      ? `session ${session.n} (other account) was ended by ${session.endedBy}`
      : `session ${session.n} (other account) is not signed in (see sessions.signed-in)`;
  }
  return undefined;
};

export const needCsrf: Need = (ctx) =>
  Object.keys(ctx.acting.headers).some(isCsrfHeader)
    ? undefined
    : "session 1's headers have no CSRF header (a name with csrf or xsrf in it, e.g. X-CSRF-Token)";

/** The first reason of several needs. */
export const all =
  (...needs: Need[]): Need =>
  (ctx) => {
    for (const need of needs) {
      const reason = need(ctx);
      if (reason) return reason;
    }
    return undefined;
  };
