import { defineConfig } from 'vitest/config';

/** The summary reporter's fixture suite (test/support/summary-reporter.test.ts runs it): not part of npm test. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.fixture.ts'],
    reporters: ['../summary-reporter.ts'],
  },
});
