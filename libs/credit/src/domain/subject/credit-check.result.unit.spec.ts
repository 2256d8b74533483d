import { fold } from '@bihuan/core';
import { command, open, run, stateOf } from '../../testing/credit-test-fixtures';
import { DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { applicantRecord, checkSummary, creditCheckView, withApplicantRecords } from './credit-check.result';
import { creditSubjectDecider } from './credit-subject.decider';
import { CreditSubjectEvent, ReportFalseMaterial } from './credit-subject.messages';
import { CreditSubjectState } from './credit-subject.state';

const NOW = '2025-06-01T00:00:00.000Z';
const CODE = '91330100799655058B';
const decider = creditSubjectDecider();

/** An applicant with false material found at each date (one finding per date). */
function applicant(...dates: string[]): CreditSubjectState {
  const events: CreditSubjectEvent[] = [];
  dates.forEach((occurredAt, i) => {
    const found = command<ReportFalseMaterial>('ReportFalseMaterial', {
      subjectKey: `org.${CODE}`,
      subject: { kind: 'organisation', creditCode: CODE },
      findingId: `F${i}`,
      purpose: 'institution-registration',
      applicationRef: `APP-${i}`,
      description: `伪造材料 ${i}`,
      occurredAt,
    });
    events.push(...decider.decide(found, fold(decider, events)));
  });
  return fold(decider, events);
}

const redListed = run(
  [
    open(),
    command('AddListEntry', { institutionId: 'H1', entryId: 'R1', list: 'red', reason: '诚信示范', expiresAt: '2026-01-01T00:00:00.000Z' }),
  ],
  [],
);
const blackListed = run(
  [
    open(),
    command('AddListEntry', {
      institutionId: 'H1',
      entryId: 'B1',
      list: 'black',
      reason: '联合惩戒',
      expiresAt: '2026-01-01T00:00:00.000Z',
    }),
  ],
  [],
);

describe('the result of a credit check', () => {
  it('is A with nothing shown for an applicant nobody knows', () => {
    const view = creditCheckView('inspector', applicantRecord({ status: 'none' }, `org.${CODE}`), NOW, DEFAULT_CREDIT_POLICY);
    expect(view).toEqual({ level: 'A', reason: 'no archive', adverseInWindow: 0, adverse: [], redList: [] });
    expect(checkSummary(view)).toEqual({ level: 'A', reason: 'no archive', adverseInWindow: 0, adverseRecords: 0, redListed: false });
  });

  it('shows false material of the last 5 years, newest first; older findings are kept but not shown, and age out of the level', () => {
    const record = applicantRecord(applicant('2019-01-10T00:00:00.000Z', '2024-12-20T00:00:00.000Z', '2025-03-01T00:00:00.000Z'), 'X');
    const view = creditCheckView('inspector', record, NOW, DEFAULT_CREDIT_POLICY);
    expect(view.adverse.map((i) => [i.kind, i.occurredAt])).toEqual([
      ['false-material', '2025-03-01T00:00:00.000Z'],
      ['false-material', '2024-12-20T00:00:00.000Z'],
    ]);
    expect(view).toMatchObject({ level: 'B', adverseInWindow: 2 });
    expect(record.archive.status === 'open' && Object.keys(record.archive.information)).toHaveLength(3);
    expect(checkSummary(view)).toMatchObject({ adverseRecords: 2, redListed: false });
  });

  it('joins an institution’s archive with what it gathered as an applicant under the same code', () => {
    const joined = withApplicantRecords('H1', stateOf(redListed), applicant('2025-03-01T00:00:00.000Z'));
    const view = creditCheckView('hospital', joined, NOW, DEFAULT_CREDIT_POLICY);
    expect(view).toMatchObject({ level: 'B', redList: [expect.objectContaining({ id: 'R1' })] });
    expect(view.adverse).toEqual([
      expect.objectContaining({ kind: 'false-material', title: '申请医疗机构执业登记时提供虚假材料（APP-0）' }),
    ]);
    expect(joined.archive.status === 'open' && joined.archive.archive.name).toBe('First Hospital');
    // An institution without an archive of its own shows the applicant's records as its own.
    const only = withApplicantRecords('H2', { archive: { status: 'none' }, points: [] }, applicant('2025-03-01T00:00:00.000Z'));
    expect(only.archive.status === 'open' && Object.values(only.archive.information)[0]).toMatchObject({ institutionId: 'H2' });
    expect(withApplicantRecords('H1', stateOf(redListed), { status: 'none' })).toEqual(stateOf(redListed));
  });

  it('shows the level of a black-listed subject to the checker but not why, as every reader but partners sees it', () => {
    const view = creditCheckView('inspector', stateOf(blackListed), NOW, DEFAULT_CREDIT_POLICY);
    expect(view).toMatchObject({ level: 'D', reason: 'withheld', redList: [] });
    expect(JSON.stringify(view)).not.toContain('联合惩戒');
    expect(creditCheckView('partner', stateOf(blackListed), NOW, DEFAULT_CREDIT_POLICY)).toMatchObject({ reason: 'black list' });
  });
});
