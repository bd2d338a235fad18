import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built bundle; two cores, so keep parallelism modest.
    pool: 'forks',
    // Timeouts guard against hangs only (performance lives in bench/): a loaded two-core machine ran single
    // CLI-heavy tests past 20 s and 60 s.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
