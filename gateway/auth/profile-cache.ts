import type { UserProfile } from '../../adapters/domain';
import { GraphError } from '../../adapters/errors';

/** Where the gateway reads a user's status and grants: CRM's GetProfiloUtente in production. */
export interface ProfileSource { getUserProfile(username: string): Promise<UserProfile | null> }

/** Enough for every active user of a busy hour; beyond it the oldest entries go first. */
const MAX_ENTRIES = 10_000;

const isUnavailable = (err: unknown) => err instanceof GraphError && err.extensions.code === 'LEGACY_UNAVAILABLE';

/**
 * Caches each user's CRM profile for `ttlSeconds`: a dashboard fires several operations per page and CRM is the
 * slowest system. The promise is cached, so concurrent requests of one user share one CRM call; a failed call
 * is not cached, so the next request tries again.
 *
 * When CRM is unavailable, the last profile CRM gave is used for up to `staleSeconds` after it was read (stale if
 * error): a CRM outage then costs the CRM fields of the answers, not every request of every signed-in user. The
 * price is that a user disabled in CRM during the outage keeps his grants that long.
 */
export function cacheProfiles(source: ProfileSource, ttlSeconds: number, staleSeconds = 0): ProfileSource {
  const entries = new Map<string, { expiresAt: number; profile: Promise<UserProfile | null> }>();
  const lastGood = new Map<string, { readAt: number; profile: UserProfile | null }>();

  const read = async (username: string): Promise<UserProfile | null> => {
    try {
      const profile = await source.getUserProfile(username);
      lastGood.delete(username);
      lastGood.set(username, { readAt: Date.now(), profile });
      if (lastGood.size > MAX_ENTRIES) lastGood.delete(lastGood.keys().next().value!);
      return profile;
    } catch (err) {
      const stale = lastGood.get(username);
      if (isUnavailable(err) && stale && Date.now() - stale.readAt <= staleSeconds * 1000) return stale.profile;
      throw err;
    }
  };

  return {
    getUserProfile(username) {
      const now = Date.now();
      const cached = entries.get(username);
      if (cached && cached.expiresAt > now) return cached.profile;
      entries.delete(username);
      const profile = read(username);
      entries.set(username, { expiresAt: now + ttlSeconds * 1000, profile });
      profile.catch(() => {
        if (entries.get(username)?.profile === profile) entries.delete(username);
      });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return profile;
    },
  };
}
