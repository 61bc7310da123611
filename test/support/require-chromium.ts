import { chromiumPath } from './browser';

/**
 * `npm test`'s pretest: on a machine without a headless Chromium the suite would start, run for minutes and fail in
 * the browser test with a stack trace. It stops first instead, with one line saying how to install one.
 */
try {
  chromiumPath();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
