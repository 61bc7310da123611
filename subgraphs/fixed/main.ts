// First: the tracing SDK must be in place before http, undici and graphql are loaded (observability/tracing.ts).
import '../../observability/tracing';
import { runSubgraph } from '../runtime/server';
import { resolvers } from './resolvers';

await runSubgraph('fixed', resolvers);
