import { PROFILES, type UserProfile } from '../../adapters/domain';
import { notFound } from '../../adapters/errors';
import type { Resolvers } from '../runtime/server';
import { viewerCompanyId } from './reach';

/**
 * ACC-01 / ACC-02. Profiles and grants come from the verified identity (the gateway loaded them from CRM a moment
 * ago); personal data is read from CRM only when a personal field is asked for, once per request.
 */
interface ViewerSource { personal: () => Promise<UserProfile> }

const personalField = <K extends keyof UserProfile>(key: K) => async (viewer: ViewerSource) => (await viewer.personal())[key];

export const viewerResolvers = {
  Query: {
    viewer: (_root, _args, { identity, legacy }): ViewerSource => {
      let pending: Promise<UserProfile> | undefined;
      const load = async () => {
        const profile = await legacy.crm.getUserProfile(identity.userId);
        if (!profile) throw notFound('Your user profile');
        return profile;
      };
      return { personal: () => (pending ??= load()) };
    },
  },
  Viewer: {
    username: (_viewer, _args, { identity }) => identity.username,
    firstName: personalField('firstName'),
    lastName: personalField('lastName'),
    displayName: async (viewer: ViewerSource) => {
      const { firstName, lastName } = await viewer.personal();
      return `${firstName} ${lastName}`;
    },
    taxCode: personalField('taxCode'),
    mobile: personalField('mobile'),
    email: personalField('email'),
    // A set, listed in the canonical order of PROFILES so that answers are stable.
    profiles: (_viewer, _args, { identity }) => PROFILES.filter((p) => identity.grants.some((g) => g.profile === p)),
    grants: (_viewer, _args, { identity }) =>
      identity.grants.map((g) => ({ profile: g.profile, scopeKind: g.scope.kind, scopeId: g.scope.id })),
    company: async (_viewer, _args, context) => {
      const companyId = await viewerCompanyId(context);
      return companyId === null ? null : context.loaders.crm.companies.load(companyId);
    },
  },
} satisfies Resolvers;
