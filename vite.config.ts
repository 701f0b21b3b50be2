// Vite for Storybook, and Vitest's list of projects: one per suite of test/suites.ts, each configured
// beside its tests (e.g. test/server/vitest.config.ts).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { SUITES } from './test/suites.ts';

export default defineConfig({
  plugins: [react()],
  test: { projects: SUITES.map((suite) => suite.config) },
});
