import { generateKeyPairSync } from 'node:crypto';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const secret = new TokenService({ kind: 'secret', secret: 'test-secret-with-enough-length' });

  it('round-trips user, role and unit', () => {
    const token = secret.mint({ sub: 'inspector-a1', role: 'inspector', unit: 'county-a1', name: '赵' });
    expect(secret.verify(token)).toEqual({ id: 'inspector-a1', role: 'inspector', unit: 'county-a1', name: '赵' });
  });

  it('rejects a token signed with another secret, an expired one, and garbage', () => {
    const other = new TokenService({ kind: 'secret', secret: 'another-secret-of-enough-length' });
    const token = other.mint({ sub: 'x', role: 'leader', unit: 'prov' });
    expect(() => secret.verify(token)).toThrow(/invalid signature/);
    const expired = secret.mint({ sub: 'x', role: 'leader', unit: 'prov' }, -10);
    expect(() => secret.verify(expired)).toThrow(/expired/);
    expect(() => secret.verify('not.a.token')).toThrow(/Bearer token rejected/);
  });

  it('verifies RS256 tokens with only the public key, and refuses to mint without the private key', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = (k: typeof publicKey, type: 'spki' | 'pkcs8') => k.export({ type, format: 'pem' }).toString();
    const issuer = new TokenService({ kind: 'public-key', publicKey: pem(publicKey, 'spki'), privateKey: pem(privateKey, 'pkcs8') });
    const verifier = new TokenService({ kind: 'public-key', publicKey: pem(publicKey, 'spki') });
    const token = issuer.mint({ sub: 'h1', role: 'hospital', unit: 'hosp-a1-1' });
    expect(verifier.verify(token)).toMatchObject({ id: 'h1', role: 'hospital' });
    expect(() => verifier.mint({ sub: 'h1', role: 'hospital', unit: 'hosp-a1-1' })).toThrow(/only a public key/);
  });
});
