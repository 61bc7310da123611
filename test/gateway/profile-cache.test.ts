import { describe, expect, it } from 'vitest';
import type { UserProfile } from '../../adapters/domain';
import { legacyUnavailable } from '../../adapters/errors';
import { cacheProfiles, type ProfileSource } from '../../gateway/auth/profile-cache';

/** The grants cache: fresh for the TTL, and the last good profile while CRM is unavailable (stale if error). */
const PROFILE = { id: 'u1', username: 'ginevra.vallisneri', enabled: true, grants: [] } as unknown as UserProfile;

function flakyCrm() {
  const state = { down: false, calls: 0 };
  const source: ProfileSource = {
    async getUserProfile() {
      state.calls++;
      if (state.down) throw legacyUnavailable('CRM', 'c-1');
      return PROFILE;
    },
  };
  return { state, source };
}

describe('profile cache', () => {
  it('serves the last good profile while CRM is unavailable, within the stale time', async () => {
    const crm = flakyCrm();
    const cache = cacheProfiles(crm.source, 0, 60);
    await expect(cache.getUserProfile('ginevra.vallisneri')).resolves.toBe(PROFILE);
    crm.state.down = true;
    await expect(cache.getUserProfile('ginevra.vallisneri')).resolves.toBe(PROFILE);
    expect(crm.state.calls).toBe(2);
  });

  it('fails when CRM is unavailable and there is no profile, or it is older than the stale time', async () => {
    const crm = flakyCrm();
    crm.state.down = true;
    await expect(cacheProfiles(crm.source, 0, 60).getUserProfile('x')).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
    crm.state.down = false;
    const noStale = cacheProfiles(crm.source, 0, 0);
    await noStale.getUserProfile('x');
    await new Promise((r) => setTimeout(r, 5));
    crm.state.down = true;
    await expect(noStale.getUserProfile('x')).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
  });
});
