import { summaryModulePath } from '../../../adapters/crm/summary-module';
import { LIST_FILE_TYPES } from '../downloads';
import type { PolicyTable } from '../policy/directives';
import type { SubgraphContext } from '../server';
import { confirmationRef } from './confirmation';
import type { DispositiveDeclaration } from './declaration';
import { authorisedTarget, refuse, validatedItems, validatedRequest } from './engine';
import { moduleLines, signedTerms } from './summary-terms';

/**
 * The summary of a change before it is confirmed, for any declaration with a `summary` (the one `changeSummary`
 * query): the request checked as the mutation will check it (the input, then each record authorised, then the
 * rules, the same errors), the records' terms, a signed link to CRM's summary module and the `confirmationRef` the
 * mutation must carry. `policy` holds the @allow of the mutation, which another subgraph may declare.
 */
export async function summarise<I, T>(declaration: DispositiveDeclaration<I, T>, raw: Record<string, unknown>, context: SubgraphContext, policy: PolicyTable) {
  const { items, paths } = declaration.listField
    ? validatedItems(declaration, raw, declaration.listField)
    : (({ input, at }) => ({ items: [input], paths: [at] }))(validatedRequest(declaration, raw));
  const records = await Promise.all(items.map(async (input, i) => {
    const id = declaration.targetId(input);
    const { target } = await authorisedTarget(declaration.target, id, declaration.field, context, policy);
    const refusal = declaration.refusal?.(target, input, paths[i], context.identity) ?? null;
    if (refusal !== null) refuse(refusal);
    return { id, terms: signedTerms(declaration, target, input), lines: moduleLines(declaration, target, input) };
  }));
  const apart = declaration.summary?.together?.(records.map((r) => r.terms), (field) => `input.${field}`) ?? null;
  if (apart) throw apart;
  const reference = confirmationRef(context.identity, { operation: declaration.field, records: Object.fromEntries(records.map((r) => [r.id, r.terms])) });
  const fileUrl = await context.downloads.urlFor({
    system: 'CRM', fileName: `riepilogo-${declaration.field}.csv`, contentType: LIST_FILE_TYPES.CSV,
    path: summaryModulePath({ pratica: declaration.pratica, records: records.map(({ id, lines }) => ({ id, lines })), reference: reference.slice(-12) }),
  }, context.identity.userId);
  return {
    mutation: declaration.field,
    pratica: declaration.pratica,
    records: records.map(({ id, lines }) => ({ id, terms: lines.map(([name, value]) => ({ name, value })) })),
    fileUrl,
    confirmationRef: reference,
  };
}
