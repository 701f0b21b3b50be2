// kit/src/openapi.generated.ts is committed: it must be what openapi-typescript makes of kit/openapi.yaml today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, generateContractTypes } from '../../kit/scripts/generate';

describe('the contract types generated from kit/openapi.yaml', () => {
  it('should be up to date (run npm run kit:generate after changing openapi.yaml)', async () => {
    expect(
      readFileSync(GENERATED_PATH, 'utf8') === (await generateContractTypes()),
      'kit/src/openapi.generated.ts is stale: run npm run kit:generate',
    ).toBe(true);
  }, 30_000);
});
