// @firstparty/active-sessions-kit: the contract's types, and both tools as functions for tests and CI scripts.
export type * from './contract.js';
export {
  CHECKS,
  main as contractCheckMain,
  runContractCheck,
  UsageError,
  type ContractCheckOptions,
  type ContractCheckReport,
  type ContractCheckResult,
  type ContractSession,
} from './contract-check/index.js';
export { main as i18nCheckMain } from './i18n-check/index.js';
