import type { Db } from '../runtime/db';
import { mobileLineXml } from './answers';
import type { MobileLineRow } from './store';

/**
 * The network settings of a mobile line that the CM8 SIM management pages change (seed 002 §7.3.5, §7.3.9,
 * §7.3.10): its over/extra bundle enablements, its network service categories (direttrici) and its RIF profile
 * (Rete Intelligente Flessibile). A line without a row has the settings it was activated with (`activationSettings`);
 * the first change writes its row. CRM prints them with the line (GetLineeMobili, ListaLineeMobili).
 */
export const LINE_SERVICES_SCHEMA = `
CREATE TABLE IF NOT EXISTS servizi_linee_mobili (
  numero TEXT PRIMARY KEY, extra_bundle INTEGER NOT NULL, over_bundle_naz_ue INTEGER NOT NULL, over_bundle_extra_ue INTEGER NOT NULL,
  direttrici TEXT NOT NULL, profilo_rif TEXT NOT NULL);
`;

/** The offer a line's plan belongs to, which decides the enablements it may change (§7.3.5). */
export type OfferType = 'CONSUMO' | 'PACCHETTO' | 'RICARICABILE';
export const BUNDLE_ENABLEMENTS = ['extraBundle', 'overBundleNazionaleUe', 'overBundleExtraUe'] as const;
export type BundleEnablement = (typeof BUNDLE_ENABLEMENTS)[number];
/** Abbonamento a consumo: only Over Bundle Extra UE; a pacchetto and ricaricabile: all three. */
export const MODIFIABLE_ENABLEMENTS: Record<OfferType, readonly BundleEnablement[]> = {
  CONSUMO: ['overBundleExtraUe'],
  PACCHETTO: BUNDLE_ENABLEMENTS,
  RICARICABILE: BUNDLE_ENABLEMENTS,
};

/** The direttrici of a postpaid line; a prepaid line has none (its traffic is bounded by its credit). */
export const NETWORK_CATEGORIES = ['INTERNAZIONALE', 'ROAMING', 'SOVRAPPREZZO', 'SMS_PREMIUM', 'SATELLITARE'] as const;
export type CategoryState = 'ABILITATA' | 'BLOCCATA';

/** CRM's catalogue of RIF profiles (the portal's "Legenda"). */
export const RIF_PROFILES = ['RIF_00', 'RIF_01', 'RIF_02', 'RIF_03', 'RIF_04'] as const;

export interface LineServices {
  enablements: Record<BundleEnablement, boolean>;
  categories: Record<string, CategoryState>;
  rifProfile: string;
}

interface LineServicesRow {
  numero: string; extra_bundle: number; over_bundle_naz_ue: number; over_bundle_extra_ue: number; direttrici: string; profilo_rif: string;
}

export function offerType(line: MobileLineRow): OfferType {
  if (line.tipo_linea === 'RICARICABILE') return 'RICARICABILE';
  return /PACCHETTO/i.test(line.piano_tariffario) ? 'PACCHETTO' : 'CONSUMO';
}

/** What a line has until its first change: no traffic beyond its bundle; abroad and international calls open, paid numbers blocked. */
function activationSettings(line: MobileLineRow): LineServices {
  return {
    enablements: { extraBundle: false, overBundleNazionaleUe: false, overBundleExtraUe: false },
    categories: line.tipo_linea === 'RICARICABILE' ? {}
      : { INTERNAZIONALE: 'ABILITATA', ROAMING: 'ABILITATA', SOVRAPPREZZO: 'BLOCCATA', SMS_PREMIUM: 'BLOCCATA', SATELLITARE: 'BLOCCATA' },
    rifProfile: 'RIF_00',
  };
}

const fromRow = (r: LineServicesRow): LineServices => ({
  enablements: { extraBundle: r.extra_bundle === 1, overBundleNazionaleUe: r.over_bundle_naz_ue === 1, overBundleExtraUe: r.over_bundle_extra_ue === 1 },
  categories: JSON.parse(r.direttrici) as Record<string, CategoryState>,
  rifProfile: r.profilo_rif,
});

/** The settings of each line, in one query for a page of lines. */
export function lineServices(db: Db, lines: readonly MobileLineRow[]): Map<string, LineServices> {
  const rows = lines.length === 0 ? [] : db.prepare(`SELECT * FROM servizi_linee_mobili WHERE numero IN (${lines.map(() => '?').join(', ')})`)
    .all(...lines.map((l) => l.numero)) as LineServicesRow[];
  const stored = new Map(rows.map((r) => [r.numero, fromRow(r)]));
  return new Map(lines.map((l) => [l.numero, stored.get(l.numero) ?? activationSettings(l)]));
}

export function saveLineServices(db: Db, number: string, s: LineServices): void {
  db.prepare('INSERT OR REPLACE INTO servizi_linee_mobili VALUES (?, ?, ?, ?, ?, ?)').run(number, Number(s.enablements.extraBundle),
    Number(s.enablements.overBundleNazionaleUe), Number(s.enablements.overBundleExtraUe), JSON.stringify(s.categories), s.rifProfile);
}

const yesNo = (on: boolean) => (on ? 'SI' : 'NO');

/** The settings as CRM prints them inside a `linea`. */
export const lineServicesXml = (line: MobileLineRow, s: LineServices) => ({
  tipoOfferta: offerType(line),
  abilitazioniBundle: Object.fromEntries(BUNDLE_ENABLEMENTS.map((e) => [e, yesNo(s.enablements[e])])),
  direttrice: Object.entries(s.categories).map(([categoria, stato]) => ({ categoria, stato })),
  profiloRif: s.rifProfile,
});

/** Mobile lines as CRM prints them: the line's record and its settings. */
export function mobileLinesXml(db: Db, lines: readonly MobileLineRow[]) {
  const settings = lineServices(db, lines);
  return lines.map((line) => ({ ...mobileLineXml(line), ...lineServicesXml(line, settings.get(line.numero)!) }));
}
