import type { CompanyUser, CompanyUserStatus } from '../../adapters/crm/company-users';
import type { MobileLine, Profile } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import { linePlace } from '../runtime/lines';
import { profilesOn } from '../runtime/records';
import type { Resolvers, SubgraphContext } from '../runtime/server';
import type { TargetKind } from '../runtime/dispositive/targets';
import { checkInteger, checkOptionalText } from '../runtime/validators/text';

/**
 * issue 20 item 5 (ACC-08, seed 000 "Gestione utenze"): the legal representative's user console. Only the RL of a
 * company lists and changes its users (schema/account.graphql `companyUsers` and the console's mutations, @allow RL);
 * a company or a user he does not represent answers like an unknown one, at the same cost (one CRM call either way).
 */

/** The console's users as CRM names them: 1-U0004 (demo), 1-R… (registered), 1-C… (created by the console). */
export const USER_ID = /^1-[A-Z]\d{4,7}$/;

/** A user as the target of a console change, with the profiles the viewer holds on the user's company. */
export interface ConsoleUserTarget extends CompanyUser { viewerProfiles: ReadonlySet<Profile> }

async function loadUser(id: string, { identity, legacy }: SubgraphContext): Promise<ConsoleUserTarget | null> {
  const [user] = await legacy.crm.companyUsers.get([id]);
  return user && { ...user, viewerProfiles: profilesOn(identity, 'Company', { companyId: user.companyId }) };
}

export const COMPANY_USER: TargetKind<ConsoleUserTarget> = {
  // Decided on the company the user belongs to: `heldProfiles` says which profiles the viewer holds there.
  recordKind: 'Company',
  heldProfiles: (user) => user.viewerProfiles,
  outcomeField: 'user',
  label: 'This user',
  plausible: USER_ID,
  load: loadUser,
  place: (user) => ({ companyId: user.companyId, lineNumber: user.line }),
  crmTarget: (user) => ({ kind: 'User', id: user.id }),
  async reload(user, context) {
    const fresh = await loadUser(user.id, context);
    if (!fresh) throw new Error('a user vanished from CRM right after a change');
    return fresh;
  },
};

/** The line a new user is created on, and (after the change) the user CRM created on it. */
export interface LineForNewUser { line: MobileLine; viewerProfiles: ReadonlySet<Profile>; user: CompanyUser | null }

export const LINE_FOR_NEW_USER: TargetKind<LineForNewUser> = {
  recordKind: 'MobileLine',
  // The console is the company's: the RL creates a user on any line of the company he represents.
  heldProfiles: (target) => target.viewerProfiles,
  outcomeField: 'user',
  label: 'This mobile line',
  plausible: /^\d{1,15}$/,
  async load(number, { identity, loaders }) {
    const line = await loaders.crm.mobileLines.load(number);
    return line && { line, viewerProfiles: profilesOn(identity, 'Company', { companyId: line.companyId }), user: null };
  },
  place: (target) => linePlace(target.line),
  crmTarget: (target) => ({ kind: 'MobileLine', id: target.line.number }),
  async reload(target, { legacy }) {
    const { nodes } = await usersPage(legacy.crm.companyUsers, target.line.companyId, { search: target.line.number }, 0, 100);
    const user = nodes.find((u) => u.line === target.line.number);
    if (!user) throw new Error('the user created on a line is missing from CRM right after the change');
    return { ...target, user };
  },
};

async function usersPage(crm: SubgraphContext['legacy']['crm']['companyUsers'], companyId: string, filter: { search?: string; status?: CompanyUserStatus },
  offset: number, first: number) {
  const page = await crm.list(companyId, filter, { offset, limit: first });
  return { totalCount: page.totalCount, nodes: page.items };
}

const isLineTarget = (record: CompanyUser | LineForNewUser): record is LineForNewUser => typeof record.line === 'object' && record.line !== null;

interface CompanyUsersArgs { companyId?: string | null; search?: string | null; status?: CompanyUserStatus | null; first?: number; offset?: number }

/** The company the console lists: the one named (null when he is not its RL), or the only company he is RL of. */
export function consoleCompany(context: SubgraphContext, named: string | null | undefined, field = 'companyId'): string | null {
  const represented = [...new Set(context.identity.grants.filter((g) => g.profile === 'RL' && g.scope.kind === 'COMPANY').map((g) => g.scope.id))];
  if (named !== undefined && named !== null) {
    if (!/^[A-Za-z0-9-]{1,20}$/.test(named)) throw badUserInput(field, 'must be a CRM customer id, e.g. 1-VALL01');
    return profilesOn(context.identity, 'Company', { companyId: named }).has('RL') ? named : null;
  }
  if (represented.length > 1) throw badUserInput(field, 'name the company: you represent several');
  return represented[0] ?? null;
}

export const userConsoleResolvers = {
  Query: {
    async companyUsers(_root, args: CompanyUsersArgs, context) {
      // Arguments first (BAD_USER_INPUT naming them, nothing read), then the company, then one CRM call.
      const search = checkOptionalText(args.search, 'search', 60);
      const first = checkInteger(args.first ?? 10, 'first', 1, 100);
      const offset = checkInteger(args.offset ?? 0, 'offset', 0, 100_000);
      const companyId = consoleCompany(context, args.companyId);
      if (!companyId) return null;
      return usersPage(context.legacy.crm.companyUsers, companyId, { ...(search && { search }), ...(args.status && { status: args.status }) }, offset, first);
    },
  },
  CompanyUserChangeOutcome: {
    // The creation's target is the line (with the user CRM created on it); every other change's is the user himself.
    user: ({ user }: { user: CompanyUser | LineForNewUser }) => (isLineTarget(user) ? user.user : user),
  },
} satisfies Resolvers;
