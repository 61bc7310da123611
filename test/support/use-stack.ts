import { afterAll, beforeAll } from 'vitest';
import { startTestStack, type TestStack, type TestStackOptions } from './stack';

/** How long a file's stack may take to start: two cores shared by parallel work make a start slow, not broken. */
export const STACK_START_TIMEOUT_MS = 240_000;

/**
 * One stack for the calling file (or `describe` block), instead of the same beforeAll/afterAll pair in every file:
 * started in its `beforeAll`, stopped in its `afterAll`. The returned object is filled in once the stack is up, so
 * tests and later hooks use it as the stack itself; hooks the file declares after this call run after the start and
 * before the stop (vitest runs `beforeAll` hooks in order and `afterAll` hooks in reverse).
 */
export function useStack(opts: TestStackOptions = {}): TestStack {
  const stack = {} as TestStack;
  let started: TestStack | undefined;
  beforeAll(async () => {
    started = await startTestStack({ readyTimeoutMs: STACK_START_TIMEOUT_MS - 60_000, ...opts });
    Object.assign(stack, started);
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await started?.stop();
  });
  return stack;
}
