import type { SignedTerms } from './confirmation';
import type { DispositiveDeclaration } from './declaration';
import { fingerprint } from './fingerprint';

/**
 * The terms one record's summary binds (confirmation.ts): the declaration's own, or, when it names none, the request
 * itself (its fingerprint: the same operation, record and validated input, whatever the spelling).
 */
export function signedTerms<I, T>(declaration: DispositiveDeclaration<I, T>, target: T, input: I): SignedTerms {
  const { summary } = declaration;
  return summary?.terms ? summary.terms(target, input) : { request: fingerprint(declaration.field, declaration.targetId(input), input) };
}

/** What the module prints for one record: the declared module, else the declared terms, else the request's fields (nested ones by path). */
export function moduleLines<I, T>(declaration: DispositiveDeclaration<I, T>, target: T, input: I): [name: string, value: string][] {
  const { summary } = declaration;
  return summary?.module?.(target, input) ?? (summary?.terms ? flatten(summary.terms(target, input)) : flatten(input));
}

function flatten(value: unknown, path = ''): [string, string][] {
  if (value === null || value === undefined) return path ? [[path, '']] : [];
  if (typeof value !== 'object') return [[path, String(value)]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k));
}
