import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * What the graph must serve, as the project's own files: the capabilities (schema/capabilities.yaml), the rows of seed
 * 002's Appendix 1 (schema/appendix-1.yaml) and the profile matrices (schema/profiles.yaml).
 */
export interface Capability { id: string; capability: string; seed: string; partial?: string }
export interface AppendixRow {
  row: number; paragraph: string; operation: string; pratica: string; ordine: boolean; mutation: string | null;
  /** The capability of schema/capabilities.yaml the row belongs to; null where none names it (SMAS, §7.6). */
  capability: string | null;
  /** What of the row the graph does not do as the seed says yet. */
  partial?: string;
}
export interface MatrixRow { row: string; capabilities: string[]; seed: string; cells: Record<string, string> }
export interface ProfileMatrices {
  /** Each portal's profile codes (the matrix's columns) and who they are. */
  profiles: { areaClienti: Record<string, string>; cm8: Record<string, string> };
  areaClienti: MatrixRow[];
  cm8: MatrixRow[];
}

export const CAPABILITIES_FILE = new URL('../capabilities.yaml', import.meta.url);
export const APPENDIX_FILE = new URL('../appendix-1.yaml', import.meta.url);
export const PROFILES_FILE = new URL('../profiles.yaml', import.meta.url);

/** A capability id: `MOB-03`, `ACC-11`. */
export const CAPABILITY_ID = /\b[A-Z]{3}-\d{2}\b/g;

function list<T>(file: URL, what: string, yaml = readFileSync(file, 'utf8')): T[] {
  const rows = parseYaml(yaml) as T[];
  if (!Array.isArray(rows)) throw new Error(`${what} must be a list of rows`);
  return rows;
}

export const readCapabilities = (yaml?: string): Capability[] => list(CAPABILITIES_FILE, 'schema/capabilities.yaml', yaml);

export const readAppendix = (yaml?: string): AppendixRow[] => list(APPENDIX_FILE, 'schema/appendix-1.yaml', yaml);

export function readProfileMatrices(yaml = readFileSync(PROFILES_FILE, 'utf8')): ProfileMatrices {
  const { profiles, areaClienti, cm8 } = parseYaml(yaml) as ProfileMatrices;
  return { profiles, areaClienti, cm8 };
}
