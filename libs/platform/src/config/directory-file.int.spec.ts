import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_UNITS, DEMO_USERS } from '@bihuan/demo';
import { loadDirectory } from './directory-file';

describe('jurisdiction.json (loadDirectory)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bihuan-dir-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const write = (body: unknown) => writeFileSync(join(dataDir, 'jurisdiction.json'), JSON.stringify(body));

  it('given no file, then the demo seed: the demo units and users', () => {
    expect(loadDirectory({ dataDir })).toEqual({ units: DEMO_UNITS, users: DEMO_USERS });
  });
  it('given the old bare array of units, then those units and no users', () => {
    write(DEMO_UNITS);
    expect(loadDirectory({ dataDir })).toEqual({ units: DEMO_UNITS, users: [] });
  });
  it('given { units, users }, then both, users active unless they say otherwise', () => {
    write({
      units: DEMO_UNITS,
      users: [
        { id: 'i1', name: '甲', role: 'inspector', unit: 'city-a' },
        { id: 'i2', name: '乙', role: 'inspector', unit: 'city-a', active: false },
      ],
    });
    expect(loadDirectory({ dataDir }).users.map((u) => [u.id, u.active])).toEqual([
      ['i1', true],
      ['i2', false],
    ]);
  });
  it('given a malformed user, then start-up fails naming it', () => {
    write({ units: DEMO_UNITS, users: [{ id: 'i1', name: '甲', role: 'wizard', unit: 'city-a' }] });
    expect(() => loadDirectory({ dataDir })).toThrow(/users\[0\]\.role/);
    write({ users: [] });
    expect(() => loadDirectory({ dataDir })).toThrow(/must hold/);
  });
});
