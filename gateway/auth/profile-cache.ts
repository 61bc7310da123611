import type { UserProfile } from '../../adapters/domain';
import { GraphError } from '../../adapters/errors';
import { grantsCacheLookups, metricsEnabled } from '../../observability/metrics';
import { ExpiringMap } from '../../stack/expiring-map';

/** Where the gateway reads a user's status and grants by CRM user id: CRM's GetProfiloUtente in production. */
export interface ProfileSource { getUserProfile(userId: string): Promise<UserProfile | null> }

/** Enough for every active user of a busy hour; beyond it the oldest entries go first. */
const MAX_USERS = 10_000;

const count = (result: 'hit' | 'miss' | 'stale') => {
  if (metricsEnabled) grantsCacheLookups.inc({ result });
};

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
export interface CachedProfiles extends ProfileSource {
  /**
   * Forgets every fresh profile: someone's grants changed and the gateway cannot tell whose (gateway/auth/
   * grants-invalidation.ts). The next request of each user reads CRM again; the stale copies stay for CRM outages.
   */
  forgetAll(): void;
}

export function cacheProfiles(source: ProfileSource, ttlSeconds: number, staleSeconds = 0): CachedProfiles {
  const fresh = new ExpiringMap<string, Promise<UserProfile | null>>(MAX_USERS);
  // Boxed, so that "CRM said there is no such user" (null) is kept too.
  const lastGood = new ExpiringMap<string, { profile: UserProfile | null }>(MAX_USERS);

  const read = async (userId: string): Promise<UserProfile | null> => {
    try {
      const profile = await source.getUserProfile(userId);
      lastGood.set(userId, { profile }, Date.now() + staleSeconds * 1000);
      return profile;
    } catch (err) {
      const stale = lastGood.get(userId);
      if (isUnavailable(err) && stale) {
        count('stale');
        return stale.profile;
      }
      throw err;
    }
  };

  return {
    getUserProfile(userId) {
      const cached = fresh.get(userId);
      count(cached ? 'hit' : 'miss');
      if (cached) return cached;
      const profile = read(userId);
      fresh.set(userId, profile, Date.now() + ttlSeconds * 1000);
      profile.catch(() => fresh.delete(userId, profile));
      return profile;
    },
    forgetAll: () => fresh.clear(),
  };
}
