import type { Page } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';

/** The legacy list operations answer at most 100 records per call (CRM `dimensionePagina`), so a page does too. */
export const MAX_PAGE_SIZE = 100;

export interface PageWindow { offset: number; limit: number }

/**
 * Checks the `first` / `offset` arguments every paginated field takes and turns them into the window the adapters
 * expect. An explicit `null` from the client overrides the SDL default, hence the integer checks. A field whose
 * source pages smaller (eBill: 50) passes its own `maxFirst`.
 */
export function pageWindow(first: number | null, offset: number | null, maxFirst = MAX_PAGE_SIZE): PageWindow {
  if (!Number.isInteger(first) || first! < 1 || first! > maxFirst) {
    throw badUserInput('first', `must be between 1 and ${maxFirst}`);
  }
  if (!Number.isInteger(offset) || offset! < 0) throw badUserInput('offset', 'must be 0 or more');
  return { offset: offset!, limit: first! };
}

/** A domain page as the SDL's `*Page` types expose it. */
export interface PageNodes<T> { totalCount: number; nodes: T[] }

export const pageNodes = <T>(page: Page<T>): PageNodes<T> => ({ totalCount: page.totalCount, nodes: page.items });

export const emptyPage = <T>(): PageNodes<T> => ({ totalCount: 0, nodes: [] });
