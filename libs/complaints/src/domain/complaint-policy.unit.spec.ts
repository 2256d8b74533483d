import { DomainError } from '@bihuan/core';
import { DEFAULT_COMPLAINT_POLICY, assertValidPolicy, deadlineTerms, workingDaysFor } from './complaint-policy';
import { COMPLAINT_ERRORS, complaintError } from './complaint-errors';

describe('ComplaintPolicy', () => {
  it('has the defaults of domain.md §2', () => {
    expect(DEFAULT_COMPLAINT_POLICY).toMatchObject({
      acknowledgeWorkingDays: 1,
      answerWorkingDays: { simple: 5, complex: 10 },
      reminderWorkingDaysBefore: 1,
      publicNoticeWorkingDaysAfterSupervision: 5,
    });
    expect(workingDaysFor(DEFAULT_COMPLAINT_POLICY, 'answer', 'complex')).toBe(10);
    expect(workingDaysFor(DEFAULT_COMPLAINT_POLICY, 'supervision')).toBe(5);
    expect(assertValidPolicy(DEFAULT_COMPLAINT_POLICY)).toBe(DEFAULT_COMPLAINT_POLICY);
  });

  it('can be changed per deployment and is recorded on the deadline it sets', () => {
    const county = { ...DEFAULT_COMPLAINT_POLICY, policyVersion: 'county-7', answerWorkingDays: { simple: 3, complex: 7 } };
    const terms = deadlineTerms(
      'answer-1',
      'answer',
      { startedAt: '2025-03-03T02:00:00Z', dueAt: '2025-03-06T15:59:59.999Z', workingDays: 3, calendarVersion: 'c', warnAt: [] },
      county,
    );
    expect(terms).toMatchObject({ deadlineId: 'answer-1', purpose: 'answer', workingDays: 3, policy: { policyVersion: 'county-7' } });
  });

  it('rejects an incomplete policy', () => {
    expect(() => assertValidPolicy({ ...DEFAULT_COMPLAINT_POLICY, policyVersion: '' })).toThrow(DomainError);
    expect(() => assertValidPolicy(undefined)).toThrow(expect.objectContaining({ code: 'COMPLAINT.INVALID_POLICY', kind: 'validation' }));
  });

  it('gives every error code its kind', () => {
    expect(complaintError('ALREADY_CLOSED', 'x')).toMatchObject({ code: 'COMPLAINT.ALREADY_CLOSED', kind: 'conflict' });
    expect(complaintError('NOT_ASSIGNED_INSTITUTION', 'x').kind).toBe('forbidden');
    expect(Object.keys(COMPLAINT_ERRORS).length).toBeGreaterThan(30);
  });
});
