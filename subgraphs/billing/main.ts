import { runSubgraph } from '../runtime/server';
import { resolvers } from './resolvers';

await runSubgraph('billing', resolvers);
