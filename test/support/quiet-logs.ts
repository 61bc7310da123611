import { readLauncherSettings } from '../../stack/settings/launcher';

/**
 * A quiet CI log (vitest's setup file, run in each test worker before the test file is imported): the stand-ins,
 * adapters and servers some tests run in their own process log through pino straight to stderr, which vitest does not
 * capture, at `LOG_LEVEL` as the logger reads it when it loads. Warnings and errors only, unless TEST_LOG_LEVEL asks
 * for more; the test stack's processes get the same level (test/support/stack.ts).
 */
process.env.LOG_LEVEL = readLauncherSettings().testLogLevel;
