import { Actor, Reader } from '@bihuan/core';
import { DeciderSpecification, testCommand } from '@bihuan/testing';
import { leadVisibility, referralVisibility } from '../referrals.visibility';
import { leadDecider } from './lead.decider';
import { LeadCommand, LeadEvent, SubmitLead } from './lead.messages';

const spec = DeciderSpecification(leadDecider);
const T0 = '2025-12-29T02:00:00.000Z';
const police: Actor = { id: 'partner-police-a', role: 'partner', unit: 'agency-city-a-police' };
const inspector: Actor = { id: 'inspector-city-a', role: 'inspector', unit: 'city-a' };
const cmd = <C extends LeadCommand>(type: C['type'], data: C['data'], by: Actor): C => testCommand<C>(type, data, by, T0);
const submitData = (over: Partial<SubmitLead['data']> = {}): SubmitLead['data'] => ({
  leadId: 'L1',
  fromUnit: 'agency-city-a-police',
  agencyType: 'police',
  toUnit: 'city-a',
  institutionId: 'hosp-a1-1',
  category: 'red-envelopes-kickbacks',
  description: '群众举报某科室收受红包',
  agencyReference: '甲公移〔2025〕12号',
  ...over,
});
const submitted = spec
  .given([])
  .when(cmd<SubmitLead>('SubmitLead', submitData(), police))
  .events() as LeadEvent[];

describe('lead decider (交办线索)', () => {
  it('takes a lead from the agency of the user sending it, and registers it once as its complaint ticket', () => {
    expect(submitted).toEqual([{ type: 'LeadSubmitted', data: { ...submitData(), submittedBy: 'partner-police-a', submittedAt: T0 } }]);
    spec
      .given([])
      .when(cmd('SubmitLead', submitData({ fromUnit: 'agency-city-b-insurance' }), police))
      .thenThrows('REFERRAL.NOT_THE_AGENCY');
    spec
      .given([])
      .when(cmd('SubmitLead', submitData(), inspector))
      .thenThrows('REFERRAL.ROLE_FORBIDDEN');
    spec
      .given([])
      .when(cmd('SubmitLead', submitData({ description: '' }), police))
      .thenThrows('REFERRAL.FIELD_REQUIRED');
    spec
      .given(submitted)
      .when(cmd('SubmitLead', submitData(), police))
      .thenThrows('REFERRAL.ALREADY_EXISTS');
    const register = cmd('RegisterLead', { ticketId: 'T1', ticketCode: 'TS-1' }, police);
    spec
      .given(submitted)
      .when(register)
      .then([{ type: 'LeadRegistered', data: { leadId: 'L1', ticketId: 'T1', ticketCode: 'TS-1', registeredAt: T0 } }]);
    const registered = [...submitted, ...spec.given(submitted).when(register).events()];
    spec.given(registered).when(register).thenThrows('REFERRAL.LEAD_ALREADY_REGISTERED');
    spec.given([]).when(register).thenThrows('REFERRAL.LEAD_NOT_FOUND');
  });
});

/** A reader whose jurisdiction is the demo tree's: city-a covers its counties and institutions. */
const reader = (actor: Actor): Reader => ({
  actor,
  covers: (unit) => actor.unit === 'prov' || unit === actor.unit || (actor.unit === 'city-a' && /^(county-a|hosp-a)/.test(unit)),
});

describe('who reads referrals and leads', () => {
  const referral = referralVisibility.evolve(referralVisibility.initialState, {
    type: 'ReferralMade',
    data: { institutionId: 'hosp-a1-1', fromUnit: 'county-a1', toUnit: 'agency-city-a-police' },
  } as never);
  const lead = leadVisibility.evolve(leadVisibility.initialState, { type: 'LeadSubmitted', data: submitData() } as never);
  const kinds = (s: typeof referral, rule: typeof referralVisibility) =>
    [
      police,
      { ...police, unit: 'agency-prov-discipline' },
      inspector,
      { ...inspector, unit: 'city-b' },
      { id: 'h', role: 'hospital', unit: 'hosp-a1-1' } as Actor,
    ].map((a) => rule.decide(reader(a), s).kind);

  it('opens a referral to its agency and the commission over the case, hides it from other agencies, refuses hospitals', () => {
    expect(kinds(referral, referralVisibility)).toEqual(['granted', 'hidden', 'granted', 'forbidden', 'forbidden']);
    expect(referralVisibility.decide(reader(inspector), referralVisibility.initialState)).toEqual({ kind: 'hidden' });
  });

  it('opens a lead to the agency that sent it and the commission it went to', () => {
    expect(kinds(lead, leadVisibility)).toEqual(['granted', 'hidden', 'granted', 'forbidden', 'forbidden']);
  });
});
