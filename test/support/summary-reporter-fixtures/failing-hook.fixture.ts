import { beforeAll, expect, it } from 'vitest';

beforeAll(() => {
  throw new Error('the hook fails');
});

it('would pass without the hook', () => expect(1).toBe(1));
