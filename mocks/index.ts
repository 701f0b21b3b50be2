export { createHandlers } from './handlers';
export type { MockOptions, MockSessionStore } from './handlers';
export { createScenarios } from './scenarios';
export type { Scenario, ScenarioName, LogOutBehaviour } from './scenarios';
export { createFixtures, manySessions, minutesAgo } from './fixtures';
export type { WireSession } from './fixtures';

import { createHandlers } from './handlers';
/** The 'typical' scenario at '/api', for a quick `setupServer(...handlers)`; call `createHandlers()` for a fresh store per test. */
export const handlers = createHandlers();
