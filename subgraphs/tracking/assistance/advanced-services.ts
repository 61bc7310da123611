import type { Profile } from '../../../adapters/domain';

/**
 * Seed 002 §7.6.1–§7.6.6: the links to the advanced services' own platforms ("se previsto"; each has its own
 * credentials and documentation). The ROA sees them all; the messaging referent only the messaging one (§7.6.3, §8).
 * The addresses are the stand-in's: the seed shows the links, not where they lead.
 */
type Kind = 'EMM' | 'FLEET_MANAGEMENT' | 'MESSAGING' | 'MOBILE_PAYMENT' | 'SMART_WORKING' | 'SMAS';
export interface AdvancedServiceLink { kind: Kind; title: string; url: string }

const LINKS: readonly AdvancedServiceLink[] = [
  { kind: 'EMM', title: 'Device Management AIRWATCH M8', url: 'https://emm-airwatch.convenzionemobile8.tim.it' },
  { kind: 'EMM', title: 'Device Management Mobile IRON M8', url: 'https://emm-mobileiron.convenzionemobile8.tim.it' },
  { kind: 'FLEET_MANAGEMENT', title: 'Fleet management', url: 'https://fleet.convenzionemobile8.tim.it' },
  { kind: 'MESSAGING', title: 'Servizi di messaggistica', url: 'https://messaggistica.convenzionemobile8.tim.it' },
  { kind: 'MOBILE_PAYMENT', title: 'Mobile Payment', url: 'https://mobilepayment.convenzionemobile8.tim.it' },
  { kind: 'SMART_WORKING', title: 'Smart working', url: 'https://smartworking.convenzionemobile8.tim.it' },
  { kind: 'SMAS', title: 'SMAS (Net Profiler)', url: 'https://smas.convenzionemobile8.tim.it' },
];

/** Which links each profile that may open the page sees. */
const SEEN_BY: Partial<Record<Profile, (link: AdvancedServiceLink) => boolean>> = {
  ROA: () => true,
  REF_MESSAGING: (link) => link.kind === 'MESSAGING',
};

export function advancedServicesFor(profiles: readonly Profile[]): AdvancedServiceLink[] {
  return LINKS.filter((link) => profiles.some((p) => SEEN_BY[p]?.(link)));
}
