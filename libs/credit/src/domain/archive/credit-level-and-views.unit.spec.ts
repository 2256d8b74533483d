import { command, open, points, revoke, run, stateOf, T0 } from '../../testing/credit-test-fixtures';
import { creditLevel } from './credit-level';
import { creditViewFor, hospitalView, partnerView, publicView } from './credit-views';

const NOW = '2025-06-01T00:00:00.000Z';
const opened = run([open()]);
const info = (recordId: string, infoClass: string, occurredAt: string) =>
  command('RecordCreditInformation', {
    institutionId: 'H1',
    recordId,
    infoClass: infoClass as 'adverse',
    kind: 'penalty',
    title: recordId,
    occurredAt,
  });
const list = (entryId: string, which: 'red' | 'black') =>
  command('AddListEntry', { institutionId: 'H1', entryId, list: which, reason: entryId, expiresAt: '2026-01-01T00:00:00.000Z' });

describe('credit level', () => {
  const level = (events = opened, now = NOW) => creditLevel(stateOf(events), now).level;

  it('is A when clean, B with points this cycle or an adverse item within 3 years', () => {
    expect(level()).toBe('A');
    expect(level(run([points('P1', 'disclosure')], opened))).toBe('B');
    expect(level(run([info('I1', 'adverse', '2023-01-01T00:00:00.000Z')], opened))).toBe('B');
    expect(level(run([info('I1', 'adverse', '2021-01-01T00:00:00.000Z')], opened))).toBe('A'); // older than 3 years
    expect(creditLevel({ archive: { status: 'none' }, points: [] }, NOW).level).toBe('A');
  });

  it('is C at 12 points (a measure) or 3 adverse items in 5 years; D at 24 points or on the black list', () => {
    expect(level(run([points('P1', 'kickbacks'), points('P2', 'commissions')], opened))).toBe('C');
    expect(
      level(
        run(
          [
            info('I1', 'adverse', '2021-01-01T00:00:00.000Z'),
            info('I2', 'adverse', '2021-02-01T00:00:00.000Z'),
            info('I3', 'adverse', '2021-03-01T00:00:00.000Z'),
          ],
          opened,
        ),
      ),
    ).toBe('C');
    expect(level(run([points('P1', 'insurance-fraud'), points('P2', 'insurance-fraud')], opened))).toBe('D');
    expect(creditLevel(stateOf(run([list('B1', 'black')], opened)), NOW)).toMatchObject({ level: 'D', reason: 'black list' });
  });

  it('keeps C after points are revoked below the threshold, since the measure stands for the cycle', () => {
    const events = run([points('P1', 'kickbacks'), points('P2', 'commissions'), revoke('P2', 'x')], opened);
    expect(creditLevel(stateOf(events), NOW)).toMatchObject({ level: 'C', reason: 'measure imposed this cycle', cyclePoints: 6 });
  });
});

describe('credit visibility', () => {
  const events = run(
    [
      info('BASIC', 'basic', T0),
      info('OLD', 'adverse', '2019-01-01T00:00:00.000Z'),
      info('NEW', 'adverse', '2024-01-01T00:00:00.000Z'),
      info('SECRET', 'blacklist', '2024-01-01T00:00:00.000Z'),
      list('RED', 'red'),
      list('BLACK', 'black'),
      points('P1', 'kickbacks', '2025-02-01T00:00:00.000Z'),
    ],
    opened,
  );
  const state = stateOf(events);
  const ids = (view: { items: readonly { id: string }[] } | null) => view!.items.map((i) => i.id);

  it('shows the public basic information, adverse within 5 years, the red list — never blacklist', () => {
    const seen = ids(publicView(state, NOW));
    expect(seen).toEqual(expect.arrayContaining(['BASIC', 'NEW', 'RED', 'P1']));
    expect(seen).not.toEqual(expect.arrayContaining(['OLD']));
    expect(seen).not.toContain('SECRET');
    expect(seen).not.toContain('BLACK');
  });

  it('hides adverse information from the public after 5 years but keeps it for the hospital', () => {
    expect(ids(publicView(state, '2023-12-31T00:00:00.000Z'))).toContain('OLD');
    expect(ids(publicView(state, '2024-01-02T00:00:00.000Z'))).not.toContain('OLD');
    expect(ids(hospitalView(state, NOW))).toContain('OLD');
    expect(Object.keys(state.archive.status === 'open' ? state.archive.information : {})).toContain('OLD');
  });

  it('never shows blacklist to hospital, inspector or leader; only partners read it', () => {
    for (const role of ['hospital', 'inspector', 'leader', 'admin', 'public', 'anonymous'] as const) {
      const seen = ids(creditViewFor(role, state, NOW));
      expect(seen).not.toContain('SECRET');
      expect(seen).not.toContain('BLACK');
    }
    expect(ids(partnerView(state, NOW))).toEqual(expect.arrayContaining(['SECRET', 'BLACK', 'OLD']));
    expect(ids(creditViewFor('partner', state, NOW))).toContain('BLACK');
  });

  it('drops an expired red list entry from every view', () => {
    const expired = run(
      [
        command(
          'ExpireDeadline',
          { deadlineId: 'list-RED', dueAt: '2026-01-01T00:00:00.000Z' },
          { id: 'system', role: 'system', unit: 'root' },
          '2026-01-01T00:00:00.000Z',
        ),
      ],
      events,
    );
    expect(ids(publicView(stateOf(expired), '2026-01-02T00:00:00.000Z'))).not.toContain('RED');
  });
});
