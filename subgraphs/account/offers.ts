import type { Company } from '../../adapters/domain';
import type { SubgraphContext } from '../runtime/server';

/**
 * Issue 21 (MOB-20, seed 000 "Offerte per te"): the company's running campaigns, and where its Offers page lands: the
 * campaign's own page when it is in one, the sorting page when it is in several ("se il cliente è censito su più
 * Campagne, sarà indirizzato verso area di smistamento/landing page"), none when it is in none.
 */
export async function companyOffers(company: Company, { legacy }: SubgraphContext) {
  const offers = await legacy.crm.campaigns.list(company.id);
  if (!offers) return null;
  const { campaigns, sortingPageUrl } = offers;
  return { campaigns, landingUrl: campaigns.length > 1 ? sortingPageUrl : campaigns[0]?.landingUrl ?? null };
}
