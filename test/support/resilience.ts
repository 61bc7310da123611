import { DEFAULT_RESILIENCE, type ResilienceSettings } from '../../adapters/resilience/settings';

/**
 * For tests of how an adapter maps each fault: the production budget and retries, but a breaker that never opens,
 * so that one test's failures do not fail the next test's calls fast. test/resilience/ tests the breaker itself.
 */
export const BREAKER_NEVER_OPENS: ResilienceSettings = {
  ...DEFAULT_RESILIENCE,
  breaker: { ...DEFAULT_RESILIENCE.breaker, consecutiveFailures: Number.MAX_SAFE_INTEGER, errorRate: 0.99, minimumCalls: Number.MAX_SAFE_INTEGER },
};
