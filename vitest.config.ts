import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql must be one module instance: the gateway, @apollo/subgraph and graphql-shield load it through
    // CommonJS, our code through ESM. Two copies fail with "Cannot use GraphQLSchema from another module or realm".
    alias: { graphql: require.resolve('graphql/index.js').replace(/index\.js$/, '') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration suites start real processes; two cores cannot run many stacks at once.
    fileParallelism: false,
    // A quiet CI log: warnings and errors only from what tests run in their own process (test/support/quiet-logs.ts).
    setupFiles: ['./test/support/quiet-logs.ts'],
  },
});
