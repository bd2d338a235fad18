import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built bundle; two cores, so keep parallelism modest.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
