// `npm run bench:server`: the load benchmark on PostgreSQL (DATABASE_URL). Defaults: 10,000 accounts
// × 5 sessions, 50 workers, a 20 s steady pass and a 20 s chaos pass that loses the database for 5 s.
// BENCH_ACCOUNTS, BENCH_CONCURRENCY, BENCH_PASS_MS, DB_TIMEOUT_MS change them. Exit 1 when an
// accepted logout was lost, a request got a 500, or one got no answer.
import { formatReport, runBench } from './run';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('✖ bench:server needs a PostgreSQL: DATABASE_URL=postgres://… npm run bench:server');
  process.exit(2);
}
const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const passMs = number('BENCH_PASS_MS', 20_000);
const options = {
  databaseUrl,
  accounts: number('BENCH_ACCOUNTS', 10_000),
  sessionsPerAccount: 5,
  concurrency: number('BENCH_CONCURRENCY', 50),
  passMs,
  chaos: { atMs: passMs / 4, outageMs: 5000 },
  dbTimeoutMs: number('DB_TIMEOUT_MS', 2000),
  log: (line: string) => console.log(line),
};
console.log(
  `bench:server — ${options.accounts} accounts × ${options.sessionsPerAccount} sessions, ${options.concurrency} workers, ` +
    `passes of ${passMs / 1000} s, DB_TIMEOUT_MS=${options.dbTimeoutMs}, Node ${process.version}`,
);
const report = await runBench(options);
for (const line of formatReport(report)) console.log(line);
const failed = report.lostLogouts > 0 || report.serverErrors > 0 || report.noAnswer > 0;
console.log(failed ? '✖ bench:server: see above' : '✔ bench:server: no accepted logout lost, no 500, every request answered');
process.exit(failed ? 1 : 0);
