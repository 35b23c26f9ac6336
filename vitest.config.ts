import { defineConfig } from 'vitest/config';

// One runner for everything: server unit + integration tests, web component tests, browser tests.
export default defineConfig({
  test: {
    projects: ['apps/server/vitest.config.ts', 'apps/web/vitest.config.ts', 'e2e/vitest.config.ts'],
    reporters: process.env.CI ? ['default', 'junit'] : ['default'],
    outputFile: { junit: 'test-results/junit.xml' },
  },
});
