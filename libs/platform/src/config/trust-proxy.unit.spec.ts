import { loadConfig } from './load-config';

const trustProxyOf = (value: string | undefined) =>
  loadConfig(value === undefined ? {} : { TRUST_PROXY: value }, { createDataDir: false }).trustProxy;

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told, so req.ip is the peer', () => {
    expect(trustProxyOf(undefined)).toBe(false);
    expect(trustProxyOf(' ')).toBe(false);
    expect(trustProxyOf('false')).toBe(false);
  });

  it('takes a hop count, a list of addresses and names, or true', () => {
    expect(trustProxyOf('1')).toBe(1);
    expect(trustProxyOf('0')).toBe(0);
    expect(trustProxyOf('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(trustProxyOf('linklocal,uniquelocal,192.168.1.10,::1,fd00::/8')).toEqual([
      'linklocal',
      'uniquelocal',
      '192.168.1.10',
      '::1',
      'fd00::/8',
    ]);
    expect(trustProxyOf('true')).toBe(true);
  });
});
