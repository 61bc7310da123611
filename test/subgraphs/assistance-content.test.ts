import { describe, expect, it } from 'vitest';
import { advancedServicesFor } from '../../subgraphs/tracking/assistance/advanced-services';
import { contactsFor } from '../../subgraphs/tracking/assistance/contacts';

/**
 * Issue 13: what the content pages give each profile, decided without a stack: the REF_MESSAGING referent (seed 002
 * §8: "accede alle pagine di accesso ai servizi di messaggistica") gets the messaging link and nothing else, and the
 * CM8 contacts; a user of both portals gets both contacts pages.
 */
describe('advanced services per profile (seed 002 §7.6)', () => {
  it('gives REF_MESSAGING the messaging link only', () => {
    expect(advancedServicesFor(['REF_MESSAGING']).map((l) => l.kind)).toEqual(['MESSAGING']);
  });
  it('gives the ROA every link, and nobody else any', () => {
    expect(advancedServicesFor(['ROA', 'REF_MESSAGING'])).toHaveLength(7);
    expect(advancedServicesFor(['EU', 'REF_EBILL', 'TRAFFIC_MANAGER', 'RL', 'AF'])).toEqual([]);
  });
});

describe('contacts per portal (seed 002 §7.7.1, seed 000 "Contatti")', () => {
  it('gives every CM8 profile the CM8 page, with the agreement\'s toll-free number and the call-back number', () => {
    for (const profile of ['ROA', 'REF_EBILL', 'TRAFFIC_MANAGER', 'REF_MESSAGING', 'EU'] as const) {
      const [page, ...rest] = contactsFor([profile]);
      expect(rest, profile).toEqual([]);
      expect(page.portal).toBe('CM8');
      expect(page.callBackFrom).toBe('02.20228788');
      expect(page.channels.map((c) => c.kind)).toEqual(expect.arrayContaining(['PHONE', 'CHAT', 'CALL_BACK', 'WRITE_TO_US']));
    }
  });
  it('gives a user of both portals both pages, CM8 first', () => {
    expect(contactsFor(['RL', 'ROA']).map((c) => c.portal)).toEqual(['CM8', 'AREA_CLIENTI']);
  });
});
