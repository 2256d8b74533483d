import { parseArgv, stringFlag, UsageError } from './argv';

describe('parseArgv', () => {
  it('separates positionals from --flag value, --flag=value and bare flags', () => {
    expect(
      parseArgv(['calendar', 'import', 'cn-2027.json', '--dry-run', '--year=2027', '--data-dir', './d', '--', '--not-a-flag']),
    ).toEqual({
      positionals: ['calendar', 'import', 'cn-2027.json', '--not-a-flag'],
      flags: { 'dry-run': true, year: '2027', 'data-dir': './d' },
    });
  });

  it('refuses a value flag given without a value', () => {
    expect(() => stringFlag(parseArgv(['verify', '--stream']), 'stream')).toThrow(UsageError);
    expect(stringFlag(parseArgv(['verify']), 'stream')).toBeUndefined();
  });
});
