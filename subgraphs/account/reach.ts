import type { Profile } from '../../adapters/domain';
import { grantsFor, profilesOn, type RecordKind, type RecordPlace } from '../runtime/records';
import type { RecordTypes } from '../runtime/policy/record-types';
import type { SubgraphContext } from '../runtime/server';

/**
 * Which companies and contracts a user reaches, and through which profiles. records.ts covers a record through a
 * grant on the record itself or on what holds it (company ⊃ contract ⊃ line). Account records also need the other
 * direction: records.ts lets an UT see the company and the contract of his line (LINE scope for both kinds), and a
 * ROA the company of his contract, yet a company's place names no contract and a contract's place names no line.
 * So a company or contract is also reached through the granted contracts and lines it holds, found with the
 * request's loaders.
 */
type AccountKind = Extract<RecordKind, 'Company' | 'Contract'>;

/**
 * spec/profiles.md §2 "Company profile: … contracts list": r for UT and UTD, who hold their own line only. The
 * company's contracts are theirs to read as a list (number, type, status: the profile page), not through a grant
 * on each contract: they reach every contract of the company their line is in. What a contract holds beyond its
 * own fields (its lines, invoices) stays decided on the grants, so they still see only their own line.
 */
export const COMPANY_CONTRACTS_READERS: ReadonlySet<Profile> = new Set(['UT', 'UTD']);

export async function profilesReaching(context: SubgraphContext, kind: AccountKind, place: RecordPlace): Promise<Set<Profile>> {
  const profiles = profilesOn(context.identity, kind, place);
  for (const held of await heldPlaces(context, kind)) {
    if (held.companyId !== place.companyId) continue;
    if (kind === 'Company' || held.contractNumber === place.contractNumber || COMPANY_CONTRACTS_READERS.has(held.profile)) profiles.add(held.profile);
  }
  return profiles;
}

export async function reaches(context: SubgraphContext, kind: AccountKind, place: RecordPlace): Promise<boolean> {
  return (await profilesReaching(context, kind, place)).size > 0;
}

/** How the field policy finds the viewer's profiles on an account record: through everything that reaches it. */
export const ACCOUNT_RECORD_TYPES: RecordTypes = {
  Company: (company, context) => profilesReaching(context, 'Company', { companyId: company.id }),
  Contract: (contract, context) => profilesReaching(context, 'Contract', { companyId: contract.companyId, contractNumber: contract.number }),
};

/** The company the user works for: the first company he reaches, preferring a company grant (no lookup needed). */
export async function viewerCompanyId(context: SubgraphContext): Promise<string | null> {
  const companyGrant = grantsFor(context.identity, 'Company').find((g) => g.scope.kind === 'COMPANY');
  if (companyGrant) return companyGrant.scope.id;
  const [first] = await heldPlaces(context, 'Company');
  return first?.companyId ?? null;
}

/**
 * Places of the contract and line grants that count for this kind of record (unknown records are skipped); looked up
 * through the request's loaders, so asking again within a request costs nothing.
 */
export async function heldPlaces({ identity, loaders }: SubgraphContext, kind: AccountKind): Promise<(RecordPlace & { profile: Profile })[]> {
  const places = await Promise.all(grantsFor(identity, kind).map(async ({ profile, scope }) => {
    if (scope.kind === 'CONTRACT') {
      const contract = await loaders.crm.contracts.load(scope.id);
      return contract && { profile, companyId: contract.companyId, contractNumber: contract.number };
    }
    if (scope.kind === 'LINE') {
      // A LINE grant does not say whether the line is mobile or fixed; mobile lines are the common case.
      const line = (await loaders.crm.mobileLines.load(scope.id)) ?? (await loaders.crm.fixedLines.load(scope.id));
      return line && { profile, companyId: line.companyId, contractNumber: line.contractNumber, lineNumber: line.number };
    }
    return null;
  }));
  return places.filter((p) => p !== null);
}
