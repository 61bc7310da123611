import { monthsAgo } from '../runtime/clock';

/**
 * Issue 13, the assistance pages' legacy data (seed 002 §7.7.6–§7.7.10): the manuals CRM hands out, the service
 * points (Punti di Assistenza) it knows, and Ente KRISHNA's device tickets. Names and addresses of the service points
 * are made up for the stand-in; the manuals' titles and the devices' IMEIs are the seed's.
 */

/** §7.7.10 "Manuali dei servizi web": the seed's screen lists the SMAS/Netprofiler manual. */
export interface ManualRecord { code: string; title: string; fileName: string }
export const MANUALS: readonly ManualRecord[] = [
  { code: 'SMAS-NETPROFILER', title: 'Sistema SMAS/Netprofiler', fileName: 'Manuale_SMAS_Netprofiler.pdf' },
  { code: 'PORTALE-CM8', title: 'Portale Convenzione Mobile 8 - Manuale utente', fileName: 'Manuale_Portale_CM8.pdf' },
  { code: 'ALL-RISK', title: 'Assistenza su apparati - servizio All Risk', fileName: 'Guida_Assistenza_All_Risk.pdf' },
];

/** §7.7.8: where a device with a ticket is delivered (fault) or collected (also after theft or loss). */
export interface ServicePointRecord {
  id: string; name: string; address: string; postalCode: string; town: string; province: string; phone: string; hours: string;
}
const point = (id: string, name: string, address: string, postalCode: string, town: string, province: string, phone: string): ServicePointRecord =>
  ({ id, name, address, postalCode, town, province, phone, hours: 'lun-ven 09:00-13:00, 15:00-19:00; sab 09:00-13:00' });

export const SERVICE_POINTS: readonly ServicePointRecord[] = [
  point('PDA-RM-001', 'Centro Assistenza Labaro', 'VIA DI GROTTAROSSA 12', '00189', 'ROMA', 'RM', '0633221100'),
  point('PDA-RM-002', 'Centro Assistenza Prati', 'VIA OTTAVIANO 45', '00192', 'ROMA', 'RM', '0639721500'),
  point('PDA-RM-003', 'Centro Assistenza Eur', 'VIALE EUROPA 190', '00144', 'ROMA', 'RM', '0654220870'),
  point('PDA-RM-004', 'Centro Assistenza Tivoli', 'VIA TIBURTINA VALERIA 31', '00019', 'TIVOLI', 'RM', '0774318822'),
  point('PDA-MI-001', 'Centro Assistenza Loreto', 'VIALE MONZA 21', '20127', 'MILANO', 'MI', '0226113344'),
  point('PDA-MI-002', 'Centro Assistenza Navigli', 'VIA VIGEVANO 8', '20144', 'MILANO', 'MI', '0258107711'),
  point('PDA-MI-003', 'Centro Assistenza Sesto', 'VIALE CASIRAGHI 300', '20099', 'SESTO SAN GIOVANNI', 'MI', '0222471980'),
  point('PDA-BO-001', 'Centro Assistenza Bolognina', 'VIA DELLE SCUOLE 2', '40132', 'BOLOGNA', 'BO', '051402233'),
  point('PDA-BO-002', 'Centro Assistenza San Donato', 'VIA SAN DONATO 70', '40127', 'BOLOGNA', 'BO', '051511980'),
  point('PDA-NA-001', 'Centro Assistenza Vomero', 'VIA SCARLATTI 150', '80127', 'NAPOLI', 'NA', '0815567012'),
  point('PDA-TO-001', 'Centro Assistenza Crocetta', 'CORSO DUCA DEGLI ABRUZZI 44', '10129', 'TORINO', 'TO', '0115089911'),
];

/**
 * §7.7.6–§7.7.7: Ente KRISHNA's device tickets (pratica "Apertura tk servizio all risk") on contract 888010088938,
 * for the seed's devices. Opened more than 6 months ago, so that the requests histories the other pages read keep
 * their reference content; ticket monitoring has no time window (the last 30).
 */
export interface TicketRecord {
  id: string; contract: string; customerCode: string; status: 'Aperto' | 'In lavorazione' | 'Chiuso'; openedOn: Date; closedOn: Date | null;
  parameters: Record<string, string>;
}
const KRISHNA_TICKET = { contract: '888010088938', customerCode: '1-KRSH01' };
export const KRISHNA_TICKETS = (): TicketRecord[] => [
  { id: '7-61200450011', ...KRISHNA_TICKET, status: 'Chiuso', openedOn: monthsAgo(11, 4), closedOn: monthsAgo(11, 12),
    parameters: { evento: 'GUASTO', imei: '353042098000644', apparato: 'NOLEGGIO Samsung Galaxy S5 Black TIM', consegna: 'PUNTO_ASSISTENZA', puntoAssistenza: 'PDA-BO-001', referente: 'VINCENZO', telefono: '3335617891' } },
  { id: '7-61877120342', ...KRISHNA_TICKET, status: 'In lavorazione', openedOn: monthsAgo(8, 20), closedOn: null,
    parameters: { evento: 'FURTO', imei: '354626091316673', apparato: 'MANUTENZIONE Samsung Galaxy S5 Black TIM', consegna: 'SEDE_CLIENTE', indirizzo: 'VIA DELLE SCUOLE 2, 40132 BOLOGNA (BO)', referente: 'VINCENZO', telefono: '3335617891' } },
  { id: '7-62004410875', ...KRISHNA_TICKET, status: 'Aperto', openedOn: monthsAgo(7, 2), closedOn: null,
    parameters: { evento: 'SMARRIMENTO', imei: '864944055242816', apparato: 'MANUTENZIONE Samsung Galaxy S5 Black TIM', consegna: 'PUNTO_ASSISTENZA', puntoAssistenza: 'PDA-BO-002', referente: 'VINCENZO', telefono: '3335617891' } },
];
