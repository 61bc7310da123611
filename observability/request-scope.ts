import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one GraphQL request carries through every asynchronous step of a process (gateway or subgraph), so that a
 * log line, a metric or a legacy call made deep inside an adapter knows which request it serves without every
 * function taking it as an argument.
 */
export interface RequestScope {
  /** Taken from `x-request-id` / `x-correlation-id` or made by the gateway; on every log line and client error. */
  correlationId: string;
  /** The GraphQL operation name as the client sent it (`anonymous` when none): a metric label, never user data. */
  operationName: string;
  /**
   * On a subgraph, the gateway's metric label of the client operation, as sent with a fetch whose gateway identity
   * verified (operation-label.ts); unset on the gateway and before the identity is checked.
   */
  gatewayOperationLabel?: string;
  /** The legacy calls made for this request in this process: system → operation → count. */
  legacyCalls: Record<string, Record<string, number>>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it awaits) inside `scope`. */
export const runInRequestScope = <T>(scope: RequestScope, fn: () => T): T => storage.run(scope, fn);

/** The scope of the request being served, or undefined outside any request (start-up, background refreshes). */
export const currentRequestScope = (): RequestScope | undefined => storage.getStore();
