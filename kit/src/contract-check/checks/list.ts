// The read-only checks of GET /sessions as session 1, and that every session of the file is signed in.
import { createHash } from 'node:crypto';
import type { Check } from '../check.js';
import { Failure } from '../errors.js';
import { currentRows, idsOf, isRow, list, live, rowsOf } from '../expect.js';
import { needList, needOwnRow } from '../needs.js';
import { ENDED_AT, ENDED_STATUS, ipsAndCoordinates, plural, show } from '../text.js';

export const listOk: Check = {
  id: 'list.ok',
  rule: 'GET /sessions answers 200 with JSON {"sessions":[WireSession, …]}',
  async run(ctx) {
    const res = await list(ctx, ctx.acting);
    const rows = rowsOf(res, 'session 1');
    ctx.list = rows;
    ctx.listAnswer = res;
    ctx.expectedIds = new Set(idsOf(rows));
    ctx.acting.signedIn = true;
    const current = currentRows(rows);
    if (current.length === 1 && typeof current[0]?.id === 'string') ctx.acting.currentId = current[0].id;
    return plural(rows.length, 'row');
  },
};

export const listNoStore: Check = {
  id: 'list.no-store',
  rule: 'GET /sessions is sent with Cache-Control: no-store (the list changes with every sign-in and logout)',
  needs: needList,
  async run(ctx) {
    const value = ctx.listAnswer?.cacheControl ?? '';
    if (!/(^|,)\s*no-store\s*(,|$)/i.test(value)) throw new Failure(`Cache-Control is ${value ? show(value) : 'missing'}`);
    return `Cache-Control: ${value}`;
  },
};

export const listSchema: Check = {
  id: 'list.schema',
  rule: 'every listed row is a valid WireSession (openapi.yaml)',
  needs: needList,
  async run(ctx) {
    const rows = ctx.list ?? [];
    const problems = rows.flatMap((row, i) => {
      const errors = ctx.contract.validateRow(row);
      const which = isRow(row) && typeof row.id === 'string' ? `row ${i + 1} (id ${show(row.id, 40)})` : `row ${i + 1}`;
      return errors.length ? [`${which}: ${errors.slice(0, 3).join('; ')}`] : [];
    });
    if (problems.length) throw new Failure(`${plural(problems.length, 'invalid row')}: ${problems.slice(0, 3).join(' | ')}`);
    return `${plural(rows.length, 'row')} valid`;
  },
};

// Clocks of the server and of the machine running the check may differ by this much.
const CLOCK_SKEW_MS = 5 * 60_000;

export const listLastActive: Check = {
  id: 'list.last-active',
  rule: 'B12: last_active_at, when present, is an ISO date-time, never before signed_in_at, and not in the future',
  needs: needList,
  async run(ctx) {
    const problems: string[] = [];
    let present = 0;
    const now = Date.now();
    for (const row of (ctx.list ?? []).filter(isRow)) {
      const value = row.last_active_at;
      if (value === undefined || value === null) continue;
      present++;
      const which = typeof row.id === 'string' ? `row ${show(row.id, 40)}` : 'a row';
      const at =
        typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(value)
          ? Date.parse(value)
          : Number.NaN;
      if (Number.isNaN(at)) {
        problems.push(`${which} has last_active_at ${show(value)}, not an ISO 8601 date-time with a time zone`);
        continue;
      }
      const signedIn = typeof row.signed_in_at === 'string' ? Date.parse(row.signed_in_at) : Number.NaN;
      if (!Number.isNaN(signedIn) && at < signedIn)
        problems.push(`${which} was last active at ${show(value)}, before it signed in (${show(row.signed_in_at)})`);
      if (at > now + CLOCK_SKEW_MS)
        problems.push(`${which} was last active at ${show(value)}, in the future (the check's clock reads ${new Date(now).toISOString()})`);
    }
    if (problems.length) throw new Failure(problems.slice(0, 3).join('; '));
    return present ? `${plural(present, 'row')} with last_active_at, each plausible` : 'no row has last_active_at (it is optional)';
  },
};

export const listUniqueIds: Check = {
  id: 'list.unique-ids',
  rule: 'every listed row has its own id',
  needs: needList,
  async run(ctx) {
    const ids = idsOf(ctx.list ?? []);
    const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    if (repeated.length) throw new Failure(`listed more than once: ${repeated.map((id) => show(id, 40)).join(', ')}`);
    return `${plural(ids.length, 'id')}, all different`;
  },
};

export const listOneCurrent: Check = {
  id: 'list.one-current',
  rule: "B3: exactly one row is the caller's own session (is_current: true)",
  needs: needList,
  async run(ctx) {
    const current = currentRows(ctx.list ?? []);
    if (current.length === 0) throw new Failure('no row has is_current: true');
    if (current.length > 1)
      throw new Failure(`${current.length} rows have is_current: true: ${current.map((r) => show(r.id, 40)).join(', ')}`);
    return `the current row is ${show(current[0]?.id, 40)}`;
  },
};

export const listNoEnded: Check = {
  id: 'list.no-ended',
  rule: 'B11: signed-out sessions are never listed',
  needs: needList,
  async run(ctx) {
    const problems: string[] = [];
    for (const row of (ctx.list ?? []).filter(isRow)) {
      const which = typeof row.id === 'string' ? `row ${show(row.id, 40)}` : 'a row';
      if (typeof row.status === 'string' && ENDED_STATUS.test(row.status)) problems.push(`${which} has status ${show(row.status)}`);
      for (const [key, value] of Object.entries(row)) {
        if (ENDED_AT.test(key) && value !== null && value !== undefined && value !== '')
          problems.push(`${which} has ${key}: ${show(value)}`);
      }
    }
    if (problems.length) throw new Failure(problems.slice(0, 3).join('; '));
    return 'no row is signed out';
  },
};

export const listNoIp: Check = {
  id: 'list.no-ip',
  rule: 'locations are approximate: no IP address or coordinates in any field',
  needs: needList,
  async run(ctx) {
    const problems = (ctx.list ?? []).filter(isRow).flatMap((row) => ipsAndCoordinates(row).map((p) => `row ${show(row.id, 40)} ${p}`));
    if (problems.length) throw new Failure(problems.slice(0, 3).join('; '));
    return 'none found';
  },
};

export const listIdsOpaque: Check = {
  id: 'list.ids-opaque',
  rule: 'row ids are opaque: never a session token, CSRF token or SHA-256 of one',
  needs: needList,
  async run(ctx) {
    const problems: string[] = [];
    const ids = idsOf(ctx.list ?? []);
    for (const id of ids) {
      for (const { secret, session } of ctx.secrets) {
        const hash = createHash('sha256').update(secret).digest();
        const forms: [string, string][] = [
          [secret, 'a credential'],
          [hash.toString('hex'), 'the SHA-256 of a credential'],
          [hash.toString('base64url'), 'the SHA-256 of a credential'],
          [hash.toString('base64'), 'the SHA-256 of a credential'],
        ];
        const match = forms.find(([form]) => id === form || (form.length >= 16 && id.includes(form)));
        if (match) problems.push(`row ${show(id, 24)} is ${match[1]} of session ${session.n}`);
      }
    }
    if (problems.length) throw new Failure([...new Set(problems)].slice(0, 3).join('; '));
    return `${plural(ids.length, 'id')}, none made from the ${plural(ctx.secrets.length, 'credential')} in --sessions`;
  },
};

export const sessionsSignedIn: Check = {
  id: 'sessions.signed-in',
  rule: 'every session in --sessions is signed in and sees its own row as current',
  needs: (ctx) => needList(ctx) ?? (ctx.sessions.length < 2 ? 'only one session in --sessions (list.ok covers it)' : undefined),
  async run(ctx) {
    const problems: string[] = [];
    for (const session of ctx.sessions.slice(1)) {
      const who = `session ${session.n}${session.account === 'other' ? ' (other account)' : ''}`;
      try {
        const rows = rowsOf(await list(ctx, session), who);
        const current = currentRows(rows);
        const id = current[0]?.id;
        if (current.length !== 1 || typeof id !== 'string') throw new Failure(`${who} sees ${current.length} rows with is_current: true`);
        session.signedIn = true;
        session.currentId = id;
        session.rows = rows;
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        problems.push(error.message);
      }
    }
    if (problems.length) throw new Failure(problems.join('; '));
    return `${plural(ctx.sessions.length, 'session')} signed in`;
  },
};

export const listEverySession: Check = {
  id: 'list.every-session',
  rule: 'B1: GET /sessions lists every signed-in session of the account',
  needs: (ctx) =>
    needOwnRow(ctx) ?? (ctx.first.slice(1).some(live) ? undefined : 'needs two signed-in sessions of the account in --sessions'),
  async run(ctx) {
    const listed = new Set(idsOf(ctx.list ?? []));
    const others = ctx.first.slice(1).filter(live);
    const missing = others.filter((s) => !s.currentId || !listed.has(s.currentId));
    if (missing.length) {
      throw new Failure(
        missing.map((s) => `session ${s.n}'s row ${show(s.currentId, 40)} (current in its own list) is not in session 1's list`).join('; '),
      );
    }
    return `session 1 lists the rows of sessions ${[1, ...others.map((s) => s.n)].join(', ')}`;
  },
};
