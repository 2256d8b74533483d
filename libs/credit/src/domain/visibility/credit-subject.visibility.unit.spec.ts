import { Actor, foldVisibility, Message, Reader } from '@bihuan/core';
import { DEMO_UNITS } from '@bihuan/demo';
import { AccessPolicy, Jurisdiction, readerOf } from '@bihuan/auth';
import { creditSubjectVisibility } from './credit-subject.visibility';

const policy = new AccessPolicy(new Jurisdiction(DEMO_UNITS));
const reader = (role: Actor['role'], unit: string): Reader => readerOf(policy, { id: `${role}@${unit}`, role, unit });
const message = (type: string, data: object): Message =>
  ({ type, data, metadata: { actor: { id: 'x', role: 'inspector', unit: 'county-a1' } } }) as unknown as Message;

const registered = message('CreditSubjectRegistered', { subjectKey: 'org.X', registeredIn: 'county-a1' });
const checkedA1 = message('CreditChecked', { subjectKey: 'org.X', checkedIn: 'county-a1', applicationRef: 'A1-7' });
const checkedB1 = message('CreditChecked', { subjectKey: 'org.X', checkedIn: 'county-b1', applicationRef: 'B1-3' });
const record = message('CreditInformationRecorded', { subjectKey: 'org.X', recordId: 'R1', infoClass: 'adverse' });
const stream = [registered, checkedA1, record, checkedB1];

describe('who reads an applicant’s credit record (creditSubject)', () => {
  const state = foldVisibility(creditSubjectVisibility, stream);

  it('is read by the commission over an office that met the applicant, never by hospitals or partners', () => {
    expect(state.units).toEqual(['county-a1', 'county-b1']);
    for (const r of [
      reader('inspector', 'county-a1'),
      reader('inspector', 'county-b1'),
      reader('leader', 'city-a'),
      reader('admin', 'prov'),
    ])
      expect(creditSubjectVisibility.decide(r, state)).toEqual({ kind: 'granted', institutionId: null });
    for (const r of [reader('inspector', 'county-a2'), reader('hospital', 'hosp-a1-1'), reader('partner', 'prov')])
      expect(creditSubjectVisibility.decide(r, state).kind).toBe('forbidden');
    expect(creditSubjectVisibility.decide(reader('inspector', 'county-a1'), foldVisibility(creditSubjectVisibility, []))).toEqual({
      kind: 'hidden',
    });
  });

  it('shows each office its own checks, and the registration and credit information to every reader of the stream', () => {
    const shown = (r: Reader) =>
      stream
        .filter((m) => creditSubjectVisibility.viewMessage!(r, m, state) !== null)
        .map((m) => (m.data as { applicationRef?: string }).applicationRef ?? m.type);
    expect(shown(reader('inspector', 'county-b1'))).toEqual(['CreditSubjectRegistered', 'CreditInformationRecorded', 'B1-3']);
    expect(shown(reader('leader', 'city-a'))).toEqual(['CreditSubjectRegistered', 'A1-7', 'CreditInformationRecorded']);
    expect(shown(reader('leader', 'prov'))).toEqual(['CreditSubjectRegistered', 'A1-7', 'CreditInformationRecorded', 'B1-3']);
  });
});
