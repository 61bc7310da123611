import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TypeInfo, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import { CAPABILITY_ID } from './requirements';

/**
 * What each test file exercises, read from its text:
 * - `fields`: the schema coordinates its GraphQL documents select (`Query.invoice`, `Invoice.documentUrl`). A document
 *   is a string literal that parses as GraphQL and validates its fields against the API schema, in the test file or
 *   in a helper module under test/ it imports; a document assembled with `${…}` is not read.
 * - `names`: the capability ids it names (in a title, a comment, a fixture).
 * - `readsAppendix`: it reads schema/appendix-1.yaml (the table-driven test of Appendix 1 runs every built row).
 */
export interface TestUsage { file: string; fields: Set<string>; names: Set<string>; readsAppendix: boolean }

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEST_DIR = join(ROOT, 'test');
/** The coverage test names ids to check the table, not to exercise them. */
const NOT_SCANNED = join(TEST_DIR, 'coverage');

const LITERALS = [/`([^`]*)`/g, /'(\s*(?:\{|query|mutation|fragment)[^'\n]*)'/g, /"(\s*(?:\{|query|mutation|fragment)[^"\n]*)"/g];
const GRAPHQL_START = /^\s*(\{|query\b|mutation\b|fragment\b|subscription\b)/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === NOT_SCANNED ? [] : filesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The coordinates the GraphQL documents in `source` select. */
export function selectedFields(source: string, schema: GraphQLSchema): Set<string> {
  const fields = new Set<string>();
  for (const pattern of LITERALS) {
    for (const [, text] of source.matchAll(pattern)) {
      if (text.includes('${') || !GRAPHQL_START.test(text)) continue;
      let document;
      try {
        document = parse(text);
      } catch {
        continue;
      }
      const typeInfo = new TypeInfo(schema);
      visit(document, visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (parent && typeInfo.getFieldDef()) fields.add(`${parent.name}.${node.name.value}`);
        },
      }));
    }
  }
  return fields;
}

/** Helper modules under test/ that `source` (at `file`) imports: their documents count for it. */
function importedHelpers(source: string, file: string): string[] {
  return [...source.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
    .map(([, spec]) => `${resolve(dirname(file), spec)}.ts`)
    .filter((path) => path.startsWith(TEST_DIR) && !path.endsWith('.test.ts'));
}

export function readTestUsage(schema: GraphQLSchema): TestUsage[] {
  const files = filesUnder(TEST_DIR);
  const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  return files.filter((file) => file.endsWith('.test.ts')).sort().map((file) => {
    const source = sources.get(file)!;
    const helpers = importedHelpers(source, file).map((helper) => sources.get(helper) ?? '');
    return {
      file: relative(ROOT, file),
      fields: new Set([source, ...helpers].flatMap((text) => [...selectedFields(text, schema)])),
      names: new Set([...source.matchAll(CAPABILITY_ID)].map(([id]) => id)),
      readsAppendix: source.includes('appendix-1.yaml'),
    };
  });
}
