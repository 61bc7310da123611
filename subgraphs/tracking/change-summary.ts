import { badUserInput, isGraphError } from '../../adapters/errors';
import { ALL_OPERATIONS } from '../operations';
import { readPolicy, type PolicyTable } from '../runtime/policy/directives';
import { loadTypeDefs, SUBGRAPH_NAMES } from '../runtime/sdl';
import type { SubgraphContext } from '../runtime/server';
import { summarise } from '../runtime/dispositive/summary';

/**
 * Query.changeSummary: the summary module of any change whose page makes its download mandatory (the declarations
 * with a `summary`, whichever subgraph runs them; schema/appendix-1.yaml `summary`), served here once for all.
 * Tracking serves it because the module is CRM's, like the pratica it announces.
 */
const SUMMARISED = new Map(ALL_OPERATIONS.filter((d) => d.summary).map((d) => [d.field, d]));

/** The @allow of every subgraph's mutations: the summary authorises each record as its mutation will. */
let mutations: PolicyTable | undefined;
function mutationPolicy(): PolicyTable {
  if (!mutations) {
    const fields = new Map(SUBGRAPH_NAMES.flatMap((name) => [...readPolicy(loadTypeDefs(name)).get('Mutation')?.fields ?? []]));
    mutations = new Map([['Mutation', { typeAllow: null, fields }]]);
  }
  return mutations;
}

/** A record unknown or outside the grants answers null, like every read of one (the mutation says NOT_FOUND). */
export async function changeSummary(_root: unknown, args: { mutation: string; input: Record<string, unknown> }, context: SubgraphContext) {
  const declaration = SUMMARISED.get(args.mutation);
  if (!declaration) throw badUserInput('mutation', 'is not a change with a summary');
  try {
    return await summarise(declaration, args.input, context, mutationPolicy());
  } catch (err) {
    if (isGraphError(err) && err.extensions.code === 'NOT_FOUND') return null;
    throw err;
  }
}
