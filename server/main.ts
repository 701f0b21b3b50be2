// `npm run server` and `npm run demo`: build what the demo page needs, start the reference server on
// 127.0.0.1:${PORT:-8787}, print the URL, stop cleanly on Ctrl-C. `--demo` forces SEED_DEMO=1.
import { ensureDemoBuilt } from './build';
import { optionsFromEnv, SEEDED_ACCOUNTS, SEEDED_PASSWORD, startServer } from './index';

try {
  const options = optionsFromEnv();
  if (process.argv.includes('--demo')) options.seedDemo = true;
  await ensureDemoBuilt();
  const server = await startServer(options);
  const database = options.databaseUrl ? `PostgreSQL (${new URL(options.databaseUrl).host})` : 'PGlite (in memory)';
  console.log(`\nActive sessions reference server: ${server.url}/`);
  console.log(`  database: ${database}${options.seedDemo ? ', demo sessions seeded for ada' : ''}`);
  console.log(`  accounts: ${SEEDED_ACCOUNTS.map((a) => a.email).join(', ')} — password "${SEEDED_PASSWORD}"`);
  console.log('  Ctrl-C to stop.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`✖ reference server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
