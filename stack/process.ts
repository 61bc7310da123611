import { logger } from '../observability/logger';

/**
 * What every server process of the stack shares: how it says it is ready and how it stops.
 * `stack/launch.ts` reads the READY line; nothing else is written to stdout.
 */
export interface ReadyInfo { name: string; url: string; adminUrl?: string; opsUrl?: string }

export function announceReady(info: ReadyInfo): void {
  process.stdout.write(`READY ${JSON.stringify(info)}\n`);
}

/**
 * The project's own SIGTERM / SIGINT handler, whatever NODE_ENV says (Apollo's handlers are off in every server:
 * `stopOnTerminationSignals: false`), so that the tests run the shutdown path of production. `stop` drains and
 * closes; the process then exits 0 (1 if stopping failed). A second signal while stopping changes nothing: the drain has its own limit.
 */
export function onShutdown(stop: () => Promise<void> | void): void {
  let stopping = false;
  const handler = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await stop();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'stop failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
