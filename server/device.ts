// Device text and approximate place of a sign-in: what the Active sessions row shows (B1). The
// User-Agent is parsed by bowser (MIT, maintained); the place comes only from a CDN's geo headers,
// never from an IP address, which the server neither stores nor returns.
import Bowser from 'bowser';
import type { DeviceType, SignInDetails } from './store';

const DEVICE_TYPES = new Set<string>(['desktop', 'mobile', 'tablet']);
const MAX_TEXT = 100;

/** Printable, trimmed, at most 100 characters; anything else is no detail (B2). */
function clean(value: string | undefined): string | undefined {
  // Control characters never reach a row.
  const text = value
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    ?.replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, MAX_TEXT);
  return text ? text : undefined;
}

/** "Chrome", "macOS", "desktop" from a User-Agent; missing parts are left out. */
export function describeDevice(userAgent: string | undefined): Pick<SignInDetails, 'browser' | 'os' | 'deviceType'> {
  if (!userAgent?.trim()) return {};
  const { browser, os, platform } = Bowser.parse(userAgent.slice(0, 1024));
  const details: Pick<SignInDetails, 'browser' | 'os' | 'deviceType'> = {};
  const browserName = clean(browser.name);
  const osName = clean(os.name);
  if (browserName) details.browser = browserName;
  if (osName) details.os = osName;
  // Bots and TVs have no type in the contract: left out rather than guessed.
  if (platform.type && DEVICE_TYPES.has(platform.type)) details.deviceType = platform.type as DeviceType;
  return details;
}

/** A geo header's text; CDNs percent-encode non-ASCII names ("S%C3%A3o%20Paulo"). */
function headerText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return clean(decodeURIComponent(value));
  } catch {
    return clean(value);
  }
}

/**
 * The approximate place from `X-Geo-City`, `X-Geo-Region`, `X-Geo-Country`, as a CDN in front of the
 * server sets them. Only when the deployment says the CDN sets them (TRUST_GEO_HEADERS=1): otherwise
 * a client could write any place it likes into its own row. The country is kept as sent (an ISO
 * 3166 code from most CDNs; the section shows its name in the reader's language).
 */
export function approximatePlace(
  header: (name: string) => string | undefined,
  trustGeoHeaders: boolean,
): Pick<SignInDetails, 'city' | 'region' | 'country'> {
  if (!trustGeoHeaders) return {};
  const place: Pick<SignInDetails, 'city' | 'region' | 'country'> = {};
  const city = headerText(header('X-Geo-City'));
  const region = headerText(header('X-Geo-Region'));
  const country = headerText(header('X-Geo-Country'));
  if (city) place.city = city;
  if (region) place.region = region;
  if (country) place.country = country;
  return place;
}
