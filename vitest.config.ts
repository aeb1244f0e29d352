import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The CLI tests run dist/bundle: rebuilt first when it is older than src/.
    globalSetup: ['test/setup.build.ts'],
    // Tests run in UTC, like CI; the date code must not depend on the machine's zone.
    env: { TZ: 'UTC' },
  },
});
