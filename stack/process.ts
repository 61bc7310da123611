/**
 * What every server process of the stack shares: how it says it is ready and how it stops.
 * `stack/launch.ts` reads the READY line; nothing else is written to stdout.
 */
export interface ReadyInfo { name: string; url: string; adminUrl?: string }

export function announceReady(info: ReadyInfo): void {
  process.stdout.write(`READY ${JSON.stringify(info)}\n`);
}

export function onShutdown(stop: () => Promise<void> | void): void {
  let stopping = false;
  const handler = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

export function log(fields: Record<string, unknown>): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}
