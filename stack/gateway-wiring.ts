import { SUBGRAPH_NAMES } from '../subgraphs/runtime/sdl';
import type { Stack } from './launch';

/**
 * What a gateway started beside a running stack needs to reach it (a benchmark's gateway, a test's second replica):
 * CRM for grants and uploads, the systems holding files for signed links, the subgraphs, the IdP's keys, and the
 * stack's identity secret (the subgraphs verify it). The launcher's own gateway gets the same.
 */
export function gatewayWiring(stack: Pick<Stack, 'components' | 'idpUrl'>, identitySecret: string): Record<string, string> {
  const url = (name: Parameters<Stack['components']['get']>[0]) => stack.components.get(name)!.url;
  return {
    CRM_URL: url('crm'),
    EBILL_URL: url('ebill'),
    EBPFA_URL: url('ebpfa'),
    GATEWAY_IDENTITY_SECRET: identitySecret,
    SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, url(name)]))),
    AUTH_JWKS_URL: `${stack.idpUrl}/.well-known/jwks.json`,
  };
}
