// B6: log out of all sessions, last of all since it ends every session of the account.
import type { Check } from '../check.js';
import { Failure } from '../errors.js';
import { ended, expectAlive, expectRefusal, expectRefused, isRow, live, reauthenticationAsked } from '../expect.js';
import { all, needCsrf, needLogOutMode, needOther, type Need } from '../needs.js';
import { answer, show, withoutCsrf } from '../text.js';

export const logoutAllCsrf: Check = {
  id: 'logout-all.csrf',
  rule: 'POST /sessions/logout_all without the CSRF header answers 403 {"error":{"code":"csrf"}} and ends nothing',
  needs: all(needLogOutMode, needCsrf),
  async run(ctx) {
    const res = await ctx.send('POST', '/sessions/logout_all', withoutCsrf(ctx.acting.headers));
    await expectRefusal(ctx, res, { expect: { 403: 'csrf' }, guarded: ctx.first });
    return 'answered 403, and every session of the account still works';
  },
};

// Five minutes of clock skew either way.
const SKEW_MS = 5 * 60_000;

export const logoutAllAccepted: Check = {
  id: 'logout-all.accepted',
  rule: 'B6: POST /sessions/logout_all answers 202 {"completes_by": date-time}, at most 30 minutes on',
  needs: needLogOutMode,
  async run(ctx) {
    const before = ctx.first.filter(live);
    const sentAt = Date.now();
    const res = await ctx.send('POST', '/sessions/logout_all', ctx.acting.headers);
    reauthenticationAsked(ctx, res);
    if (res.status >= 200 && res.status < 300) {
      ctx.loggedOutAll = { sessions: before, completesBy: sentAt };
      for (const session of before) ended(ctx, session);
    }
    if (res.status !== 202) throw new Failure(`POST /sessions/logout_all answered ${answer(res)}; expected 202`);
    const problems = res.isJson
      ? (ctx.contract.validateAnswer('POST', '/sessions/logout_all', 202, res.body) ?? [])
      : ['not application/json'];
    const raw = isRow(res.body) ? res.body.completes_by : undefined;
    const completesBy = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
    if (problems.length || Number.isNaN(completesBy)) {
      throw new Failure(`answered 202 ${show(res.shown || '(no body)')}: ${problems.join('; ') || 'completes_by is not a date-time'}`);
    }
    if (completesBy < sentAt - SKEW_MS || completesBy > sentAt + 30 * 60_000 + SKEW_MS) {
      throw new Failure(`completes_by ${show(raw)} is not between the request (${new Date(sentAt).toISOString()}) and 30 minutes after it`);
    }
    if (ctx.loggedOutAll) ctx.loggedOutAll.completesBy = completesBy;
    return `202, completes_by ${String(raw)}`;
  },
};

const needAccepted: Need = (ctx) =>
  ctx.reauthentication ?? (ctx.loggedOutAll ? undefined : 'needs log out all to be accepted (see logout-all.accepted)');

export const logoutAllEndsAll: Check = {
  id: 'logout-all.ends-all',
  rule: 'B6: log out of all sessions ends every session of the account, the current one included, by completes_by',
  needs: needAccepted,
  async run(ctx) {
    const { sessions, completesBy } = ctx.loggedOutAll ?? { sessions: [], completesBy: 0 };
    // Sessions must be refused by completes_by at the latest: wait that long (and the grace), no longer.
    const waitMs = Math.max(0, completesBy - Date.now()) + ctx.graceMs;
    const results = await Promise.allSettled(
      sessions.map((session) => expectRefused(ctx, session, 'after log out all was accepted', waitMs)),
    );
    const problems = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    const crash = problems.find((e) => !(e instanceof Failure));
    if (crash) throw crash;
    if (problems.length) throw new Failure(problems.map((e) => e.message).join('; '));
    const ns = sessions.map((s) => s.n);
    return `session${ns.length === 1 ? '' : 's'} ${ns.join(', ')} refused with 401`;
  },
};

export const logoutAllScoped: Check = {
  id: 'logout-all.scoped',
  rule: 'log out of all sessions ends nothing of another account',
  needs: (ctx) => needAccepted(ctx) ?? needOther(ctx),
  async run(ctx) {
    const others = ctx.other.filter(live);
    for (const other of others) await expectAlive(ctx, other, 'log out all was accepted for the first account');
    return `session${others.length === 1 ? '' : 's'} ${others.map((s) => s.n).join(', ')} of the other account still work${others.length === 1 ? 's' : ''}`;
  },
};
