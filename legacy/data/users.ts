import type { Profile } from '../../adapters/domain';

/**
 * The demo users of spec/reference-data.md. CRM holds them with their grants (AZIENDA/CONTRATTO/LINEA scopes);
 * the demo identity provider holds their credentials. Every demo user's password is "demo".
 */
export type LegacyScopeKind = 'AZIENDA' | 'CONTRATTO' | 'LINEA';
export interface DemoUser {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  taxCode: string;
  mobile: string | null;
  email: string;
  status: 'ATTIVA' | 'DISATTIVATA';
  grants: { profile: Profile; kind: LegacyScopeKind; scope: string }[];
}

export const DEMO_PASSWORD = 'demo';

const user = (u: Omit<DemoUser, 'status' | 'email'> & Partial<Pick<DemoUser, 'status' | 'email'>>): DemoUser => ({
  status: 'ATTIVA',
  email: `${u.username}@example.it`,
  ...u,
});

export const DEMO_USERS: DemoUser[] = [
  // Area Clienti, company A: VALLISNERI GINEVRA
  user({ id: '1-U0001', username: 'ginevra.vallisneri', firstName: 'GINEVRA', lastName: 'VALLISNERI', taxCode: 'VLLGVR74E42D548G', mobile: '3485180611',
    grants: [{ profile: 'RL', kind: 'AZIENDA', scope: '1-VALL01' }] }),
  user({ id: '1-U0002', username: 'luca.ferri', firstName: 'LUCA', lastName: 'FERRI', taxCode: 'FRRLCU80A01F205X', mobile: '3331112223',
    grants: [{ profile: 'AF', kind: 'AZIENDA', scope: '1-VALL01' }] }),
  user({ id: '1-U0003', username: 'sara.neri', firstName: 'SARA', lastName: 'NERI', taxCode: 'NRESRA85C41F205Y', mobile: '3343860405',
    grants: [{ profile: 'AL', kind: 'AZIENDA', scope: '1-VALL01' }, { profile: 'AL', kind: 'LINEA', scope: '3343860405' }] }),
  user({ id: '1-U0004', username: 'giada.mantesi', firstName: 'GIADA', lastName: 'MANTESI', taxCode: 'MNTGDI90D45F205Z', mobile: '3343860902',
    grants: [{ profile: 'UT', kind: 'LINEA', scope: '3343860902' }] }),
  user({ id: '1-U0005', username: 'paolo.verdi', firstName: 'PAOLO', lastName: 'VERDI', taxCode: 'VRDPLA78B12F205W', mobile: '3343860505',
    grants: [{ profile: 'UTD', kind: 'LINEA', scope: '3343860505' }] }),
  user({ id: '1-U0006', username: 'abbonamento.mobile', firstName: 'ABBONAMENTO', lastName: 'MOBILE', taxCode: 'MBLBBN70A01F205V', mobile: '3316779290', status: 'DISATTIVATA',
    grants: [{ profile: 'UT', kind: 'LINEA', scope: '3316779290' }] }),
  // Area Clienti, company B: NOME AZIENDA SPA (cross-tenant checks)
  user({ id: '1-U0010', username: 'mario.rossi', firstName: 'MARIO', lastName: 'ROSSI', taxCode: 'RSSMRA66A02F839E', mobile: '3471000001',
    grants: [{ profile: 'RL', kind: 'AZIENDA', scope: '1-NOME01' }] }),
  // Area Clienti, a myBusiness Holding referent (seed 004): AF-like across the companies of his group, here A and B.
  // spec/reference-data.md names no HOLDING user; CRM lists a holding referent's grants one company at a time.
  user({ id: '1-U0015', username: 'marta.holding', firstName: 'MARTA', lastName: 'GRUPPI', taxCode: 'GRPMRT75A41F205U', mobile: null,
    grants: [{ profile: 'HOLDING', kind: 'AZIENDA', scope: '1-VALL01' }, { profile: 'HOLDING', kind: 'AZIENDA', scope: '1-NOME01' }] }),
  // Area Clienti, a ceased fixed customer
  user({ id: '1-U0020', username: 'cessato.fisso', firstName: 'CARLO', lastName: 'CESSATI', taxCode: 'CSSCRL60A01A944K', mobile: null,
    grants: [{ profile: 'CC', kind: 'CONTRATTO', scope: '0516000001' }] }),
  // CM8, Ente KRISHNA
  user({ id: '1-U0030', username: 'vincenzo.roa', firstName: 'VINCENZO', lastName: 'ROA', taxCode: 'RAOVCN70A01A944A', mobile: '3335617891',
    grants: [{ profile: 'ROA', kind: 'CONTRATTO', scope: '888010088938' }] }),
  user({ id: '1-U0031', username: 'vincenzo.rl', firstName: 'VINCENZO', lastName: 'MANDATARIO', taxCode: 'MNDVCN65A01A944B', mobile: '3284150683',
    grants: [{ profile: 'RL', kind: 'AZIENDA', scope: '1-KRSH01' }] }),
  user({ id: '1-U0032', username: 'lavo.ebill', firstName: 'LAVO', lastName: 'EBILL', taxCode: 'BLLLVA75A01A944C', mobile: '3357410021',
    grants: [{ profile: 'REF_EBILL', kind: 'CONTRATTO', scope: '888010088938' }] }),
  user({ id: '1-U0033', username: 'umberto.traffic', firstName: 'UMBERTO', lastName: 'TRAFFICO', taxCode: 'TRFMRT72A01A944D', mobile: '3357410022',
    grants: [{ profile: 'TRAFFIC_MANAGER', kind: 'CONTRATTO', scope: '888010088938' }] }),
  user({ id: '1-U0034', username: 'pasquale.eu', firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839J', mobile: '3312548681',
    grants: [{ profile: 'EU', kind: 'LINEA', scope: '3312548681' }, { profile: 'ROA', kind: 'CONTRATTO', scope: '888012234558' }] }),
  user({ id: '1-U0035', username: 'gina.eu', firstName: 'GINA', lastName: 'EUSEBI', taxCode: 'SBEGNI88A41A944S', mobile: '3700034020',
    grants: [{ profile: 'EU', kind: 'LINEA', scope: '3700034020' }] }),
  // Issue 12: more CM8 employees, each on his own line of Ente KRISHNA, for seed 002 §9's pages. Two postpaid lines
  // the ROA enabled to TIM TUO and their users have not associated yet (§9.2.1.1's "Associa": 3312547883, 3312547899),
  // a postpaid line whose user has TIM TUO active (§9.2.1.2's "La mia fattura": 3312548662) and a second prepaid
  // line with TIM TUO active (§9.2.1.3: 3700801103).
  user({ id: '1-U0037', username: 'emanuele.eu', firstName: 'EMANUELE', lastName: 'MANCINI', taxCode: 'MNCMNL83C12A944Q', mobile: '3312547883',
    grants: [{ profile: 'EU', kind: 'LINEA', scope: '3312547883' }] }),
  user({ id: '1-U0038', username: 'ivan.eu', firstName: 'IVAN', lastName: 'FERRARI', taxCode: 'FRRVNI79H05A944V', mobile: '3312547899',
    grants: [{ profile: 'EU', kind: 'LINEA', scope: '3312547899' }] }),
  user({ id: '1-U0039', username: 'laura.eu', firstName: 'LAURA', lastName: 'ROSSI', taxCode: 'RSSLRA85M41F839V', mobile: '3312548662',
    grants: [{ profile: 'EU', kind: 'LINEA', scope: '3312548662' }] }),
  user({ id: '1-U0041', username: 'anna.eu', firstName: 'ANNA', lastName: 'BIANCHI', taxCode: 'BNCNNA82C41A944L', mobile: '3700801103',
    grants: [{ profile: 'EU', kind: 'LINEA', scope: '3700801103' }] }),
  // h-tuopost (issue 12): a third postpaid line enabled to TIM TUO and not yet associated (§9.2.1.1's activation rows 34–36).
  user({ id: '1-U0042', username: 'giorgio.eu', firstName: 'GIORGIO', lastName: 'CONTE', taxCode: 'CNTGRG81L10A944I', mobile: '3312547516',
    grants: [{ profile: 'EU', kind: 'LINEA', scope: '3312547516' }] }),
  // An employee on a postpaid line the ROA has not enabled to TIM TUO: §9.2.1.1's empty table ("contattare il ROA").
  user({ id: '1-U0043', username: 'franco.eu', firstName: 'FRANCO', lastName: 'BRUNO', taxCode: 'BRNFNC84E20A944D', mobile: '3312544025',
    grants: [{ profile: 'EU', kind: 'LINEA', scope: '3312544025' }] }),
  // h-contract (issue 10): the CM8 referents' mobile lines are what CRM profiles them by (legacy/data/crm-contract-data.ts);
  // a messaging referent (seed 002 §8: the messaging services of §7.6.3 only).
  user({ id: '1-U0036', username: 'lucia.messaging', firstName: 'LUCIA', lastName: 'MESSINA', taxCode: 'MSSLCU82A41A944O', mobile: '3357410023',
    grants: [{ profile: 'REF_MESSAGING', kind: 'CONTRATTO', scope: '888010088938' }] }),
  // CM8, a second Ente (cross-tenant checks)
  user({ id: '1-U0040', username: 'massimiliano.roa', firstName: 'MASSIMILIANO', lastName: 'ROA', taxCode: 'RAOMSM75A01H501G', mobile: '3319000001',
    grants: [{ profile: 'ROA', kind: 'CONTRATTO', scope: '888010077777' }] }),
];
