/**
 * Values as an Italian page shows them. The graph sends money as a decimal string and dates as ISO 8601 strings
 * (the codegen'd types say `string`): the page formats the text, never a float, so no cent moves.
 */
export const esc = (value: unknown): string => String(value ?? '—').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "1234.5" → "1.234,50": grouping and comma on the digits as sent. */
export function decimal(value: string, digits = 2): string {
  const [int, frac = ''] = value.replace(/^-/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value.startsWith('-') ? '-' : '';
  return digits === 0 ? `${sign}${grouped}` : `${sign}${grouped},${frac.padEnd(digits, '0').slice(0, digits)}`;
}

export const euro = (value: string): string => `€ ${decimal(value)}`;

/** "2026-03-05" or "2026-03-05T10:00:00Z" → "05/03/2026". */
export function date(value: string | null | undefined): string {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '—';
}

/** A number whose data may be 1234 or "12.50", for a bar's width only (never shown). */
export const ratio = (left: string | number, total: string | number): number =>
  Number(total) > 0 ? Math.max(0, Math.min(1, Number(left) / Number(total))) : 0;
