import { BUNDLE_ENABLEMENTS, type MobileLine } from '../../adapters/domain';
import { MODIFIABLE_ENABLEMENTS } from './operations/bundle-enablement';
import { RIF_PROFILES } from './operations/rif-profile';

/**
 * What the CM8 SIM management pages show of a line before a change (seed 002 §7.3.5, §7.3.9, §7.3.10): MobileLine
 * fields read from the line's record (CRM sends the settings with it), null when CRM sent none.
 */
export const networkSettingsFields = {
  planFamily: (line: MobileLine) => line.networkSettings?.planFamily ?? null,
  bundleEnablements: (line: MobileLine) => {
    const settings = line.networkSettings;
    return settings && BUNDLE_ENABLEMENTS.map((enablement) => ({
      enablement,
      enabled: settings.bundleEnablements[enablement],
      modifiable: MODIFIABLE_ENABLEMENTS[settings.planFamily].includes(enablement),
    }));
  },
  networkServices: (line: MobileLine) => line.networkSettings?.networkServices ?? null,
  rifProfile: (line: MobileLine) => {
    const code = line.networkSettings?.rifProfile;
    return code === undefined ? null : RIF_PROFILES.find((p) => p.code === code) ?? { code, description: code };
  },
};
