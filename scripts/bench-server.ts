// `npm run bench:server` (and its smoke run in the server tests): the reference server on PostgreSQL
// (DATABASE_URL), behind a TCP proxy this code controls, with many accounts of about five sessions
// each; workers list and log out over HTTP, bounded in time. A steady pass measures; a chaos pass
// loses the database mid-run, then every accepted logout is checked and no 500 allowed.
// Defaults: 10,000 accounts × 5 sessions, 50 workers, passes of 20 s, a 5 s outage. BENCH_ACCOUNTS,
// BENCH_CONCURRENCY, BENCH_PASS_MS, DB_TIMEOUT_MS change them. Exit 1 when an accepted logout was
// lost, a request got a 500, or one got no answer.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { hashPassword, hashToken, newToken, SESSION_TTL_MS } from '../server/auth';
import { startServer, type RunningServer } from '../server/index';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

export type BenchOptions = {
  /** A PostgreSQL the benchmark may write to; it works in a schema of its own, dropped afterwards. */
  databaseUrl: string;
  accounts: number;
  sessionsPerAccount: number;
  /** Workers, each with its own HTTP connection, listing and logging out at once. */
  concurrency: number;
  /** How long each pass runs. */
  passMs: number;
  /** When into the chaos pass the database goes (refusing connections, then silent), and for how long. */
  chaos: { atMs: number; outageMs: number };
  /** The server's DB_TIMEOUT_MS. */
  dbTimeoutMs: number;
  log?: (line: string) => void;
};

type Session = { sid: string; csrf: string; deviceId: string; isLive: boolean };
type Call = 'list' | 'logout';
export type CallStats = { calls: number; perSecond: number; p50Ms: number; p99Ms: number; statuses: Record<number, number> };
export type PassReport = { name: string; durationMs: number; list: CallStats; logout: CallStats };
export type BenchReport = {
  seedMs: number;
  passes: PassReport[];
  acceptedLogouts: number;
  /** Accepted (204) logouts whose session still answered anything but 401 afterwards. */
  lostLogouts: number;
  /** Answers with status 500 or more other than 503, in any pass or check. */
  serverErrors: number;
  /** Requests that got no answer at all (network error or the client's own 30 s limit). */
  noAnswer: number;
};

/** Runs `count` tasks, at most `limit` at once. */
async function inParallel(count: number, limit: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(latencies: number[], statuses: Record<number, number>, durationMs: number): CallStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    calls: sorted.length,
    perSecond: sorted.length / (durationMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    statuses,
  };
}

/** Adds the accounts and their sessions through the store (no scrypt per sign-in: 50,000 would take an hour). */
async function seed(server: RunningServer, options: BenchOptions): Promise<Session[][]> {
  const passwordHash = await hashPassword(newToken());
  const accounts: Session[][] = [];
  const run = randomBytes(4).toString('hex');
  await inParallel(options.accounts, 16, async (i) => {
    const accountId = await server.store.addAccount({ email: `bench-${run}-${i}@example.com`, passwordHash, ssoProvider: null });
    const sessions: Session[] = [];
    for (let j = 0; j < options.sessionsPerAccount; j += 1) {
      const [sid, csrf] = [newToken(), newToken()];
      const signedInAt = new Date(Date.now() - (j + 1) * 60 * 60_000);
      const { deviceId } = await server.store.addSession({
        accountId,
        newDeviceId: newToken(),
        deviceKeyHash: hashToken(newToken()),
        trustDevice: j === 0,
        tokenHash: hashToken(sid),
        csrfHash: hashToken(csrf),
        app: 'chatgpt',
        browser: 'Chrome',
        os: 'macOS',
        deviceType: 'desktop',
        signedInAt,
        expiresAt: new Date(signedInAt.getTime() + SESSION_TTL_MS),
      });
      sessions.push({ sid, csrf, deviceId, isLive: true });
    }
    accounts[i] = sessions;
  });
  return accounts;
}

/** Runs the benchmark; the caller decides what a failure means (the CLI exits 1). */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  let proxy: TcpProxy | undefined;
  let server: RunningServer | undefined;
  const report: BenchReport = { seedMs: 0, passes: [], acceptedLogouts: 0, lostLogouts: 0, serverErrors: 0, noAnswer: 0 };
  const ended: Session[] = [];
  try {
    proxy = await startTcpProxy(options.databaseUrl);
    server = await startServer({
      port: 0,
      databaseUrl: proxy.url,
      databaseSchema: schema,
      dbTimeoutMs: options.dbTimeoutMs,
      logError: () => {},
    });
    const { url } = server;

    const seeding = performance.now();
    const accounts = await seed(server, options);
    report.seedMs = performance.now() - seeding;
    log(`seeded ${options.accounts} accounts × ${options.sessionsPerAccount} sessions in ${(report.seedMs / 1000).toFixed(1)} s`);

    /** One HTTP call, timed; undefined when no answer came. */
    async function call(
      method: string,
      path: string,
      session: Session,
    ): Promise<{ status: number; ms: number; body?: unknown } | undefined> {
      const started = performance.now();
      try {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: { Cookie: `sid=${session.sid}`, ...(method === 'GET' ? {} : { 'X-CSRF-Token': session.csrf }) },
          signal: AbortSignal.timeout(30_000),
        });
        const body: unknown = response.status === 200 ? await response.json() : await response.arrayBuffer();
        if (response.status >= 500 && response.status !== 503) report.serverErrors += 1;
        return { status: response.status, ms: performance.now() - started, body };
      } catch {
        report.noAnswer += 1;
        return undefined;
      }
    }

    // Each pass works on its own half of the accounts, so a fast steady pass cannot leave the chaos pass
    // with no sessions to log out.
    const half = Math.ceil(accounts.length / 2);
    async function pass(name: string, pool: Session[][], during?: (elapsedMs: () => number) => Promise<void>): Promise<PassReport> {
      const latencies: Record<Call, number[]> = { list: [], logout: [] };
      const statuses: Record<Call, Record<number, number>> = { list: {}, logout: {} };
      const record = (kind: Call, answer: { status: number; ms: number }) => {
        latencies[kind].push(answer.ms);
        statuses[kind][answer.status] = (statuses[kind][answer.status] ?? 0) + 1;
      };
      const started = performance.now();
      const deadline = started + options.passMs;
      // Worker w owns accounts w, w + concurrency, …: two workers never race for one session.
      const worker = async (w: number) => {
        const owned = Math.ceil(pool.length / options.concurrency);
        let emptyInARow = 0;
        for (let i = w; performance.now() < deadline; i += options.concurrency) {
          const sessions = pool[i % pool.length];
          const live = sessions?.filter((s) => s.isLive) ?? [];
          // Every account of this worker has fewer than two sessions left: nothing more to do.
          if (live.length < 2) {
            if (++emptyInARow > owned) break;
            continue;
          }
          emptyInARow = 0;
          const [actor, victim] = [live[0]!, live[1 + Math.floor(Math.random() * (live.length - 1))]!];
          const listed = await call('GET', '/api/sessions', actor);
          if (!listed) continue;
          record('list', listed);
          if (listed.status === 401) actor.isLive = false;
          if (listed.status !== 200) continue;
          const logout = await call('DELETE', `/api/sessions/${victim.deviceId}?remove_trusted_device=false`, actor);
          if (!logout) continue;
          record('logout', logout);
          if (logout.status === 204) {
            victim.isLive = false;
            ended.push(victim);
            report.acceptedLogouts += 1;
          }
          // 503: not accepted. It may or may not have ended the session; the check counts only 204s.
        }
      };
      await Promise.all([...Array.from({ length: options.concurrency }, (_, w) => worker(w)), during?.(() => performance.now() - started)]);
      const durationMs = performance.now() - started;
      const result = {
        name,
        durationMs,
        list: stats(latencies.list, statuses.list, durationMs),
        logout: stats(latencies.logout, statuses.logout, durationMs),
      };
      report.passes.push(result);
      return result;
    }

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
    await pass('steady', accounts.slice(0, half));
    const chaosProxy = proxy;
    await pass('chaos', accounts.slice(half), async (elapsed) => {
      await sleep(options.chaos.atMs - elapsed());
      log(`chaos: the database refuses connections for ${options.chaos.outageMs / 2000} s, then swallows them for as long`);
      await chaosProxy.setMode('refuse');
      await sleep(options.chaos.outageMs / 2);
      await chaosProxy.setMode('silent');
      await sleep(options.chaos.outageMs / 2);
      await chaosProxy.setMode('forward');
      log('chaos: the database is back');
    });

    // Every accepted logout must hold: its session is refused from then on.
    await inParallel(ended.length, options.concurrency, async (i) => {
      const answer = await call('GET', '/api/sessions', ended[i]!);
      if (answer?.status !== 401) report.lostLogouts += 1;
    });
    return report;
  } finally {
    await proxy?.setMode('forward');
    await server?.close();
    await proxy?.close();
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
}

/** The report as the CLI prints it: one line per pass and call. */
export function formatReport(report: BenchReport): string[] {
  const lines = ['pass    call     calls   per s   p50 ms   p99 ms   statuses'];
  for (const pass of report.passes) {
    for (const kind of ['list', 'logout'] as const) {
      const s = pass[kind];
      const statuses = Object.entries(s.statuses)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ');
      lines.push(
        `${pass.name.padEnd(7)} ${kind.padEnd(7)} ${String(s.calls).padStart(6)} ${s.perSecond.toFixed(1).padStart(7)} ${s.p50Ms.toFixed(1).padStart(8)} ${s.p99Ms.toFixed(1).padStart(8)}   ${statuses}`,
      );
    }
  }
  lines.push(
    `accepted logouts: ${report.acceptedLogouts}, lost: ${report.lostLogouts}; 500s: ${report.serverErrors}; requests with no answer: ${report.noAnswer}`,
  );
  return lines;
}

/** The command line: prints the settings, the report, and exits 1 on any loss, 500 or unanswered request. */
async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('✖ bench:server needs a PostgreSQL: DATABASE_URL=postgres://… npm run bench:server');
    process.exit(2);
  }
  const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
  const passMs = number('BENCH_PASS_MS', 20_000);
  const options: BenchOptions = {
    databaseUrl,
    accounts: number('BENCH_ACCOUNTS', 10_000),
    sessionsPerAccount: 5,
    concurrency: number('BENCH_CONCURRENCY', 50),
    passMs,
    chaos: { atMs: passMs / 4, outageMs: 5000 },
    dbTimeoutMs: number('DB_TIMEOUT_MS', 2000),
    log: (line) => console.log(line),
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
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
