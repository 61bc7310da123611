import { expect, it } from 'vitest';

it('passes, but leaves an error no one handles', () => {
  setTimeout(() => {
    throw new Error('thrown after the test');
  }, 0);
  expect(1).toBe(1);
});

it('waits for it', () => new Promise((resolve) => setTimeout(resolve, 50)));
