import { it } from 'vitest';
import { main } from '../../scripts/contract-check.mjs';
import { writeFileSync } from 'node:fs';
import { startContractServer } from './contractServer';

it('scratch', async () => {
  const server = await startContractServer({ faults: (process.env.FAULTS ?? '').split(',').filter(Boolean) as never });
  const file = [server.signIn('ada'), server.signIn('ada'), server.signIn('ada'), server.signIn('ada'), server.signIn('bob')].slice(0, Number(process.env.N ?? 5));
  writeFileSync('/tmp/cc/s.json', JSON.stringify(file));
  const code = await main([server.baseUrl, '--sessions', '/tmp/cc/s.json'], { graceMs: 300 });
  console.log('exit', code);
  await server.close();
});
