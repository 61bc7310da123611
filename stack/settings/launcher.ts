import { LOG_LEVELS } from './common';
import { expect, readVariables, variable } from './define';

/**
 * What `npm start`, `npm run token` and the test stack read for themselves (the processes they start read their
 * own modules): the one source of the README table "Settings of `npm start`".
 */
export const LAUNCHER_VARIABLES = {
  PORT: variable(expect.integer(0).default(4000), { meaning: '`npm start`: the gateway\'s port (every other process gets a free one)' }),
  LOG_FORMAT: variable(expect.oneOf(['json', 'pretty']).default('pretty'), { meaning: '`npm start`: the log format it gives every process' }),
  // Issue 23: a deadline, not a fixed limit (a subgraph on a busy machine missed the old 60 s).
  STACK_READY_TIMEOUT_MS: variable(expect.integer(1).default(60_000), {
    meaning: '`npm start`, the tests and the bench: how long each process may take to say READY before the launch fails, naming the late process, the machine\'s load and its last log lines',
  }),
  STACK_LOGS: variable(expect.text().optional(), {
    meaning: 'tests: any value forwards every process\'s log to the test output (otherwise only the tail of a process that fails to start)',
    shownDefault: 'unset',
  }),
  // h-review: a quiet CI log.
  TEST_LOG_LEVEL: variable(expect.oneOf(LOG_LEVELS).default('warn'), {
    meaning: 'tests: the `LOG_LEVEL` of the test stack\'s processes and of the servers and adapters tests run in their own process (a test that reads log lines asks for its own level)',
  }),
  IDP_URL: variable(expect.httpUrl().optional(), {
    meaning: '`npm run token`: the IdP to log in at',
    shownDefault: 'the one `npm start` wrote to `.data/stack.json`',
  }),
  DEMO_PASSWORD: variable(expect.text().default('demo'), { meaning: '`npm run token`: the password it logs in with', secret: true }),
  // Issue 24: the test stacks run the build the integration tests' global setup makes (test/support/build-once.ts).
  STACK_FROM_SOURCES: variable(expect.text().optional(), {
    meaning: 'tests: any value runs the test stacks from the sources under tsx instead of the build made once at the start of the integration tests',
    shownDefault: 'unset',
  }),
  // Issue 14: the reference dashboard's browser test.
  CHROMIUM_PATH: variable(expect.text().optional(), {
    meaning: 'tests: the headless Chromium the dashboard\'s browser test drives (playwright-core)',
    shownDefault: 'the first of `/usr/bin/chromium-headless-shell`, `/usr/lib/chromium/chromium-headless-shell`, `/usr/bin/chromium` that exists',
  }),
};

export interface LauncherSettings {
  gatewayPort: number;
  logFormat: 'json' | 'pretty';
  forwardLogs: boolean;
  readyTimeoutMs: number;
  idpUrl?: string;
  demoPassword: string;
  chromiumPath?: string;
  /** Test stacks under tsx rather than from dist/. */
  stackFromSources: boolean;
  /** The level the tests' processes log at (`LOG_LEVEL`): warnings and errors only, unless asked for more. */
  testLogLevel: string;
}

export function readLauncherSettings(env: Record<string, string | undefined> = process.env): LauncherSettings {
  const v = readVariables('launcher', LAUNCHER_VARIABLES, env);
  return { gatewayPort: v.PORT, logFormat: v.LOG_FORMAT, forwardLogs: Boolean(v.STACK_LOGS), readyTimeoutMs: v.STACK_READY_TIMEOUT_MS, idpUrl: v.IDP_URL, demoPassword: v.DEMO_PASSWORD, chromiumPath: v.CHROMIUM_PATH,
    testLogLevel: v.TEST_LOG_LEVEL, stackFromSources: Boolean(v.STACK_FROM_SOURCES) };
}
