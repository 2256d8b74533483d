import { isIP } from 'node:net';
import { TrustProxy } from './app-config';

/** The address groups Express (proxy-addr) knows by name. */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/**
 * TRUST_PROXY decides what `req.ip` is — the client address the public rate limit and the fold of
 * identical public submissions key on. Accepted: `false`, `true`, a hop count 0–99, or a comma list
 * of IP addresses, CIDRs (`10.0.0.0/8`, prefix 1–32 / 1–128) and the names loopback, linklocal,
 * uniquelocal. Checked here rather than left to Express, which would only fail once the app is built.
 */
export function isTrustProxySpec(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value === 'true' || value === 'false' || /^\d{1,2}$/.test(value)) return true;
  const entries = trustProxyEntries(value);
  return entries.length > 0 && entries.every(isTrustedAddress);
}

/** The validated TRUST_PROXY as Express's `trust proxy` setting (unset: `false`, the TCP peer). */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  return trustProxyEntries(value);
}

function trustProxyEntries(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function isTrustedAddress(entry: string): boolean {
  if ((TRUST_PROXY_NAMES as readonly string[]).includes(entry)) return true;
  const slash = entry.indexOf('/');
  if (slash === -1) return isIP(entry) !== 0;
  const version = isIP(entry.slice(0, slash));
  const prefix = entry.slice(slash + 1);
  if (version === 0 || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128);
}
