// B4: logging out one session (needs two or more sessions of the account: these END sessions).
import type { Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { Failure } from '../errors.js';
import { endRow, expectAlive, expectError, expectRefusal, expectRefused, expectUnlisted, reauthenticationAsked } from '../expect.js';
import { all, needCsrf, needList, needLogOutMode, needNoReauthentication, needVictim, victims } from '../needs.js';
import { answer, isCsrfHeader, randomToken, show, withoutCsrf } from '../text.js';

async function refuseWithoutCsrf(ctx: CheckContext, headers: Record<string, string>, how: string): Promise<string> {
  const [victim] = victims(ctx);
  if (!victim) throw new Error('no session to log out');
  const path = `/sessions/${encodeURIComponent(victim.currentId)}?remove_trusted_device=false`;
  const res = await ctx.send('DELETE', path, headers);
  await expectRefusal(ctx, res, { expect: { 403: 'csrf' }, guarded: [victim], as: `${how}, of session ${victim.n}'s row: ` });
  return `DELETE of session ${victim.n} ${how} answered 403, and session ${victim.n} still works`;
}

/** Logs the next victim out with this query; 204, then it is refused and session 1 still works. */
async function logOutVictim(ctx: CheckContext, query: string, how = '') {
  const [victim] = victims(ctx);
  if (!victim) throw new Error('no session to log out');
  const path = `/sessions/${encodeURIComponent(victim.currentId)}?${query}`;
  const res = await ctx.send('DELETE', path, ctx.acting.headers);
  reauthenticationAsked(ctx, res);
  if (res.status !== 204) throw new Failure(`DELETE ${path} (session ${victim.n}) answered ${answer(res)}; expected 204`);
  if (res.text !== '') throw new Failure(`DELETE ${path} answered 204 with a body (${show(res.shown, 60)})`);
  endRow(ctx, victim.currentId);
  const waited = await expectRefused(ctx, victim, `after DELETE of session ${victim.n}${how} answered 204`);
  await expectAlive(ctx, ctx.acting, `DELETE of session ${victim.n} answered 204`);
  return { victim, waited };
}

export const logoutCsrfMissing: Check = {
  id: 'logout.csrf-missing',
  rule: 'DELETE without the CSRF header answers 403 {"error":{"code":"csrf"}} and ends nothing',
  needs: all(needVictim({ total: 2 }), needCsrf),
  run: (ctx) => refuseWithoutCsrf(ctx, withoutCsrf(ctx.acting.headers), 'without the CSRF header'),
};

export const logoutCsrfWrong: Check = {
  id: 'logout.csrf-wrong',
  rule: 'DELETE with a wrong CSRF token answers 403 {"error":{"code":"csrf"}} and ends nothing',
  needs: all(needVictim({ total: 2 }), needCsrf),
  run(ctx) {
    const headers = Object.fromEntries(
      Object.entries(ctx.acting.headers).map(([name, value]) => [name, isCsrfHeader(name) ? randomToken(value.length) : value]),
    );
    return refuseWithoutCsrf(ctx, headers, 'with a wrong CSRF token');
  },
};

export const logoutCurrent: Check = {
  id: 'logout.current',
  rule: 'B3: DELETE of the current session answers 409 {"error":{"code":"current_session"}} and ends nothing',
  needs: needLogOutMode,
  async run(ctx) {
    const path = `/sessions/${encodeURIComponent(ctx.acting.currentId ?? '')}?remove_trusted_device=false`;
    const res = await ctx.send('DELETE', path, ctx.acting.headers);
    reauthenticationAsked(ctx, res);
    await expectRefusal(ctx, res, { expect: { 409: 'current_session' }, guarded: [ctx.acting], as: "of session 1's own row: " });
    return "DELETE of session 1's own row answered 409, and session 1 still works";
  },
};

export const logoutOther: Check = {
  id: 'logout.other',
  rule: 'B4: DELETE of another session answers 204 and that session is refused (401) afterwards',
  needs: needVictim({ total: 2 }),
  async run(ctx) {
    const { victim, waited } = await logOutVictim(ctx, 'remove_trusted_device=false');
    ctx.gone = victim;
    return `DELETE of session ${victim.n} answered 204; session ${victim.n} refused with 401 after ${waited} s; session 1 still works`;
  },
};

const needGone = (ctx: CheckContext) =>
  needList(ctx) ?? needNoReauthentication(ctx) ?? (ctx.gone ? undefined : 'needs a session logged out by logout.other');

export const logoutUnlisted: Check = {
  id: 'logout.unlisted',
  rule: 'B11: a logged-out session leaves GET /sessions once its logout has propagated',
  needs: needGone,
  async run(ctx) {
    const rowId = ctx.gone?.currentId ?? '';
    const waited = await expectUnlisted(ctx, rowId, `after DELETE of session ${ctx.gone?.n} answered 204`);
    return `session 1 no longer lists session ${ctx.gone?.n}'s row after ${waited} s`;
  },
};

export const logoutGone: Check = {
  id: 'logout.gone',
  rule: 'DELETE of a session already gone answers 404 {"error":{"code":"not_found"}}',
  needs: needGone,
  async run(ctx) {
    const gone = ctx.gone;
    const path = `/sessions/${encodeURIComponent(gone?.currentId ?? '')}?remove_trusted_device=false`;
    const res = await ctx.send('DELETE', path, ctx.acting.headers);
    expectError(res, 404, 'not_found');
    await expectAlive(ctx, ctx.acting, `the second DELETE of session ${gone?.n} answered 404`);
    return `the second DELETE of session ${gone?.n} answered 404`;
  },
};

export const logoutRemoveTrusted: Check = {
  id: 'logout.remove-trusted',
  rule: 'B4: DELETE with remove_trusted_device=true answers 204 and that session is refused (401) afterwards',
  needs: needVictim({ total: 4, keepOne: true, why: 'session 1, one for logout.other, one for this check and one kept for log out all' }),
  async run(ctx) {
    const { victim, waited } = await logOutVictim(ctx, 'remove_trusted_device=true', ' with remove_trusted_device=true');
    return `DELETE of session ${victim.n} answered 204; refused with 401 after ${waited} s`;
  },
};

export const logoutUnrecognized: Check = {
  id: 'logout.unrecognized',
  rule: 'B14: DELETE with reason=unrecognized ends the session exactly as without it: 204, refused (401) afterwards, and no longer listed',
  needs: needVictim({
    total: 5,
    keepOne: true,
    why: 'session 1, one for logout.other, one for logout.remove-trusted, one for this check and one kept for log out all',
  }),
  async run(ctx) {
    const { victim, waited } = await logOutVictim(ctx, 'remove_trusted_device=true&reason=unrecognized', ' with reason=unrecognized');
    const unlisted = await expectUnlisted(
      ctx,
      victim.currentId,
      `after DELETE of session ${victim.n} with reason=unrecognized answered 204`,
    );
    return `DELETE of session ${victim.n} with reason=unrecognized answered 204; refused with 401 after ${waited} s; unlisted after ${unlisted} s`;
  },
};
