import { runSubgraph } from '../runtime/server';
import { resolvers } from './resolvers';

await runSubgraph('tracking', resolvers);
