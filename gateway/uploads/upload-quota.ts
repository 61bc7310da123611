import { ExpiringMap } from '../../stack/expiring-map';

/**
 * At most `perHour` uploads per user in an hour (issue 19 item 8: a user stored 40 files in 3 s), counted when an
 * upload starts, whatever becomes of it: the bytes reach CRM before anyone knows whether a pratica will claim them.
 * In memory, per gateway process, in fixed windows that start with the user's first upload, like the change limit's
 * trade-off (README "Limits"). Unclaimed files expire in CRM (`ATTACHMENT_TTL_SECONDS`), so the quota bounds what one
 * user can keep there.
 */
const WINDOW_MS = 3_600_000;
/** Users tracked at once; beyond, the window opened longest ago is forgotten. */
const MAX_USERS = 100_000;

export function uploadQuota(perHour: number, now: () => number = Date.now) {
  const windows = new ExpiringMap<string, { count: number; endsAt: number }>(MAX_USERS);
  return {
    /** Null when `userId` may upload one more file now (it is counted), else the seconds until he may. */
    take(userId: string): number | null {
      const at = now();
      const window = windows.get(userId, at) ?? { count: 0, endsAt: at + WINDOW_MS };
      if (window.count >= perHour) return Math.ceil((window.endsAt - at) / 1000);
      window.count++;
      windows.set(userId, window, window.endsAt);
      return null;
    },
  };
}
export type UploadQuota = ReturnType<typeof uploadQuota>;
