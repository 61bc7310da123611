import { expect, it } from 'vitest';

// A module that throws while it is imported: vitest collects no test from it.
throw new Error('this file fails to load');

it('is never collected', () => expect(1).toBe(1));
