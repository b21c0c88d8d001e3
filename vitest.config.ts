import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: { TZ: 'Asia/Bangkok' },
    // four times what the slowest test without a timeout of its own takes on an idle 2-core machine
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: browser and build tests run in files of their own, not all at once.
    maxWorkers: 2,
  },
});
