import { PATHS } from '../../routes';

/**
 * The console paths a partner agency's user may open: its own workspace, a referral's page (shared
 * with the commission), the inbox and the password page. Every other workspace is the commission's
 * or a hospital's, whose reads the API refuses a partner anyway (ADR 0022): the layout says so instead
 * of showing their pages' failed reads.
 */
const PARTNER_PREFIXES: readonly string[] = [PATHS.partner, PATHS.referrals, PATHS.inbox, PATHS.changePassword];

export function partnerMayOpen(pathname: string): boolean {
  return pathname === '/' || PARTNER_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
