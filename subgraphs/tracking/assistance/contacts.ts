import type { Profile } from '../../../adapters/domain';

/**
 * The contacts pages (TRK-07): content of the portals, not of a legacy system, so the graph holds it. CM8: seed 002
 * §2 "Contatti" (numero verde fonia 800.680.068, fax 800.000.210, the agreement's mailboxes) and §7.7.2–§7.7.4 (chat,
 * call back from 02.20228788 Monday to Friday 09:00–18:00 and Saturday 09:00–14:00, "Scrivici"). Area Clienti: seed
 * 000 "Contatti" (book a call, WebMail, chat with the Angie bot); the seeds give no number for it, so the page shows
 * TIM Business's customer service number, 191.
 */
type Portal = 'AREA_CLIENTI' | 'CM8';
type ChannelKind = 'PHONE' | 'FAX' | 'EMAIL' | 'CHAT' | 'CALL_BACK' | 'WRITE_TO_US';
interface Channel { kind: ChannelKind; label: string; value: string | null; hours: string | null }
export interface Contacts { portal: Portal; channels: Channel[]; chatUrl: string; callBackFrom: string }

const CALL_BACK_HOURS = 'lun-ven 09:00-18:00, sab 09:00-14:00 (festivi esclusi)';
const channel = (kind: ChannelKind, label: string, value: string | null = null, hours: string | null = null): Channel => ({ kind, label, value, hours });

const CONTACTS: Record<Portal, Contacts> = {
  CM8: {
    portal: 'CM8',
    chatUrl: 'https://convenzionemobile8.tim.it/assistenza/chat',
    callBackFrom: '02.20228788',
    channels: [
      channel('PHONE', 'Numero verde fonia', '800.680.068'),
      channel('FAX', 'Numero verde fax', '800.000.210'),
      channel('EMAIL', 'Email', 'telefoniamobile8@telecomitalia.it'),
      channel('EMAIL', 'Email PEC', 'telefoniamobile8@pec.telecomitalia.it'),
      channel('CHAT', 'Chat', 'https://convenzionemobile8.tim.it/assistenza/chat', CALL_BACK_HOURS),
      channel('CALL_BACK', 'Prenota una chiamata', null, CALL_BACK_HOURS),
      channel('WRITE_TO_US', 'Scrivici'),
    ],
  },
  AREA_CLIENTI: {
    portal: 'AREA_CLIENTI',
    chatUrl: 'https://www.timbusiness.it/area-clienti/assistenza/chat',
    callBackFrom: '191',
    channels: [
      channel('PHONE', 'Servizio Clienti TIM Business', '191'),
      channel('CALL_BACK', 'Prenota una chiamata', null, CALL_BACK_HOURS),
      channel('WRITE_TO_US', 'WebMail'),
      channel('CHAT', 'Chat (Angie, poi un operatore)', 'https://www.timbusiness.it/area-clienti/assistenza/chat'),
    ],
  },
};

/** CM8 profiles (seed 002 §5, §8, §9); every other profile is of the Area Clienti (seed 001). */
const CM8: ReadonlySet<Profile> = new Set(['ROA', 'REF_EBILL', 'TRAFFIC_MANAGER', 'REF_MESSAGING', 'EU']);

/** One page per portal the viewer's profiles belong to, CM8 first. */
export function contactsFor(profiles: readonly Profile[]): Contacts[] {
  const portals = new Set(profiles.map((p): Portal => (CM8.has(p) ? 'CM8' : 'AREA_CLIENTI')));
  return (['CM8', 'AREA_CLIENTI'] as const).filter((p) => portals.has(p)).map((p) => CONTACTS[p]);
}
