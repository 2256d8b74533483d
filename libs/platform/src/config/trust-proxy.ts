/**
 * Express `trust proxy` from `TRUST_PROXY`, which decides what `req.ip` is — the client address the
 * public rate limit and the fold of identical public submissions key on. Unset or `false`: the
 * socket's peer (right when clients connect directly). Behind a reverse proxy every client would
 * otherwise share the proxy's address, so set the proxy's address(es) (`loopback`, `10.0.0.5`,
 * `10.0.0.0/8`, comma-separated) or the number of proxy hops (`1`); then `req.ip` is read from
 * `X-Forwarded-For`. `true` trusts any sender's `X-Forwarded-For` and lets clients forge it.
 * An invalid address stops the app at start (Express compiles the list when it is set).
 */
export function trustProxyFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): boolean | number | string[] {
  const raw = (env['TRUST_PROXY'] ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  return raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
}
