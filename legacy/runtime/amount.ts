/** Euro cents as the legacy billing systems print them: comma decimal, no thousands separator (`22112` → `"221,12"`). */
export function legacyAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
