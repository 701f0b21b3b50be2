// `npm run server` and `npm run demo`: build what the demo page needs, start the reference server on
// 127.0.0.1:${PORT:-8787}, print the URL. `--demo` forces SEED_DEMO=1 and, unless REAUTH_MAX_AGE_MS
// says otherwise, asks for the password again before a logout 5 minutes after it was last given (B16).
// SIGTERM or Ctrl-C: stop accepting, let requests in flight finish (up to 10 s), close the database.
import { ensureDemoBuilt } from './build';
import { drainOnSignals, optionsFromEnv, SEEDED_ACCOUNTS, SEEDED_PASSWORD, startServer } from './index';

try {
  const options = optionsFromEnv();
  if (process.argv.includes('--demo')) {
    options.seedDemo = true;
    if (!process.env.REAUTH_MAX_AGE_MS) options.reauthMaxAgeMs = 5 * 60_000;
  }
  await ensureDemoBuilt();
  const server = await startServer(options);
  const database = options.databaseUrl ? `PostgreSQL (${new URL(options.databaseUrl).host})` : 'PGlite (in memory)';
  console.log(`\nActive sessions reference server: ${server.url}/`);
  console.log(`  database: ${database}${options.seedDemo ? ', demo sessions seeded for ada' : ''}`);
  console.log(`  accounts: ${SEEDED_ACCOUNTS.map((a) => a.email).join(', ')} — password "${SEEDED_PASSWORD}"`);
  if (options.reauthMaxAgeMs !== undefined)
    console.log(`  logouts ask for the password again after ${options.reauthMaxAgeMs / 60_000} minutes`);
  console.log('  Ctrl-C to stop.');
  drainOnSignals(server);
} catch (error) {
  console.error(`✖ reference server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
