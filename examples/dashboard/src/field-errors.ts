import type { CombinedError } from '@urql/core';

/**
 * Partial data: urql keeps `data` next to the errors (what Apollo Client calls `errorPolicy: 'all'`), and each error
 * says where (`path`) and why (`extensions.code`). A box of the page asks what happened at its path.
 */
export type FieldState = 'ok' | 'forbidden' | 'unavailable' | 'failed';

/**
 * Why `value`, the data at `path`, is missing: the error at that path or below it (a non-null field below a null
 * propagates it up); data that is there is 'ok' whatever errors its own fields carry (each says so where it is).
 */
export function stateAt(error: CombinedError | undefined, path: (string | number)[], value: unknown): FieldState {
  if (value !== null && value !== undefined) return 'ok';
  const hit = error?.graphQLErrors.find((e) => path.every((step, i) => e.path?.[i] === step));
  if (!hit) return error?.networkError ? 'failed' : 'ok';
  const code = hit.extensions?.code;
  if (code === 'FORBIDDEN') return 'forbidden';
  if (code === 'LEGACY_UNAVAILABLE' || code === 'SERVICE_UNAVAILABLE') return 'unavailable';
  return 'failed';
}

/** What the portal says instead of a box's data. */
export const MESSAGES: Record<Exclude<FieldState, 'ok'>, string> = {
  forbidden: 'Non disponibile per il tuo profilo.',
  unavailable: 'Temporaneamente non disponibile: riprova tra qualche minuto.',
  failed: 'Si è verificato un errore. Riprova più tardi.',
};

/** The same, in a table's cell. */
export const CELL_MESSAGES: Record<Exclude<FieldState, 'ok'>, string> = {
  forbidden: 'Non visibile con il tuo profilo',
  unavailable: 'Temporaneamente non disponibile',
  failed: 'Errore',
};
