import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: at most two test files (each may hold a Chromium) at once.
    maxWorkers: 2,
    pool: 'forks',
  },
});
