// `npm run build` (in kit/, and before `npm pack`): compiles src/ to dist/ with tsc, and copies the
// catalogs of @firstparty/active-sessions beside the i18n check, which checks against them.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const kit = fileURLToPath(new URL('..', import.meta.url));
const messages = fileURLToPath(new URL('../../src/i18n/messages/', import.meta.url));

rmSync(`${kit}/dist`, { recursive: true, force: true });
const tsc = spawnSync('npx', ['--no-install', 'tsc', '-p', 'tsconfig.build.json'], { cwd: kit, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const name of readdirSync(messages).filter((file) => file.endsWith('.json'))) {
  cpSync(`${messages}/${name}`, `${kit}/dist/messages/${name}`);
}
for (const bin of ['contract-check', 'i18n-check']) chmodSync(`${kit}/dist/${bin}/cli.js`, 0o755);
console.log('kit: built dist/');
