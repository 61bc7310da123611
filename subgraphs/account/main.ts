// First: the tracing SDK must be in place before http, undici and graphql are loaded (observability/tracing.ts).
import '../../observability/tracing';
import { runSubgraph } from '../runtime/server';
import { ACCOUNT_RECORD_TYPES } from './reach';
import { resolvers } from './resolvers';

await runSubgraph('account', resolvers, ACCOUNT_RECORD_TYPES);
