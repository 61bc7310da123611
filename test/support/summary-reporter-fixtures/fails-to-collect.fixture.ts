import { describe, expect, it } from 'vitest';

describe('a suite whose body throws while vitest collects it', () => {
  it('is collected first', () => expect(1).toBe(1));
  throw new Error('this suite fails to collect');
});
