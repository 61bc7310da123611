import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { GatewayContext } from '../server/context';

/**
 * The mutations after which someone's grants are different: CRM derives the CM8 profiles from a contract's referents
 * (ROA from the Master, REF_MESSAGING from the messaging referent's line, …), so replacing a referent or changing his
 * mobile moves a profile from one user to another. The gateway cannot tell whose, so every replica forgets the grants
 * it holds (gateway/replica-state/shared-state.ts `grantsChanged`): the next request of each user reads CRM again.
 * A grant changed in CRM by other means is seen within GRANTS_CACHE_SECONDS.
 */
const GRANT_CHANGING_MUTATIONS: ReadonlySet<string> = new Set(['replaceReferent', 'changeReferentContacts',
  // issue 20 (ACC-08): the user console changes a user's profile, disables or deletes him: his next request must see it.
  'changeCompanyUserProfiles', 'disableCompanyUsers', 'deleteCompanyUsers']);

export function grantsInvalidation(grantsChanged: { publish(): Promise<void> }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          if (operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
          const data = response.body.singleResult.data;
          // Before the answer leaves: a client told "done" must not then be served the old grants by another replica.
          const changed = operation.selectionSet.selections.some((s) =>
            s.kind === Kind.FIELD && GRANT_CHANGING_MUTATIONS.has(s.name.value) && data?.[s.alias?.value ?? s.name.value] != null);
          if (changed) await grantsChanged.publish();
        },
      };
    },
  };
}
