import { currentZoneName } from '../../../shared/time/zone-search';
import { isKnownZone } from './site-time';

/**
 * This laptop's own time zone and the zones its runtime knows: offered when a site's zone is asked ("Use this laptop's
 * zone"), never used to show a site's times (those are always in the site's zone).
 */

/** The IANA zones this runtime knows (Intl); a short list where Intl cannot list them. */
export const runtimeZones: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/London', 'Europe/Berlin', 'America/New_York'];

/** The laptop's zone under its current IANA name (Asia/Kolkata, not Asia/Calcutta), or null when the runtime does not say. */
export function laptopZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isKnownZone(zone) ? currentZoneName(zone) : null;
}
