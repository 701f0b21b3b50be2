// Checks a live server against the REST contract of @firstparty/active-sessions (openapi.yaml), for the
// bin (cli.ts) and for tests and CI scripts that call it as a function.
export { UsageError } from './errors.js';
export { readBaseUrl, readSessions, type ContractSession } from './input.js';
export { main, type MainOptions } from './main.js';
export { loadContract, OPENAPI_PATH, type Contract } from './openapi.js';
export { CHECKS, runContractCheck, type ContractCheckOptions, type ContractCheckReport, type ContractCheckResult } from './run.js';
