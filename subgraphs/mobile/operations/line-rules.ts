import type { LineNetworkSettings, LineStatus, MobileLine } from '../../../adapters/domain';

/**
 * Rules the CM8 SIM management operations on a line share (seed 002 §7.3.5, §7.3.9, §7.3.10, §7.3.13): a ceased or
 * suspended line's settings do not change, and a line CRM sends without its settings cannot be managed.
 */
const MANAGEABLE: readonly LineStatus[] = ['ACTIVE', 'FROZEN'];

export function unmanageable(line: MobileLine, what: string): string | null {
  if (!MANAGEABLE.includes(line.status)) return `The ${what} of an active or frozen line only can be changed: the line is ${line.status.toLowerCase()}.`;
  if (!line.networkSettings) return `The ${what} of this line are not available from CRM.`;
  return null;
}

/** The line's settings, once `unmanageable` found none missing. */
export const settingsOf = (line: MobileLine): LineNetworkSettings => line.networkSettings!;
