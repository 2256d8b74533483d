import { DrawCommitted, drawnVisitId } from '@bihuan/credit';
import { TestApp } from '../test-app';
import { call, Headers } from './matrix-http';
import { MarkerBook } from './matrix-markers';
import { Site } from './matrix-seed-cases';

export const YEAR = 2025;

/** The staff member's ethics archive with records and 红黑榜 entries, and an evaluation with self and department steps. */
export async function seedEthics(t: TestApp, s: Site, book: MarkerBook): Promise<void> {
  const i = s.institution;
  const mk = (where: string) => book.next(i, 'ethics', where);
  await call(t, s.hospital, 'post', '/ethics/archives', {
    staffId: s.staffId,
    institutionId: i,
    departmentId: 'surgery',
    name: mk('ethics archive name'),
  });
  await call(t, s.hospital, 'post', `/ethics/archives/${s.staffId}/records`, {
    institutionId: i,
    source: { kind: 'commendation', ref: mk('ethics record ref') },
    summary: mk('ethics record summary'),
    occurredAt: '2025-03-01T02:00:00.000Z',
  });
  await call(t, s.inspector, 'post', `/ethics/archives/${s.staffId}/records`, {
    institutionId: i,
    source: { kind: 'inspection' },
    summary: mk('ethics inspection record'),
    occurredAt: '2025-03-02T02:00:00.000Z',
  });
  // 红黑榜: the red list is public (荣誉榜), so its staff member is one of its own, named in public words;
  // the black entry, on the staff member above, is the commission's only.
  const pub = (where: string) => book.next(i, 'ethics', where, 'public');
  const honoured = `${s.staffId}-honour`;
  await call(t, s.hospital, 'post', '/ethics/archives', { staffId: honoured, institutionId: i, name: pub('honour roll name') });
  await call(t, s.hospital, 'post', `/ethics/archives/${honoured}/lists`, {
    entryId: `SE-red-${i}`,
    institutionId: i,
    list: 'red',
    reason: pub('staff red list reason'),
    expiresAt: '2026-06-01T00:00:00.000Z',
  });
  await call(t, s.inspector, 'post', `/ethics/archives/${s.staffId}/lists`, {
    entryId: `SE-black-${i}`,
    institutionId: i,
    list: 'black',
    reason: book.next(i, 'ethics', 'staff black list reason', 'internal'),
    expiresAt: '2026-06-01T00:00:00.000Z',
  });
  await call(t, s.hospital, 'post', '/ethics/evaluations', { institutionId: i, year: YEAR, staffId: s.staffId });
  const step = `/ethics/evaluations/${i}/${YEAR}/${s.staffId}`;
  await call(t, s.hospital, 'post', `${step}/self`, { summary: mk('self evaluation'), selfScore: 90 }, 200);
  await call(t, s.hospital, 'post', `${step}/department`, { score: 88, comment: mk('department comment') }, 200);
}

/**
 * The credit archive with points, a commitment, information of every class and list entries. The public
 * credit page publishes basic and adverse information (the archive's name and its commitments, 信用承诺公示
 * included) and the red list (一公开), so those markers are
 * 'public'; the black list and blacklist-class information are for partners only.
 */
export async function seedCredit(t: TestApp, s: Site, book: MarkerBook, withBlacklist: boolean): Promise<void> {
  const i = s.institution;
  const mk = (where: string) => book.next(i, 'credit', where);
  const pub = (where: string) => book.next(i, 'credit', where, 'public');
  const base = `/credit/archives/${i}`;
  await call(t, s.inspector, 'post', '/credit/archives', {
    institutionId: i,
    name: pub('credit archive name'),
    responsiblePerson: mk('credit responsible person'),
  });
  await call(t, s.inspector, 'post', `${base}/points`, {
    behaviour: 'red-envelopes',
    occurredAt: '2025-03-01T02:00:00.000Z',
    summary: pub('points summary'),
  });
  await call(t, s.hospital, 'post', `${base}/commitments`, {
    commitmentId: `C-${i}`,
    kind: 'institution',
    text: pub('commitment text'),
    pledgedAt: '2025-01-05T00:00:00.000Z',
  });
  await call(t, s.inspector, 'post', `${base}/information`, {
    infoClass: 'basic',
    kind: 'licence',
    title: pub('basic info title'),
    content: pub('basic info content'),
    occurredAt: '2025-02-01T00:00:00.000Z',
  });
  await call(t, s.inspector, 'post', `${base}/information`, {
    infoClass: 'adverse',
    kind: 'penalty',
    title: pub('adverse info title'),
    content: pub('adverse info content'),
    occurredAt: '2025-02-02T00:00:00.000Z',
  });
  await call(t, s.inspector, 'post', `${base}/lists`, {
    entryId: `red-${i}`,
    list: 'red',
    reason: pub('red list reason'),
    expiresAt: '2026-06-01T00:00:00.000Z',
  });
  if (!withBlacklist) return;
  const black = (where: string) => book.next(i, 'credit', where, 'blacklist');
  await call(t, s.inspector, 'post', `${base}/lists`, {
    entryId: `black-${i}`,
    list: 'black',
    reason: black('black list reason'),
    expiresAt: '2026-06-01T00:00:00.000Z',
  });
  await call(t, s.inspector, 'post', `${base}/information`, {
    infoClass: 'blacklist',
    kind: 'joint-discipline',
    title: black('blacklist info title'),
    content: black('blacklist info content'),
    occurredAt: '2025-03-01T00:00:00.000Z',
  });
}

/**
 * A draw over a unit's institutions, one institution drawn (ADR 0018). Its seed is a secret marker (in
 * no answer to anyone) until the reveal. `revealed`: the drawn visit is recorded and the draw revealed,
 * its seed public from then on. No campaign: a campaign id must name a real campaign now, and a campaign
 * over several institutions has no one owner the matrix could hold its readers to.
 */
export async function seedDraw(t: TestApp, by: Headers, jurisdiction: string, book: MarkerBook, revealed = false): Promise<string> {
  // Only general hospitals: one per county (hosp-a1-1, hosp-b1-1), so the institution drawn, and its hospital reader, are known.
  const made = await call(t, by, 'post', '/draws', {
    jurisdiction,
    count: 1,
    inspectorsPerVisit: 1,
    plannedDate: '2025-04-15',
    institutionTypes: ['general_hospital'],
  });
  const drawId = String(made['drawId']);
  const [visit] = made['visits'] as { institutionId: string }[];
  const [committed] = await t.store.readStream(`randomDraw-${drawId}`);
  const seed = (committed as unknown as DrawCommitted).data.seed;
  if (!revealed) {
    book.add({ text: seed, institution: jurisdiction, cls: 'secret', context: 'credit', where: 'committed draw seed (before the reveal)' });
    return drawId;
  }
  await t.settle();
  const visitId = drawnVisitId(drawId, visit!.institutionId);
  await call(t, by, 'post', `/visits/${visitId}/record`, { conductedOn: '2025-03-03' }, 200);
  await call(t, by, 'post', `/draws/${drawId}/reveal`, {}, 200);
  return drawId;
}
