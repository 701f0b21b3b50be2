// Every call is scoped to the caller's account (needs a session marked "account": "other").
import type { Check } from '../check.js';
import { Failure } from '../errors.js';
import { expectRefusal, idsOf, live } from '../expect.js';
import { all, needOther, needOwnRow, victims } from '../needs.js';
import { plural, show } from '../text.js';

export const scopeList: Check = {
  id: 'scope.list',
  rule: "every call is scoped to the account: neither account lists the other's sessions",
  needs: all(needOwnRow, needOther),
  async run(ctx) {
    const problems: string[] = [];
    const firstListed = new Set(idsOf(ctx.list ?? []));
    for (const other of ctx.other.filter(live)) {
      const otherListed = new Set(idsOf(other.rows ?? []));
      if (other.currentId && firstListed.has(other.currentId))
        problems.push(`session 1 lists session ${other.n}'s own row ${show(other.currentId, 40)}`);
      const mine = ctx.first.filter((s) => live(s) && s.currentId && otherListed.has(s.currentId));
      if (mine.length) problems.push(`session ${other.n} (other account) lists the rows of sessions ${mine.map((s) => s.n).join(', ')}`);
      const shared = [...otherListed].filter(
        (id) => firstListed.has(id) && id !== other.currentId && !mine.some((s) => s.currentId === id),
      );
      if (shared.length) {
        problems.push(
          `${plural(shared.length, 'more row is', 'more rows are')} listed to both accounts (${shared
            .slice(0, 3)
            .map((id) => show(id, 40))
            .join(', ')})`,
        );
      }
    }
    if (problems.length) throw new Failure(problems.join('; '));
    return 'no row of one account is listed to the other';
  },
};

export const scopeDelete: Check = {
  id: 'scope.delete',
  rule: "every call is scoped to the account: DELETE of the other account's session answers 404 and ends nothing",
  needs: all(needOwnRow, needOther),
  async run(ctx) {
    const other = ctx.other.find(live);
    if (!other?.currentId) throw new Error('scope.delete ran without a live session of the other account');
    let res = await ctx.send('DELETE', `/sessions/${encodeURIComponent(other.currentId)}?remove_trusted_device=false`, ctx.acting.headers);
    await expectRefusal(ctx, res, {
      expect: { 404: 'not_found' },
      guarded: [other, ctx.acting],
      as: `from session 1, of session ${other.n}'s row: `,
    });
    // Back the other way, aimed at a session that is not session 1 when there is one.
    const target = victims(ctx)[0] ?? ctx.acting;
    res = await ctx.send('DELETE', `/sessions/${encodeURIComponent(target.currentId ?? '')}?remove_trusted_device=false`, other.headers);
    await expectRefusal(ctx, res, {
      expect: { 404: 'not_found' },
      guarded: [target, other],
      as: `from session ${other.n} (other account), of session ${target.n}'s row: `,
    });
    return `both ways 404, and sessions ${other.n} and ${target.n} still work`;
  },
};
