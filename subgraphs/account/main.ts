import { runSubgraph } from '../runtime/server';
import { ACCOUNT_RECORD_TYPES } from './reach';
import { resolvers } from './resolvers';

await runSubgraph('account', resolvers, ACCOUNT_RECORD_TYPES);
