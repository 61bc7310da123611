/**
 * h-tuopost (issue 12). The employees' personal billing accounts of TIM TUO on postpaid lines (seed 002 §9.2.1.1):
 * who the personal invoice is made out to, where it goes, and how it is paid. One per line whose TIM TUO is active
 * (legacy/data/inventory-reference.ts): pasquale.eu's by bank direct debit, laura.eu's by card, the third by postal
 * slip. And the bank's side of a direct debit: the holders the demo banks have for their accounts (seed: "i dati
 * dell'intestatario devono corrispondere a quelli presenti nell'Istituto di Credito"): eBill checks a direct debit
 * against them, and a holder that does not match discards it (SCARTATA) and falls back to the postal slip.
 */
export interface PersonalAddressSeed { street: string; houseNumber: string; postalCode: string; city: string; province: string }
export interface PersonHolderSeed { firstName: string; lastName: string; taxCode: string }

export interface PersonalAccountSeed {
  lineNumber: string;
  holder: PersonHolderSeed;
  address: PersonalAddressSeed;
  method: 'CARTA' | 'RID' | 'BOLLETTINO';
  card?: { masked: string; expiry: string };
  directDebit?: { iban: string; accountHolder: PersonHolderSeed & { address: PersonalAddressSeed } };
}

const NAPOLI: PersonalAddressSeed = { street: 'VIA TOLEDO', houseNumber: '15', postalCode: '80134', city: 'NAPOLI', province: 'NA' };
const PASQUALE: PersonHolderSeed = { firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839J' };

export const PERSONAL_ACCOUNTS: readonly PersonalAccountSeed[] = [
  { lineNumber: '3312548681', holder: PASQUALE, address: NAPOLI, method: 'RID',
    directDebit: { iban: 'IT60X0542811101000000123456', accountHolder: { ...PASQUALE, address: NAPOLI } } },
  { lineNumber: '3312548662', holder: { firstName: 'LAURA', lastName: 'ROSSI', taxCode: 'RSSLRA85M41F839V' },
    address: { street: 'VIA CHIAIA', houseNumber: '8', postalCode: '80121', city: 'NAPOLI', province: 'NA' }, method: 'CARTA',
    card: { masked: '*****0119', expiry: '12/29' } },
  { lineNumber: '3312547310', holder: { firstName: 'SALVATORE', lastName: 'L. C. SALVATORE', taxCode: 'LCSSVT71B11A944K' },
    address: { street: 'VIA ROMA', houseNumber: '1', postalCode: '01033', city: 'CIVITA CASTELLANA', province: 'VT' }, method: 'BOLLETTINO' },
];

/** The demo banks' accounts and their holders: a direct debit is DOMICILIATA only with these exact data. */
export const BANK_ACCOUNT_HOLDERS: readonly { iban: string; holder: PersonHolderSeed }[] = [
  { iban: 'IT60X0542811101000000123456', holder: PASQUALE },
  { iban: 'IT80D0306909606100000067890', holder: PASQUALE },
  { iban: 'IT66A0306909606100000012345', holder: { firstName: 'EMANUELE', lastName: 'MANCINI', taxCode: 'MNCMNL83C12A944Q' } },
  { iban: 'IT49B0200802435000104428964', holder: { firstName: 'LAURA', lastName: 'ROSSI', taxCode: 'RSSLRA85M41F839V' } },
  { iban: 'IT66C0100503382000000218020', holder: { firstName: 'IVAN', lastName: 'FERRARI', taxCode: 'FRRVNI79H05A944V' } },
];
