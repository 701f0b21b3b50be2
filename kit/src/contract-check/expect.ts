// What the checks expect of an answer or a session, each throwing Failure with what was seen.
import type { Answer, CheckContext } from './context.js';
import { Failure, Skipped } from './errors.js';
import type { Session } from './input.js';
import { answer, errorCodeOf, show, showPath, sleep } from './text.js';

const POLL_MS = 200;

/** A row as sent: an object, or anything else the server put in the array. */
export type Row = Record<string, unknown>;

export const isRow = (row: unknown): row is Row => !!row && typeof row === 'object' && !Array.isArray(row);
export const idsOf = (rows: unknown[]): string[] => rows.filter(isRow).flatMap((r) => (typeof r.id === 'string' ? [r.id] : []));
export const currentRows = (rows: unknown[]): Row[] => rows.filter(isRow).filter((r) => r.is_current === true);
export const live = (session: Session) => !!session.signedIn && !session.endedBy;
export const allLive = (ctx: CheckContext) => ctx.sessions.filter(live);

/** GET /sessions as this session. */
export function list(ctx: CheckContext, session: Session): Promise<Answer> {
  return ctx.send('GET', '/sessions', session.headers);
}

/** Reads `{"sessions":[…]}` from a 200, or throws Failure saying what came instead. */
export function rowsOf(res: Answer, who: string): unknown[] {
  if (res.status !== 200) {
    const code = errorCodeOf(res.body);
    const hint =
      res.status === 401
        ? ` (is ${who} still signed in? refresh its headers)`
        : code === 'sso_account' || code === 'not_supported'
          ? ' (the feature is not available to this account: use a disposable account without SSO)'
          : '';
    throw new Failure(`GET /sessions as ${who} answered ${answer(res)}${hint}`);
  }
  if (!res.isJson)
    throw new Failure(
      `GET /sessions as ${who} answered 200 ${res.contentType || 'without a content type'} ${show(res.shown, 80)}, not application/json`,
    );
  const sessions = isRow(res.body) ? res.body.sessions : undefined;
  if (!Array.isArray(sessions)) throw new Failure(`GET /sessions as ${who} answered 200 ${show(res.shown)}, which has no "sessions" array`);
  return sessions;
}

/** Marks a session ended by the running check, so later checks skip it with the reason. */
export function ended(ctx: CheckContext, session: Session): void {
  session.endedBy ??= ctx.current;
  if (session.currentId) ctx.expectedIds?.delete(session.currentId);
}

/** Every session on a row a logout ended is ended too (one browser signed in to several apps is one row). */
export function endRow(ctx: CheckContext, rowId: string): void {
  ctx.expectedIds?.delete(rowId);
  for (const session of ctx.sessions) if (session.currentId === rowId) ended(ctx, session);
}

/** The session still works: GET /sessions with it answers 200. */
export async function expectAlive(ctx: CheckContext, session: Session, after: string): Promise<void> {
  const res = await list(ctx, session);
  if (res.status === 200) return;
  if (res.status === 401) ended(ctx, session);
  throw new Failure(
    `${after}, and then GET /sessions as session ${session.n} answered ${answer(res)}: it was ${res.status === 401 ? 'ended' : 'broken'}`,
  );
}

/** Which of these sessions a request ended; session 1 must also still list every row it listed. */
export async function endedAmong(ctx: CheckContext, sessions: Session[]): Promise<string[]> {
  const problems: string[] = [];
  for (const session of sessions.filter(live)) {
    const res = await list(ctx, session);
    if (res.status === 401) ended(ctx, session);
    if (res.status !== 200)
      problems.push(`session ${session.n} was ${res.status === 401 ? 'ended' : `broken (GET /sessions answered ${answer(res)})`}`);
    else if (session === ctx.acting && ctx.expectedIds) {
      const rows = isRow(res.body) && Array.isArray(res.body.sessions) ? res.body.sessions : [];
      const now = new Set(idsOf(rows));
      const missing = [...ctx.expectedIds].filter((id) => !now.has(id));
      // Reported once: later checks are not failed again for the same lost row.
      for (const id of missing) ctx.expectedIds.delete(id);
      if (missing.length) problems.push(`session 1 no longer lists ${missing.map((id) => show(id, 40)).join(', ')}`);
    }
  }
  return problems;
}

/**
 * A request that must be refused and end nothing: `expect` maps each allowed status to its error
 * code. Checks the answer, then that every session in `guarded` still works, and says both when
 * both went wrong.
 */
export async function expectRefusal(
  ctx: CheckContext,
  res: Answer,
  { expect, guarded, as = '' }: { expect: Record<number, string>; guarded: Session[]; as?: string },
): Promise<void> {
  const code = errorCodeOf(res.body);
  // B16: a server may ask for re-authentication before it even looks the id up; that ends nothing
  // either. The CSRF checks still want the CSRF refusal, which comes first.
  const reauthentication = res.status === 403 && code === 'reauthentication_required' && !Object.values(expect).includes('csrf');
  const right = reauthentication || (expect[res.status] !== undefined && code === expect[res.status]);
  const damage = await endedAmong(ctx, guarded);
  const expected = Object.entries(expect)
    .map(([status, code]) => `${status} {"error":{"code":"${code}"}}`)
    .join(' or ');
  if (!right) {
    throw new Failure(
      `${as}${res.method} ${showPath(res.path)} answered ${answer(res)}; expected ${expected}${damage.length ? `, and then ${damage.join('; ')}` : ''}`,
    );
  }
  if (damage.length) throw new Failure(`${as}${res.method} ${showPath(res.path)} answered ${res.status}, but then ${damage.join('; ')}`);
}

/** The session is refused with 401 unauthorized, at once or within the grace period; resolves with the seconds waited. */
export async function expectRefused(ctx: CheckContext, session: Session, after: string, waitMs = ctx.graceMs): Promise<string> {
  const started = Date.now();
  for (;;) {
    const res = await list(ctx, session);
    const waited = ((Date.now() - started) / 1000).toFixed(1);
    if (res.status === 401) {
      if (errorCodeOf(res.body) !== 'unauthorized') {
        throw new Failure(
          `${after}, session ${session.n} was refused with 401 but ${show(res.shown)}, not {"error":{"code":"unauthorized"}}`,
        );
      }
      return waited;
    }
    if (res.status !== 200) {
      throw new Failure(
        `${after}, GET /sessions as session ${session.n} answered ${answer(res)}; a logged-out session is refused with 401 {"error":{"code":"unauthorized"}}`,
      );
    }
    if (Date.now() - started >= waitMs)
      throw new Failure(
        `${after}, GET /sessions as session ${session.n} still answered 200 ${waited} s later: its token is still accepted`,
      );
    await sleep(POLL_MS);
  }
}

/** The row leaves session 1's list within the list grace (B9, B11); resolves with the seconds waited. */
export async function expectUnlisted(ctx: CheckContext, rowId: string, after: string): Promise<string> {
  const started = Date.now();
  for (;;) {
    const rows = rowsOf(await list(ctx, ctx.acting), 'session 1');
    const waited = ((Date.now() - started) / 1000).toFixed(1);
    if (!idsOf(rows).includes(rowId)) return waited;
    if (Date.now() - started >= ctx.listGraceMs) {
      throw new Failure(
        `${after}, session 1 still lists row ${show(rowId, 40)} ${waited} s later: a signed-out session is never listed once its logout has propagated`,
      );
    }
    await sleep(POLL_MS);
  }
}

/** The answer is exactly this error. */
export function expectError(res: Answer, status: number, code: string): void {
  if (res.status !== status || errorCodeOf(res.body) !== code) {
    throw new Failure(`${res.method} ${showPath(res.path)} answered ${answer(res)}; expected ${status} {"error":{"code":"${code}"}}`);
  }
}

// B16: a server may ask for a recent sign-in before ending sessions. Sessions signed in this long
// before the run count as fresh: a server asking them to re-authenticate is broken.
const FRESH_MS = 60_000;

/**
 * A log-out call answered 403 reauthentication_required: with sessions signed in long ago, the check
 * is skipped (and so are the log-out checks after it); with fresh ones, that is a failure.
 */
export function reauthenticationAsked(ctx: CheckContext, res: Answer): void {
  if (res.status !== 403 || errorCodeOf(res.body) !== 'reauthentication_required') return;
  const own = ctx.list?.filter(isRow).find((row) => row.id === ctx.acting.currentId);
  const signedInAt = typeof own?.signed_in_at === 'string' ? Date.parse(own.signed_in_at) : Number.NaN;
  const age = ctx.startedAt - signedInAt;
  if (age <= FRESH_MS) {
    throw new Failure(
      `${res.method} ${showPath(res.path)} answered 403 reauthentication_required, but session 1 signed in ${Math.max(0, Math.round(age / 1000))} s before the check: a fresh sign-in is a recent password check`,
    );
  }
  const when = Number.isNaN(signedInAt)
    ? 'its sign-in time is not listed'
    : `it signed in ${Math.round(age / 60_000)} min before the check`;
  ctx.reauthentication = `the server asks for re-authentication before ending sessions (${res.method} ${showPath(res.path)} answered 403 reauthentication_required; ${when}): sign the sessions in again just before running the check`;
  throw new Skipped(ctx.reauthentication);
}
