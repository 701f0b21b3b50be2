// The `contract-check` suite: the kit's contract-check bin against in-memory servers of the contract,
// correct and broken; the kit's generated types; the kit packed, installed and run.
import { defineSuite } from '../vitest.shared.ts';

export default defineSuite({
  test: {
    name: 'contract-check',
    environment: 'node',
    include: ['**/*.test.ts'],
    testTimeout: 30_000,
  },
});
