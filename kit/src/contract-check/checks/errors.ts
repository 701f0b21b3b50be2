// Unknown and hostile ids, bad flags, and the error bodies of the whole run.
import { randomBytes } from 'node:crypto';
import type { Check } from '../check.js';
import { Failure } from '../errors.js';
import { allLive, expectRefusal } from '../expect.js';
import { needList } from '../needs.js';
import { leakIn, plural, show, showPath } from '../text.js';

export const errorsUnknownId: Check = {
  id: 'errors.unknown-id',
  rule: 'DELETE of an unknown id answers 404 {"error":{"code":"not_found"}} and ends nothing',
  needs: needList,
  async run(ctx) {
    const id = `contract-check-${randomBytes(8).toString('hex')}`;
    const res = await ctx.send('DELETE', `/sessions/${id}?remove_trusted_device=false`, ctx.acting.headers);
    await expectRefusal(ctx, res, { expect: { 404: 'not_found' }, guarded: allLive(ctx) });
    return `DELETE /sessions/${id} answered 404`;
  },
};

export const errorsHostileId: Check = {
  id: 'errors.hostile-id',
  rule: 'hostile ids (quotes, SQL, path tricks, NUL, 1,000 characters) answer 400 or 404 {"error":{"code":…}} and end nothing',
  needs: needList,
  async run(ctx) {
    const hostile = [
      "x' OR '1'='1",
      '1"; DROP TABLE sessions; --',
      `${ctx.acting.currentId ?? 'x'}' OR 'a'='a`,
      '../../etc/passwd',
      'nul\u0000byte',
      '%00%27',
      '<script>alert(1)</script>',
      'сессия-🙂',
      'x'.repeat(1000),
    ];
    for (const id of hostile) {
      const path = `/sessions/${encodeURIComponent(id)}?remove_trusted_device=false`;
      const res = await ctx.send('DELETE', path, ctx.acting.headers, { inputs: [id, encodeURIComponent(id)] });
      await expectRefusal(ctx, res, { expect: { 400: 'invalid_request', 404: 'not_found' }, guarded: allLive(ctx) });
    }
    return `${hostile.length} hostile ids refused, nothing ended`;
  },
};

export const errorsBadFlag: Check = {
  id: 'errors.bad-flag',
  rule: 'a remove_trusted_device other than true or false (or none) answers 400 {"error":{"code":"invalid_request"}} and ends nothing',
  needs: needList,
  async run(ctx) {
    const unknown = `contract-check-${randomBytes(8).toString('hex')}`;
    // An unknown id, and session 1's own row, where 409 current_session is a refusal too.
    const targets: [string, Record<number, string>][] = [[unknown, { 400: 'invalid_request' }]];
    if (ctx.acting.currentId) targets.push([ctx.acting.currentId, { 400: 'invalid_request', 409: 'current_session' }]);
    for (const [id, expect] of targets) {
      for (const value of ['maybe', "true' OR '1'='1", '', undefined]) {
        const query = value === undefined ? '' : `?remove_trusted_device=${encodeURIComponent(value)}`;
        const inputs = value ? [value, encodeURIComponent(value)] : [];
        const res = await ctx.send('DELETE', `/sessions/${encodeURIComponent(id)}${query}`, ctx.acting.headers, { inputs });
        await expectRefusal(ctx, res, { expect, guarded: allLive(ctx) });
      }
    }
    return 'maybe, an injection, an empty value and none: refused each time, nothing ended';
  },
};

export const errorsPlainBodies: Check = {
  id: 'errors.plain-bodies',
  rule: 'every error body is the JSON the contract documents for its status ({"error":{"code":…}}), with no stack trace, file path, SQL or credential',
  needs: (ctx) => (ctx.errorResponses.length ? undefined : 'no error answer was seen'),
  async run(ctx) {
    const problems: string[] = [];
    for (const res of ctx.errorResponses) {
      const what = `${res.method} ${showPath(res.path, 40)} answered ${res.status}`;
      const echoed = ctx.secrets.find(({ secret }) => res.text.includes(secret));
      const leak = echoed ? `a credential of session ${echoed.session.n}` : leakIn(res);
      if (leak) {
        problems.push(`${what} with ${leak}`);
        continue;
      }
      if (!res.isJson) {
        problems.push(`${what} ${res.contentType || 'without a content type'} ${show(res.shown, 60)}, not application/json`);
        continue;
      }
      const errors = ctx.contract.validateAnswer(res.method, res.route, res.status, res.body);
      if (!errors) problems.push(`${what}, a status the contract does not have for ${res.method} ${res.route}`);
      else if (errors.length) problems.push(`${what} ${show(res.shown, 80)}: ${errors[0]}`);
    }
    if (problems.length) {
      throw new Failure(
        `${plural(problems.length, 'bad error body', 'bad error bodies')}: ${[...new Set(problems)].slice(0, 3).join(' | ')}`,
      );
    }
    return `${plural(ctx.errorResponses.length, 'error body', 'error bodies')}, each as documented`;
  },
};
