import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: { TZ: 'Asia/Bangkok' },
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // Two cores: browser and build tests run in files of their own, not all at once.
    maxWorkers: 2,
  },
});
