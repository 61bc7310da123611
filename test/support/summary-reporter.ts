import type { Reporter, TestModule } from 'vitest/node';

/**
 * CI reads the closing line `N passed, N failed` (vitest's own summary is not a format it recognises), so the
 * suite ends with that line, counted from vitest's results. Every way a run fails counts as a failure, so that the
 * line never says "0 failed" when vitest exits with 1: a failed test; a module that failed to load or a suite that
 * failed to collect; a failed beforeAll/afterAll hook (its tests are then skipped, not failed); an unhandled error.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failedHere += 1;
        else skipped += 1;
      }
      // Errors of the module or a suite itself: loading, collecting, their hooks.
      failedHere += [module, ...module.children.allSuites()].filter((entity) => entity.errors().length > 0).length;
      if (failedHere === 0 && module.state() === 'failed') failedHere = 1;
      failed += failedHere;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
