import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Two projects: `unit` (no process of ours started: functions, in-process servers, the stand-ins' own modules) runs
 * in parallel and in under a minute, `npm run test:unit`; `integration` starts processes (the stack, a gateway,
 * vitest or the CLI on fixtures, Chromium) one file at a time, since two cores cannot run many stacks at once.
 * A file is integration when it starts a process or imports a test helper that does; nothing to keep in step by hand.
 */
const STARTS_PROCESSES = /startTestStack|useStack\(|launchStack|spawnEntryPoint|spawn\(|spawnSync\(|execFile|fork\(|launchChromium|readTestTitles\(|support\/(stack|conformance|browser)'/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
const all = testFiles('test');
const integration = all.filter((file) => STARTS_PROCESSES.test(readFileSync(file, 'utf8')));
const unit = all.filter((file) => !integration.includes(file));

export default defineConfig({
  resolve: {
    // graphql must be one module instance: the gateway, @apollo/subgraph and graphql-shield load it through
    // CommonJS, our code through ESM. Two copies fail with "Cannot use GraphQLSchema from another module or realm".
    alias: { graphql: require.resolve('graphql/index.js').replace(/index\.js$/, '') },
  },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A quiet CI log: warnings and errors only from what tests run in their own process (test/support/quiet-logs.ts).
    setupFiles: ['./test/support/quiet-logs.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      { extends: true, test: { name: 'integration', include: integration, fileParallelism: false, globalSetup: ['./test/support/build-once.ts'] } },
    ],
  },
});
