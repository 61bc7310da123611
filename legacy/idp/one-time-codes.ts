import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { ExpiringMap } from '../../stack/expiring-map';

/**
 * issue 20: the one-time codes the IdP sends by SMS (sign-in, password recovery, registration). Six digits, valid
 * five minutes (seed 000: "valido 5 minuti"), single use, a bounded number of tries: the third wrong code burns it,
 * so guessing one of a million codes stays at three in a million per code sent (and sending is rate-limited).
 * Only a digest is kept; the comparison is constant-time on equal-length digests. In process: a second IdP replica
 * would share them through the same store as the rate limits (rate-limit.ts).
 */
export const CODE_TTL_MS = 5 * 60_000;
export const MAX_CODE_TRIES = 3;
/** More pending codes than this (one per number and purpose) means an attack: the oldest go first. */
const MAX_PENDING = 100_000;

export type CodeCheck = 'ok' | 'wrong' | 'none';

interface Pending { digest: Buffer; tries: number }

const digest = (code: string) => createHash('sha256').update(code, 'utf8').digest();
/** What a number without a pending code is compared with, so that the check costs the same. */
const NOTHING = digest('no code was sent');

export function createOneTimeCodes(ttlMs = CODE_TTL_MS) {
  const pending = new ExpiringMap<string, Pending>(MAX_PENDING);
  return {
    /** A new code for this purpose and subject (e.g. `signin:+393…`); it replaces any earlier one. */
    issue(key: string): string {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      pending.set(key, { digest: digest(code), tries: 0 }, Date.now() + ttlMs);
      return code;
    },
    /** `ok` once: the code is spent. `wrong` counts a try; `none` when no code waits (never sent, expired, spent, burnt). */
    check(key: string, code: string): CodeCheck {
      const entry = pending.get(key);
      const matches = timingSafeEqual(digest(code), entry?.digest ?? NOTHING);
      if (!entry) return 'none';
      if (matches) {
        pending.delete(key);
        return 'ok';
      }
      entry.tries += 1;
      if (entry.tries >= MAX_CODE_TRIES) pending.delete(key);
      return 'wrong';
    },
  };
}
export type OneTimeCodes = ReturnType<typeof createOneTimeCodes>;
