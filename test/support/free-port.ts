import { createServer } from 'node:net';

/**
 * A port the OS just gave and took back, for a server that cannot listen on port 0 and report it (redis-server,
 * HAProxy). Another process could take it in between; on loopback in a test run that is not seen in practice.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
