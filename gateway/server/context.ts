import type { Identity } from '../../subgraphs/runtime/identity';

/** What one client request carries through the gateway: who is asking and the id its logs share. */
export interface GatewayContext {
  identity: Identity;
  correlationId: string;
}
