import { describe, expect, it } from 'vitest';
import { clientOperationLabel, fetchOperationLabel } from '../../observability/operation-label';

/**
 * A client chooses its operation names: the metrics must not grow a series for each one it makes up, nor hide the
 * real operations behind a catch-all. The trusted manifests' names are the labels (issue 23 item 8); through the
 * stack: test/observability/ops-port.test.ts.
 */
const registered = new Set(['Dashboard', 'Cm8Lines']);

describe('the operation label of the metrics', () => {
  it('is the name of an operation of a trusted manifest, anonymous without a name, unregistered for any other', () => {
    expect(clientOperationLabel(registered, 'Dashboard')).toBe('Dashboard');
    expect(clientOperationLabel(registered, undefined)).toBe('anonymous');
    expect(clientOperationLabel(registered, '')).toBe('anonymous');
    for (const name of ['Dashboard2', 'dashboard', '3471000001', 'mario.rossi@example.com', `Q${'x'.repeat(100)}`]) {
      expect(clientOperationLabel(registered, name), name).toBe('unregistered');
    }
  });

  it('does not fill up: after 500 made-up names a registered operation still has its own', () => {
    const labels = new Set(Array.from({ length: 500 }, (_, i) => clientOperationLabel(registered, `Generated${i}`)));
    expect([...labels]).toEqual(['unregistered']);
    expect(clientOperationLabel(registered, 'Cm8Lines')).toBe('Cm8Lines');
  });

  it('on a subgraph, is the planner\'s fetch name of a registered operation, or what the gateway said', () => {
    expect(fetchOperationLabel('Dashboard', 'Dashboard__mobile__0')).toBe('Dashboard__mobile__0');
    expect(fetchOperationLabel('Dashboard', 'Other__mobile__0')).toBe('Dashboard');
    expect(fetchOperationLabel('Dashboard', 'Dashboard__mobile__0__x')).toBe('Dashboard');
    expect(fetchOperationLabel('unregistered', 'Made__mobile__0')).toBe('unregistered');
    expect(fetchOperationLabel('anonymous', undefined)).toBe('anonymous');
    expect(fetchOperationLabel(undefined, 'Dashboard__mobile__0')).toBe('unregistered');
    expect(fetchOperationLabel('not a name!', 'x')).toBe('unregistered');
  });
});
