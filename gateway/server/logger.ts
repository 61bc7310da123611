import type { Logger } from '@apollo/utils.logger';
import { log } from '../../stack/process';

/**
 * Apollo's logger, writing JSON lines to stderr like every process of the stack: stdout carries only the READY
 * line, and Apollo's default logger would print there. Debug output is left out.
 */
export const stderrLogger: Logger = {
  debug: () => {},
  info: (message) => log({ level: 'info', msg: String(message) }),
  warn: (message) => log({ level: 'warn', msg: String(message) }),
  error: (message) => log({ level: 'error', msg: String(message) }),
};
