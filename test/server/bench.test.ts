// A smoke run of `npm run bench:server` (scripts/bench-server.ts): a few accounts for a few seconds, with the
// database lost mid-run. PostgreSQL only: the outage goes through a TCP proxy in front of it.
import { describe, expect, it } from 'vitest';
import { formatReport, runBench } from '../../scripts/bench-server';

const POSTGRES_URL = process.env.DATABASE_URL;
// CI always runs it: a CI without a database is a broken CI, not a reason to skip.
if (!POSTGRES_URL && process.env.CI) throw new Error('CI must run the bench smoke run on PostgreSQL, but DATABASE_URL is not set.');
const describePostgres = POSTGRES_URL ? describe : describe.skip;

describePostgres('bench:server smoke run, on PostgreSQL only (skipped without DATABASE_URL)', () => {
  it('lists and logs out under load, loses the database for two seconds, and loses no accepted logout, with no 500', async () => {
    const report = await runBench({
      databaseUrl: POSTGRES_URL!,
      accounts: 400,
      sessionsPerAccount: 5,
      concurrency: 5,
      passMs: 3000,
      chaos: { atMs: 500, outageMs: 2000 },
      dbTimeoutMs: 1500,
    });
    console.info(formatReport(report).join('\n'));
    const [steady, chaos] = report.passes;
    expect(steady!.list.calls).toBeGreaterThan(0);
    expect(steady!.logout.statuses[204]).toBeGreaterThan(0);
    // The outage was seen (503s), and the server came back (logouts accepted after it).
    expect(chaos!.list.statuses[503]).toBeGreaterThan(0);
    expect(report.acceptedLogouts).toBeGreaterThan(steady!.logout.statuses[204]!);
    expect({ lost: report.lostLogouts, serverErrors: report.serverErrors, noAnswer: report.noAnswer }).toEqual({
      lost: 0,
      serverErrors: 0,
      noAnswer: 0,
    });
  }, 120_000);
});
