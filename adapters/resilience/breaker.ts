import { circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, SamplingBreaker, type CircuitBreakerPolicy, type IBreaker } from 'cockatiel';
import { logger } from '../../observability/logger';
import type { LegacySystem } from '../errors';
import type { ResilienceSettings } from './settings';

/**
 * Opens when either of cockatiel's breakers would: a run of consecutive failures (a system that went down) or a high
 * error rate over a sliding window (a system that fails every other call, which never makes a long run).
 */
class ConsecutiveOrRateBreaker implements IBreaker {
  private readonly consecutive: ConsecutiveBreaker;
  private readonly rate: SamplingBreaker;

  constructor(settings: ResilienceSettings['breaker']) {
    this.consecutive = new ConsecutiveBreaker(settings.consecutiveFailures);
    this.rate = new SamplingBreaker({
      threshold: settings.errorRate,
      duration: settings.windowMs,
      minimumRps: settings.minimumCalls / (settings.windowMs / 1000),
    });
  }

  get state(): unknown {
    return { consecutive: this.consecutive.state, rate: this.rate.state };
  }

  set state(value: unknown) {
    const v = value as { consecutive: number; rate: unknown };
    this.consecutive.state = v.consecutive;
    this.rate.state = v.rate;
  }

  success(state: CircuitState): void {
    this.consecutive.success();
    this.rate.success(state);
  }

  failure(state: CircuitState): boolean {
    // Both must see every failure, so no short-circuit.
    const byRun = this.consecutive.failure();
    const byRate = this.rate.failure(state);
    return byRun || byRate;
  }
}

/** The breaker of one system in this process; state changes are logged, they are what an operator looks for. */
export function createBreaker(system: LegacySystem, settings: ResilienceSettings['breaker'], isFailure: (err: Error) => boolean): CircuitBreakerPolicy {
  const breaker = circuitBreaker(handleWhen(isFailure), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveOrRateBreaker(settings),
  });
  breaker.onStateChange((state) => {
    const level = state === CircuitState.Closed ? 'info' : 'warn';
    logger[level]({ system, state: CircuitState[state] }, 'legacy circuit breaker');
  });
  return breaker;
}
