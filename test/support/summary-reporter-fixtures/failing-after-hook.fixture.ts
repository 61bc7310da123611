import { afterAll, expect, it } from 'vitest';

afterAll(() => {
  throw new Error('the cleanup fails');
});

it('passes before the cleanup', () => expect(1).toBe(1));
