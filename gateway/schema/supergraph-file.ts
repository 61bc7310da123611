import type { SupergraphSdlHook } from '@apollo/gateway';
import { CHECK_EVERY_MS, watchFile } from '../../stack/watched-file';

/**
 * The supergraph from its file, followed while the gateway runs (stack/watched-file.ts, as the trusted documents
 * are): a new version is handed to ApolloGateway's `update`, which builds the new schema and query planner beside
 * the old one and swaps them (requests in flight finish on the one they started with). A version `update` refuses
 * (it does not parse, is not a supergraph, does not build) throws there: it is logged with ApolloGateway's own error
 * and counted, and the running supergraph stays. At start a broken file stops the gateway with that same error.
 */
export function supergraphFromFile(path: string): SupergraphSdlHook {
  return async ({ update }) => {
    const file = watchFile(path, 'supergraph', (sdl, initial) => {
      if (!initial) update(sdl);
      return sdl;
    }, { path });
    const timer = setInterval(() => file.refresh(), CHECK_EVERY_MS);
    timer.unref();
    return { supergraphSdl: file.current(), cleanup: async () => clearInterval(timer) };
  };
}
