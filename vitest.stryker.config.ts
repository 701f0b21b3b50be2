// Stryker's view of the tests: vite.config.ts with only its `unit` project (jsdom), so mutation testing
// never starts the Storybook browser project. The project is taken from vite.config.ts rather than
// written out again, so a change to the unit tests' setup reaches Stryker too.
import { defineConfig } from 'vitest/config';
import config from './vite.config';

const projects = config.test?.projects ?? [];
const unit = projects.filter((project) => typeof project === 'object' && 'test' in project && project.test?.name === 'unit');
if (unit.length !== 1) throw new Error('vitest.stryker.config.ts: vite.config.ts has no project named "unit".');

export default defineConfig({ ...config, test: { ...config.test, projects: unit } });
