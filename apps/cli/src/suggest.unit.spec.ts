import { editDistance, nearest } from './suggest';

describe('nearest', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('--strem', '--stream')).toBe(1);
    expect(editDistance('verfiy', 'verify')).toBe(1);
  });

  it('suggests a close word or one the typed word begins, and nothing for an unrelated word', () => {
    const known = ['verify', 'token', 'calendar import', 'rebuild', 'move-to-postgres', 'erase', 'demo', 'help'];
    expect(nearest('verfy', known)).toBe('verify');
    expect(nearest('calendar imprt', known)).toBe('calendar import');
    expect(nearest('calendar', known)).toBe('calendar import');
    expect(nearest('move', known)).toBe('move-to-postgres');
    expect(nearest('frobnicate', known)).toBeNull();
  });
});
