import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** What the graph must serve: the capability ids of spec/capabilities.md and the rows of seed 002's Appendix 1. */
export interface Capability { id: string; title: string }
export interface AppendixRow { row: number; paragraph: string; operation: string; pratica: string; ordine: boolean; mutation: string | null }

/** The customer's documents sit next to the project (`../shared/spec/`), as for the policy conformance suite. */
export const CAPABILITIES_FILE = new URL('../../../shared/spec/capabilities.md', import.meta.url);
export const APPENDIX_FILE = new URL('../appendix-1.yaml', import.meta.url);

/** A capability id as the spec writes it: `MOB-03`, `ACC-11`. */
export const CAPABILITY_ID = /\b[A-Z]{2,5}-\d{2}\b/g;

/** Every row of the capability tables: `| MOB-03 | Block / unblock SIM … | rules |`. */
export function readCapabilities(markdown = readFileSync(CAPABILITIES_FILE, 'utf8')): Capability[] {
  const rows = [...markdown.matchAll(/^\|\s*([A-Z]{2,5}-\d{2})\s*\|\s*([^|]*?)\s*\|/gm)];
  return rows.map(([, id, title]) => ({ id, title }));
}

export function readAppendix(yaml = readFileSync(APPENDIX_FILE, 'utf8')): AppendixRow[] {
  const rows = parseYaml(yaml) as AppendixRow[];
  if (!Array.isArray(rows)) throw new Error('schema/appendix-1.yaml must be a list of rows');
  return rows;
}
