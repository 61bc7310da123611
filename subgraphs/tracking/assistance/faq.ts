/**
 * Seed 000 "Domande frequenti": the FAQ of the Area Clienti, in two sections (generic, invoices), with the questions
 * and answers of the FAQ pages (seeds 003, 004), in the portal's language. Content the graph serves (TRK-07).
 */
export type FaqSection = 'GENERAL' | 'INVOICES';
export interface FaqEntry { section: FaqSection; question: string; answer: string }

export const FAQ: readonly FaqEntry[] = [
  { section: 'GENERAL', question: 'Chi può accedere all’Area Clienti myBusiness?',
    answer: 'Tutti i dipendenti dell’azienda che hanno un contratto con TIM. Per accedere è necessario essere registrati. Il Rappresentante Legale dell’azienda accede a tutti i servizi disponibili nell’Area Clienti; i dipendenti visualizzano i dati e i servizi collegati alla propria linea mobile e, in base al profilo di registrazione, possono gestire anche le fatture e i servizi collegati alle altre linee aziendali.' },
  { section: 'GENERAL', question: 'Come recuperare le credenziali di accesso all’Area Clienti myBusiness?',
    answer: 'Collegandosi alla pagina di accesso all’Area Clienti, all’indirizzo mybusiness.it sono presenti i link per recuperare la username o la password.' },
  { section: 'GENERAL', question: 'È possibile bloccare al traffico la SIM aziendale rubata o smarrita?',
    answer: 'Sì, è possibile farlo autonomamente nell’Area Clienti myBusiness: nella sezione Pratiche e Servizi Mobile, seleziona BLOCCO/SBLOCCO LINEA MOBILE (per furto o smarrimento) e poi il numero della linea della SIM da bloccare. In alternativa puoi chiamare il Servizio Clienti di riferimento.' },
  { section: 'GENERAL', question: 'Dopo quanti giorni risulterà attiva la linea in seguito a trasloco?',
    answer: 'In caso di trasloco, l’attivazione della linea avviene solitamente entro 10 giorni dalla data della richiesta, salvo particolari esigenze tecniche.' },
  { section: 'INVOICES', question: 'Dopo il trasloco delle linee, rimane attiva la domiciliazione delle fatture?',
    answer: 'No, in seguito al trasloco è necessario effettuare nuovamente la richiesta di domiciliazione. Puoi richiederla direttamente nell’Area Clienti o chiamando il Servizio Clienti. Fino a che la domiciliazione non sarà attiva, le fatture dovranno essere pagate tramite bollettino, oppure online con carta di credito con il servizio P@gonline nell’Area Clienti, oppure presso gli sportelli Bancomat abilitati.' },
  { section: 'INVOICES', question: 'Che cos’è TIM TUO?',
    answer: 'È un servizio di “Dual Billing” per l’Utilizzatore di linee mobili aziendali Business in abbonamento o ricaricabili: la parte di importo relativa al traffico personale può essere fatturata direttamente al dipendente anteponendo il codice “4146” alle chiamate o agli SMS inviati. Le fatture personali si consultano in Fatturazione e Traffico > Telefonia Mobile > TIM TUO.' },
];
