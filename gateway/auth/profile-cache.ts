import type { UserProfile } from '../../adapters/domain';

/** Where the gateway reads a user's status and grants: CRM's GetProfiloUtente in production. */
export interface ProfileSource { getUserProfile(username: string): Promise<UserProfile | null> }

/** Enough for every active user of a busy hour; beyond it the oldest entries go first. */
const MAX_ENTRIES = 10_000;

/**
 * Caches each user's CRM profile for `ttlSeconds`: a dashboard fires several operations per page and CRM is the
 * slowest system. The promise is cached, so concurrent requests of one user share one CRM call; a failed call
 * is not cached, so the next request tries again.
 */
export function cacheProfiles(source: ProfileSource, ttlSeconds: number): ProfileSource {
  const entries = new Map<string, { expiresAt: number; profile: Promise<UserProfile | null> }>();

  return {
    getUserProfile(username) {
      const now = Date.now();
      const cached = entries.get(username);
      if (cached && cached.expiresAt > now) return cached.profile;
      entries.delete(username);
      const profile = source.getUserProfile(username);
      entries.set(username, { expiresAt: now + ttlSeconds * 1000, profile });
      profile.catch(() => {
        if (entries.get(username)?.profile === profile) entries.delete(username);
      });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return profile;
    },
  };
}
