import { trustProxyFromEnv } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told, so req.ip is the peer', () => {
    expect(trustProxyFromEnv({})).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: ' ' })).toBe(false);
    expect(trustProxyFromEnv({ TRUST_PROXY: 'false' })).toBe(false);
  });

  it('takes a hop count, a list of addresses, or true', () => {
    expect(trustProxyFromEnv({ TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxyFromEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' })).toEqual(['loopback', '10.0.0.0/8']);
    expect(trustProxyFromEnv({ TRUST_PROXY: 'true' })).toBe(true);
  });
});
