import { TestApp } from '../test-app';
import { call, Headers } from './matrix-http';
import { MarkerBook } from './matrix-markers';

/** Applicants no directory institution holds (so their records join no seeded institution): one organisation, one person. */
export const APPLICANT_CODE = '914403001922038216';
export const APPLICANT_ID = '330106199003071236';

/**
 * 准入信用核查 (ADR 0019): county-a1's office checks an organisation and records its false material;
 * county-b1's office checks a person. An applicant belongs to the offices that met it, so each
 * office's application references, findings and the person's ID number are that county's markers
 * (the ID number an identity: never to hospitals or partners, and masked for admins).
 */
export async function seedApplicants(t: TestApp, offices: { a1: Headers; b1: Headers }, book: MarkerBook): Promise<void> {
  const a1 = (where: string) => book.next('county-a1', 'credit', where);
  const org = { subjectKind: 'organisation', identifier: APPLICANT_CODE, purpose: 'institution-registration' };
  await call(t, offices.a1, 'post', '/credit/checks', { ...org, applicationRef: a1('check application ref') });
  await call(t, offices.a1, 'post', '/credit/subjects/false-material', {
    ...org,
    applicationRef: a1('false material application ref'),
    description: a1('false material description'),
    occurredAt: '2025-03-01T02:00:00.000Z',
  });
  book.add({ text: APPLICANT_ID, institution: 'county-b1', cls: 'identity', context: 'credit', where: 'applicant ID number' });
  await call(t, offices.b1, 'post', '/credit/checks', {
    subjectKind: 'person',
    identifier: APPLICANT_ID,
    purpose: 'physician-registration',
    applicationRef: book.next('county-b1', 'credit', 'person check application ref'),
  });
}
