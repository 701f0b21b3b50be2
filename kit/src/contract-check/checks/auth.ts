// Requests without credentials, or with forged ones, are refused.
import type { Check } from '../check.js';
import { Failure } from '../errors.js';
import { expectError } from '../expect.js';
import { credentialless, forged, randomToken } from '../text.js';

export const authNone: Check = {
  id: 'auth.none',
  rule: 'a request without credentials is refused: 401 {"error":{"code":"unauthorized"}}',
  async run(ctx) {
    const res = await ctx.send('GET', '/sessions', credentialless(ctx.acting.headers));
    expectError(res, 401, 'unauthorized');
    return 'GET /sessions without credentials answered 401';
  },
};

const INJECTION = "' OR '1'='1";

export const authForged: Check = {
  id: 'auth.forged',
  rule: 'an unknown or forged session token is refused: 401 {"error":{"code":"unauthorized"}}',
  needs: (ctx) =>
    Object.keys(forged(ctx.acting.headers, randomToken)).length
      ? undefined
      : "session 1's headers have no Cookie, Authorization or token header to forge",
  async run(ctx) {
    // Same-length random values, then a classic injection, in every credential the session carries.
    const kinds: [string, (length: number) => string][] = [
      ['random', randomToken],
      ['injected', () => INJECTION],
    ];
    for (const [kind, make] of kinds) {
      const headers = { ...ctx.acting.headers, ...forged(ctx.acting.headers, make) };
      const res = await ctx.send('GET', '/sessions', headers, { inputs: [INJECTION] });
      try {
        expectError(res, 401, 'unauthorized');
      } catch (error) {
        throw new Failure(`with ${kind} credentials: ${(error as Error).message}`);
      }
    }
    return `${Object.keys(forged(ctx.acting.headers, randomToken)).join(', ')} forged twice: 401 both times`;
  },
};
