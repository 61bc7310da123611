import { describe, expect, it } from 'vitest';
import { boundedOperationName } from '../../observability/metrics';

/** A client chooses its operation names: the metrics must not grow a series for each one it makes up. */
describe('operation names as metric labels', () => {
  it('keeps GraphQL names, calls a request without one anonymous, and anything else other', () => {
    expect(boundedOperationName('Dashboard')).toBe('Dashboard');
    expect(boundedOperationName(undefined)).toBe('anonymous');
    expect(boundedOperationName('')).toBe('anonymous');
    expect(boundedOperationName('3471000001')).toBe('other');
    expect(boundedOperationName('mario.rossi@example.com')).toBe('other');
    expect(boundedOperationName(`Q${'x'.repeat(100)}`)).toBe('other');
  });

  it('labels at most 200 distinct names; later newcomers are other, names already seen keep theirs', () => {
    const labels = Array.from({ length: 500 }, (_, i) => boundedOperationName(`Generated${i}`));
    expect(new Set(labels.filter((l) => l !== 'other')).size).toBe(199); // 'Dashboard' above took one place
    expect(labels.at(-1)).toBe('other');
    expect(boundedOperationName('Dashboard')).toBe('Dashboard');
    expect(boundedOperationName('Generated0')).toBe('Generated0');
  });
});
