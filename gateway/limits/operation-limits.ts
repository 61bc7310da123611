import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * Limits on the shape of an operation, checked at validation, before the query planner sends anything to a
 * subgraph (graphql-armor's rules). Tokens are limited by graphql-js's own parser (`parseOptions.maxTokens`), which
 * stops reading a huge document early. Tuned to this schema: README "When a legacy system fails" → "Limits".
 */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** graphql-armor's cost: 2 per object, 1 per scalar, ×1.5 per level of depth. The README dashboard costs 2,965. */
  maxCost: number;
}

/** Each limit lets the README dashboard through at half its value (test/gateway/operation-limits.test.ts). */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = { maxDepth: 8, maxAliases: 10, maxDirectives: 10, maxTokens: 1_000, maxCost: 8_000 };

/** The extension telling which limit an operation broke; format-error turns it into OPERATION_LIMIT_EXCEEDED. */
export const LIMIT_EXTENSION = 'limit';

/** Reports the rule's own message (it names the limit and what was found) tagged with which limit it is. */
const tagged = (limit: string) => [(ctx: ValidationContext | null, error: GraphQLError) => {
  Object.assign(error.extensions, { [LIMIT_EXTENSION]: limit });
  ctx?.reportError(error);
}];

export function operationLimits(limits: OperationLimits): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin[]; parseOptions: { maxTokens: number } } {
  const common = { propagateOnRejection: false, exposeLimits: true };
  const armor = new ApolloArmor({
    maxDepth: { ...common, n: limits.maxDepth, onReject: tagged('depth'), ignoreIntrospection: true },
    // Every alias counts, `__typename`'s too (armor lets those through by default: 330 of them were answered).
    maxAliases: { ...common, n: limits.maxAliases, allowList: [], onReject: tagged('aliases') },
    maxDirectives: { ...common, n: limits.maxDirectives, onReject: tagged('directives') },
    costLimit: { ...common, maxCost: limits.maxCost, onReject: tagged('cost') },
    // The parser limits tokens (below); armor's plugin would throw from parsingDidStart.
    maxTokens: { enabled: false },
    // Its plugin rewrites error.message in place, which throws for errors whose message is a getter (a fetch
    // timeout's); format-error.ts masks the suggestions instead.
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules, plugins, parseOptions: { maxTokens: limits.maxTokens } };
}
