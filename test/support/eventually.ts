import { setTimeout as tick } from 'node:timers/promises';

/** Between two reads: long enough for the event loop to take in a log line or a message, short against any bound. */
const POLL_MS = 20;

/**
 * Reads until `done` holds or `withinMs` has passed, and gives the last value read either way (the caller's
 * assertion then says what was expected): for a bound the test states, e.g. "seen by both replicas within 1 s".
 */
export async function eventually<T>(withinMs: number, read: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + withinMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await tick(POLL_MS);
    value = await read();
  }
  return value;
}
