import { largeCustomer, isPrepaidLargeLine } from './large';
// Issue 21 (MOB-06): company A's services on its contract and lines (the customer area's "Servizi mobile").
import { COMPANY_A_CONTRACT_SERVICES, COMPANY_A_LINE_SERVICES } from './mobile-services-reference';

/**
 * CRM's inventory records of a CM8 contract (seed 002 §7.2.1-§7.2.2, spec/reference-data.md): the supplementary
 * services (STS) on each line, the devices sold with a line, the contract services (SAC) and, per line, the TIM TUO
 * (dual billing) flags with the employee the line is given to. The generated Ente (large.ts) gets records of the
 * same shape, derived from its line numbers, so that its aggregates are computed over 10,000 lines.
 */
export type InventoryStatus = 'ATTIVO' | 'CESSATO' | 'SOSPESO';

/** A supplementary service or tariff profile on one line (STS); `apn` only for "FILTRO APN". */
export interface LineServiceRecord {
  line: string;
  contract: string;
  description: string;
  apn: string | null;
  activatedOn: string;
  ceasedOn: string | null;
  status: InventoryStatus;
  /** % of the monthly fee charged to the Ente. */
  chargedToEntePercent: number;
  monthlyFeeCent: number;
}

/** A device sold on a line (Servizi su apparato), identified by its NMU model code. */
export interface DeviceRecord {
  id: string;
  line: string;
  contract: string;
  nmuCode: string;
  serviceType: string;
  activatedOn: string;
  status: InventoryStatus;
}

/** A service active on the contract itself (Servizi a contratto, SAC). */
export interface ContractServiceRecord { contract: string; description: string; activatedOn: string; status: InventoryStatus }

/**
 * TIM TUO on one line, as CRM keeps it per line: whether the Ente enables the line to the service (`enabled`, seed
 * 002 §7.4.5), and once an employee activated it, the service's kind (postpaid ABBONAMENTO / prepaid RICARICABILE),
 * its status and the employee (code, names, tax code). h-billing's TIM TUO pages read the same record.
 */
export interface TimTuoLineRecord {
  line: string;
  contract: string;
  enabled: boolean;
  service: {
    kind: 'ABBONAMENTO' | 'RICARICABILE';
    status: InventoryStatus;
    employeeCode: string;
    employeeLastName: string;
    employeeFirstName: string;
    employeeTaxCode: string;
    activatedOn: string;
    ceasedOn: string | null;
  } | null;
}

export interface InventoryFixture {
  lineServices: LineServiceRecord[];
  devices: DeviceRecord[];
  contractServices: ContractServiceRecord[];
  timTuo: TimTuoLineRecord[];
}

const POSTPAID = '888010088938';
const PREPAID = '888012234558';
const STS_ON = '2021-01-25';
const sts = (line: string, description: string, extra: Partial<LineServiceRecord> = {}): LineServiceRecord => ({
  line, contract: POSTPAID, description, apn: null, activatedOn: STS_ON, ceasedOn: null, status: 'ATTIVO',
  chargedToEntePercent: 100, monthlyFeeCent: 1_000, ...extra,
});
/** The five services of 3312545213 (seed 002 §7.2.2: 100 % charged to the Ente, 10 € each). */
const FIVE_SERVICES = ['RIF USCENTE', 'SUPER INTERNET MOBILE LTE VOLTE', 'BLOCCO SATELLITARE', 'VOCE VOLTE eBU_obb', 'RIF IN ROAMING'];
const FOUR_SERVICES = FIVE_SERVICES.filter((s) => s !== 'BLOCCO SATELLITARE');
/** What every postpaid line of the generated Ente carries. */
const GENERATED_SERVICES = ['SUPER INTERNET MOBILE LTE VOLTE', 'VOCE VOLTE eBU_obb'];

function krishna(): InventoryFixture {
  const employee = (code: string, lastName: string, firstName: string, taxCode: string, activatedOn: string) =>
    ({ employeeCode: code, employeeLastName: lastName, employeeFirstName: firstName, employeeTaxCode: taxCode, activatedOn, ceasedOn: null });
  const enabledOnly = (line: string): TimTuoLineRecord => ({ line, contract: POSTPAID, enabled: true, service: null });
  return {
    lineServices: [
      ...FIVE_SERVICES.map((s) => sts('3312545213', s)),
      ...FOUR_SERVICES.map((s) => sts('3312545395', s)),
      sts('3312545395', 'BLOCCO SATELLITARE'),
      ...['3312547883', '3312547899', '3312548662'].flatMap((line) => FOUR_SERVICES.map((s) => sts(line, s))),
      // The M2M line's APN filter (§7.2.2: "Nel caso di STS 'Filtro APN', viene riportato l'apn associato").
      sts('3312547228', 'FILTRO APN', { apn: 'm2m.pa8.tim.it', monthlyFeeCent: 500, activatedOn: '2021-02-18' }),
    ],
    devices: [
      { id: 'APP-705935-1', line: '3312545395', contract: POSTPAID, nmuCode: '705935', serviceType: 'VENDITA RATEALE I.TIM NOKIA N73 RED AND WHITE',
        activatedOn: '2021-02-10', status: 'ATTIVO' },
      { id: 'APP-713361-1', line: '3312547883', contract: POSTPAID, nmuCode: '713361',
        serviceType: 'VENDITA RATEALE ITELCO ALICE MOBILE TABLET PC IDOL + TC', activatedOn: '2021-02-10', status: 'ATTIVO' },
    ],
    contractServices: [
      { contract: POSTPAID, description: 'TIM TUO A CONTRATTO', activatedOn: '2021-02-01', status: 'ATTIVO' },
      { contract: PREPAID, description: 'TIM TUO A CONTRATTO', activatedOn: '2021-02-01', status: 'ATTIVO' },
    ],
    timTuo: [
      enabledOnly('3312547516'), enabledOnly('3312547883'), enabledOnly('3312547899'),
      { line: '3312547310', contract: POSTPAID, enabled: true,
        service: { kind: 'ABBONAMENTO', status: 'ATTIVO', ...employee('888200090226', 'L. C. SALVATORE', 'SALVATORE', 'LCSSVT71B11A944K', '2021-02-11') } },
      // §7.4.6's screen: the line whose options are activated, TIM TUO active.
      { line: '3312548662', contract: POSTPAID, enabled: true,
        service: { kind: 'ABBONAMENTO', status: 'ATTIVO', ...employee('888200090312', 'ROSSI', 'LAURA', 'RSSLRA85M41F839V', '2021-04-07') } },
      { line: '3312548681', contract: POSTPAID, enabled: true,
        service: { kind: 'ABBONAMENTO', status: 'ATTIVO', ...employee('888200090311', 'ESPOSITO', 'PASQUALE', 'SPSPQL80A01F839J', '2021-03-02') } },
      // §7.2.1's TIM TUO ricaricabile: 2 ATTIVO, 2 CESSATO.
      { line: '3700034020', contract: PREPAID, enabled: true,
        service: { kind: 'RICARICABILE', status: 'ATTIVO', ...employee('888200090412', 'EUSEBI', 'GINA', 'SBEGNI88A41A944S', '2021-02-15') } },
      { line: '3700801103', contract: PREPAID, enabled: true,
        service: { kind: 'RICARICABILE', status: 'ATTIVO', ...employee('888200090413', 'BIANCHI', 'ANNA', 'BNCNNA82C41A944L', '2021-02-16') } },
      { line: '3346076607', contract: PREPAID, enabled: true,
        service: { kind: 'RICARICABILE', status: 'CESSATO', ...employee('888200090414', 'GALLI', 'MARCO', 'GLLMRC79D01A944J', '2021-02-16'), ceasedOn: '2021-06-30' } },
      { line: '3346075368', contract: PREPAID, enabled: true,
        service: { kind: 'RICARICABILE', status: 'CESSATO', ...employee('888200090415', 'CONTI', 'ELENA', 'CNTLNE84E41A944L', '2021-02-16'), ceasedOn: '2021-07-15' } },
    ],
  };
}

/**
 * The generated Ente: every postpaid line carries two STS, one in ten a third; one line in twenty has a device
 * (two models alternately); one in twenty-five has TIM TUO active (postpaid or prepaid as the line), one in a
 * hundred of those ceased; every contract has the SAC "TIM TUO A CONTRATTO".
 */
function generated(id: string, lineCount: number): InventoryFixture {
  const fixture: InventoryFixture = { lineServices: [], devices: [], contractServices: [], timTuo: [] };
  for (const contract of largeCustomer(id, lineCount).mobileContracts) {
    fixture.contractServices.push({ contract: contract.number, description: 'TIM TUO A CONTRATTO', activatedOn: '2022-01-10', status: 'ATTIVO' });
    contract.lineNumbers.forEach((line, i) => {
      const prepaid = isPrepaidLargeLine(line);
      const base = { line, contract: contract.number };
      if (!prepaid) {
        const services = i % 10 === 0 ? [...GENERATED_SERVICES, 'RIF USCENTE'] : GENERATED_SERVICES;
        for (const description of services) fixture.lineServices.push(sts(line, description, { contract: contract.number, activatedOn: '2022-01-10' }));
      }
      if (i % 20 === 3) {
        const nokia = i % 40 === 3;
        fixture.devices.push({ id: `APP-${line}`, ...base, nmuCode: nokia ? '705935' : '713361', activatedOn: '2022-02-01', status: 'ATTIVO',
          serviceType: nokia ? 'VENDITA RATEALE I.TIM NOKIA N73 RED AND WHITE' : 'VENDITA RATEALE ITELCO ALICE MOBILE TABLET PC IDOL + TC' });
      }
      if (i % 25 === 7) {
        fixture.timTuo.push({ ...base, enabled: true, service: {
          kind: prepaid ? 'RICARICABILE' : 'ABBONAMENTO', status: i % 2500 === 7 ? 'CESSATO' : 'ATTIVO',
          employeeCode: `8882${line.slice(1)}`, employeeLastName: `DIPENDENTE ${i}`, employeeFirstName: 'NOME', employeeTaxCode: `DPNNMO70A01H501${i % 10}`,
          activatedOn: '2022-03-01', ceasedOn: null,
        } });
      }
    });
  }
  return fixture;
}

/** Built when the CRM store is seeded, like crmFixture. */
export function inventoryFixture(large: { id: string; lines: number }[] = []): InventoryFixture {
  const companyA: InventoryFixture = { lineServices: COMPANY_A_LINE_SERVICES, devices: [], contractServices: COMPANY_A_CONTRACT_SERVICES, timTuo: [] };
  const parts = [krishna(), companyA, ...large.map(({ id, lines }) => generated(id, lines))];
  return {
    lineServices: parts.flatMap((p) => p.lineServices),
    devices: parts.flatMap((p) => p.devices),
    contractServices: parts.flatMap((p) => p.contractServices),
    timTuo: parts.flatMap((p) => p.timTuo),
  };
}
