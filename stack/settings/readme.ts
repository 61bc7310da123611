import { z } from 'zod';
import { RESILIENCE_SETTINGS } from '../../adapters/resilience/settings';
import { GATEWAY_VARIABLES } from '../../gateway/config/settings';
import { STAND_IN_VARIABLES } from '../../legacy/runtime/settings';
import { SUBGRAPH_VARIABLES } from '../../subgraphs/runtime/settings';
import { DOCS, replaceDocSection, runDocGenerator } from '../doc-section';
import { OPEN_TELEMETRY_ROW, PROCESS_VARIABLES } from './common';
import { docOf, type VariableShape } from './define';
import { LAUNCHER_VARIABLES } from './launcher';

/**
 * The settings tables of docs/, written from the settings modules (the one source of every variable, its default
 * and its meaning): `npm run settings:readme` rewrites them, `--check` (and the test suite) fails when stale.
 */
const HEADER = '| variable | default | meaning |\n|---|---|---|';

function defaultCell(schema: z.ZodType): string {
  const shown = docOf(schema)?.shownDefault;
  if (shown !== undefined) return shown;
  if (schema instanceof z.ZodDefault) {
    const value: unknown = schema.def.defaultValue;
    return `\`${typeof value === 'object' ? JSON.stringify(value) : String(value)}\``;
  }
  if (schema instanceof z.ZodOptional) return 'unset';
  return '(required)';
}

export function variablesTable(shape: VariableShape, extraRows: { name: string; shownDefault: string; meaning: string }[] = []): string {
  const rows = Object.entries(shape).map(([name, schema]) => `| \`${name}\` | ${defaultCell(schema)} | ${docOf(schema)?.meaning ?? ''} |`);
  return [HEADER, ...rows, ...extraRows.map((r) => `| ${r.name} | ${r.shownDefault} | ${r.meaning} |`)].join('\n');
}

function resilienceTable(): string {
  const rows = Object.entries(RESILIENCE_SETTINGS).map(([suffix, { fallback, meaning }]) =>
    `| \`LEGACY_${suffix}\` | \`${fallback}\` | ${meaning} |`);
  return ['| variable (`CRM_…`, `EBILL_…`, `EBPFA_…` instead of `LEGACY_…`: one system only) | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The settings tables, by page: every process's variables where the processes are described, the legacy budgets beside what they do. */
export const SETTINGS_PAGES: Record<string, (page: string) => string> = {
  [DOCS.realSystems]: (page) => withSections(page, {
    'settings-every-process': variablesTable(PROCESS_VARIABLES, [OPEN_TELEMETRY_ROW]),
    'settings-gateway': variablesTable(GATEWAY_VARIABLES),
    'settings-subgraph': variablesTable(SUBGRAPH_VARIABLES),
    'settings-stand-in': variablesTable(STAND_IN_VARIABLES),
    'settings-launcher': variablesTable(LAUNCHER_VARIABLES),
  }),
  [DOCS.operating]: (page) => withSections(page, { 'settings-resilience': resilienceTable() }),
};

function withSections(page: string, sections: Record<string, string>): string {
  return Object.entries(sections).reduce((text, [name, body]) => replaceDocSection(text, name, body), page);
}

if (import.meta.url === `file://${process.argv[1]}`) runDocGenerator(SETTINGS_PAGES, 'npm run settings:readme');
