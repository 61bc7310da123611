import { z } from 'zod';

/**
 * How every process declares and reads its environment variables: one zod object per kind of process (gateway,
 * subgraph, stand-in, launcher), each variable registered with what it means, so that the same declaration
 * validates the environment at start and writes the README's settings tables (stack/settings/readme.ts).
 */
export interface VariableDoc {
  /** What the variable does, for an operator: one README cell. */
  meaning: string;
  /** The default as the README shows it, when the schema's own default does not say it well (or there is none). */
  shownDefault?: string;
  /** A test switch: any value that `refusedInProduction` accepts stops a process started with NODE_ENV=production. */
  refusedInProduction?: (value: string) => boolean;
  /** Never echoed in an error (keys, passwords). */
  secret?: boolean;
}

/** The registry that carries each variable's documentation; the README generator reads it back. */
export const variableDocs = z.registry<VariableDoc>();

/**
 * A variable's documentation, also when `.default()` or `.optional()` was applied after `variable(…)` registered it
 * (the wrapper is a new schema; the registry holds the inner one).
 */
export function docOf(schema: z.ZodType): VariableDoc | undefined {
  const own = variableDocs.get(schema);
  if (own) return own;
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return docOf(schema.def.innerType as z.ZodType);
  return undefined;
}

/** Registers a variable's documentation on its schema, and returns the schema. */
export function variable<T extends z.ZodType>(schema: T, doc: VariableDoc): T {
  variableDocs.add(schema, doc);
  return schema;
}

export type VariableShape = Record<string, z.ZodType>;
type Env = Record<string, string | undefined>;

/** Builders whose error message is what the variable expects; the reader adds the name and what it got. */
export const expect = {
  integer: (min = 0) => {
    const error = `an integer ≥ ${min}`;
    return z.coerce.number({ error }).int({ error }).min(min, { error });
  },
  /** A share strictly between 0 and 1. */
  rate: () => {
    const error = 'a number between 0 and 1 (both excluded)';
    return z.coerce.number({ error }).gt(0, { error }).lt(1, { error });
  },
  httpUrl: () => z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL' }),
  /** issue 20: the e-mail relay's address. */
  smtpUrl: () => z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }),
  text: () => z.string({ error: 'a non-empty string' }),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: `one of ${values.map((v) => `"${v}"`).join(', ')}` }),
  isoDate: () => z.iso.date({ error: 'a date YYYY-MM-DD' }),
  /** A value read by a parser of its own (JSON tables, lists): its error message says what it expects. */
  parsedBy: <T>(parse: (raw: string) => T, expects: string) => z.string().transform((raw, ctx): T => {
    try {
      return parse(raw);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `${expects}${err instanceof Error ? ` (${err.message})` : ''}` });
      return z.NEVER;
    }
  }),
};

/** Thrown at start with every offending variable, one per line. */
export class SettingsError extends Error {
  constructor(kind: string, problems: string[]) {
    super(`${kind}: ${problems.length} invalid setting(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/**
 * Validates `env` against the declared variables and returns their values, or throws one SettingsError naming
 * every bad variable and what it expects. An empty variable counts as unset: deployment templates often leave one
 * empty rather than absent.
 */
export function readVariables<S extends VariableShape>(
  kind: string,
  shape: S,
  env: Env,
  opts: { demoSecretsInProduction?: 'refused' | 'allowed' } = {},
): z.output<z.ZodObject<S>> {
  const present = Object.fromEntries(Object.keys(shape).flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
  const problems: string[] = [];
  const result = z.object(shape).safeParse(present);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const name = String(issue.path[0]);
      const where = issue.path.map(String).join('.');
      if (seen.has(where)) continue;
      seen.add(where);
      const raw = present[name];
      const doc = docOf(shape[name]!);
      const message = issue.message.replace(/^Invalid input: /, '');
      if (raw === undefined) problems.push(`${where} must be set: ${message}`);
      else problems.push(`${where} must be ${message}${doc?.secret ? '' : `, got "${raw}"`}`);
    }
  }
  if (env.NODE_ENV === 'production') {
    for (const [name, schema] of Object.entries(shape)) {
      const raw = present[name];
      if (raw !== undefined && docOf(schema)?.refusedInProduction?.(raw)) {
        problems.push(`${name}=${raw} is a test switch, refused when NODE_ENV=production`);
      }
      // A key or password left at the embedded default is one every clone of the repository knows.
      if (raw === undefined && schema instanceof z.ZodDefault && (opts.demoSecretsInProduction ?? 'refused') === 'refused'
        && docOf(schema)?.secret) {
        problems.push(`${name} is unset: its demo default is refused when NODE_ENV=production; set it from a secret`);
      }
    }
  }
  if (problems.length) throw new SettingsError(kind, problems);
  return result.data!;
}
