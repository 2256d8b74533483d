import { onePixelPng } from '../evidence-upload';
import { TestApp } from '../test-app';
import { call, Headers } from './matrix-http';
import { MarkerBook } from './matrix-markers';

/** Who works each seeded institution: its inspector (in whose county it lies) and a hospital user. */
export interface Site {
  readonly institution: string;
  readonly inspector: Headers;
  readonly hospital: Headers;
  readonly staffId: string;
}

export interface SiteIds {
  campaignId: string;
  visitId: string;
  plannedVisitId: string;
  findingId: string;
  ticketId: string;
  ticketCode: string;
  subjectId: string;
}

/** The unannounced visits' dates: distinct per institution, so each one's appearance in a read is attributable. */
let plannedDay = 20;

/**
 * A campaign (专项行动) of the institution's inspector over the institution alone — so whoever may read
 * the institution's cases reads it, and its title and phase name are the institution's markers.
 */
async function seedCampaign(t: TestApp, s: Site, book: MarkerBook): Promise<string> {
  const mk = (where: string) => book.next(s.institution, 'campaigns', where);
  const phase = {
    name: mk('campaign phase name'),
    from: '2025-03-01',
    to: '2025-06-30',
    reports: [{ kind: 'monthly-report', recurrence: 'monthly' }],
  };
  const made = await call(t, s.inspector, 'post', '/campaigns', {
    title: mk('campaign title'),
    year: 2025,
    scope: { institutionIds: [s.institution] },
    phases: [phase],
  });
  return String(made['id']);
}

/** A campaign, a recorded visit, a finding taken to progress, and a planned 暗访 filed under the campaign. */
export async function seedInspection(
  t: TestApp,
  s: Site,
  book: MarkerBook,
): Promise<Pick<SiteIds, 'campaignId' | 'visitId' | 'plannedVisitId' | 'findingId'>> {
  const i = s.institution;
  const mk = (where: string) => book.next(i, 'inspection', where);
  const campaignId = await seedCampaign(t, s, book);
  const today = t.clock.now().toISOString().slice(0, 10);
  const visit = await call(t, s.inspector, 'post', '/visits', { kind: 'routine', institutionId: i, plannedDate: today });
  const visitId = String(visit['id']);
  await call(t, s.inspector, 'post', `/visits/${visitId}/record`, { conductedOn: today, summary: mk('visit summary') }, 200);
  const finding = await call(t, s.inspector, 'post', `/visits/${visitId}/findings`, {
    category: 'red-envelopes',
    severity: 'general',
    description: mk('finding description'),
    evidence: [mk('finding evidence')],
    responsibleDepartment: mk('finding department'),
    responsiblePerson: mk('finding person'),
    requiredAction: 'deadline',
  });
  const findingId = String(finding['id']);
  await call(
    t,
    s.inspector,
    'post',
    `/findings/${findingId}/notice`,
    { noticeNo: mk('notice no'), requirements: mk('notice requirements') },
    200,
  );
  await call(
    t,
    s.hospital,
    'post',
    `/findings/${findingId}/plan`,
    { measures: mk('plan measures'), responsiblePerson: mk('plan person') },
    200,
  );
  // A file whose name and note are markers: the finding's page lists them, only to its readers.
  const upload = await t.http
    .post(`/findings/${findingId}/evidence`)
    .set(s.hospital)
    .field('note', mk('evidence note'))
    .attach('file', onePixelPng(), { filename: `${mk('evidence name')}.png`, contentType: 'image/png' });
  if (upload.status !== 201) throw new Error(`seed evidence upload: expected 201, got ${upload.status} ${JSON.stringify(upload.body)}`);
  const photo = (upload.body as { file: { digest: string } }).file.digest;
  await call(
    t,
    s.hospital,
    'post',
    `/findings/${findingId}/progress`,
    { summary: mk('progress summary'), evidence: [photo], percentComplete: 50 },
    200,
  );
  const plannedDate = `2025-04-${String(++plannedDay)}`;
  book.add({ text: plannedDate, institution: i, cls: 'planned', context: 'inspection', where: 'planned unannounced visit date' });
  const planned = await call(t, s.inspector, 'post', '/visits', { kind: 'unannounced', institutionId: i, plannedDate, campaignId });
  return { campaignId, visitId, plannedVisitId: String(planned['id']), findingId };
}

let phoneSeq = 0;

/**
 * What the log holds of the complainant besides the plain fields: subject id, SM4 ciphertext and the
 * secret's hash. None of it is for hospitals (issue 11: the audit routes handed them out).
 */
async function sealedIdentity(t: TestApp, ticketId: string, institution: string, book: MarkerBook): Promise<string> {
  const [received] = await t.store.readStream(`complaintTicket-${ticketId}`, { maxCount: 1 });
  const data = received!.data as { secretHash?: string; complainant?: { subjectId?: string; identityCiphertext?: string } };
  const sealed = {
    'complainant subject id': data.complainant?.subjectId,
    'identity ciphertext': data.complainant?.identityCiphertext,
    'secret hash': data.secretHash,
  };
  for (const [where, text] of Object.entries(sealed))
    if (text) book.add({ text, institution, cls: 'identity', context: 'complaints', where });
  return data.complainant?.subjectId ?? 'none';
}

/** A named public complaint about the institution, dispatched, acknowledged, noted and decided against `staffId`. */
export async function seedComplaint(
  t: TestApp,
  s: Site,
  book: MarkerBook,
  staff = s,
): Promise<Pick<SiteIds, 'ticketId' | 'ticketCode' | 'subjectId'>> {
  const i = s.institution;
  const mk = (where: string) => book.next(i, 'complaints', where);
  const identity = {
    name: book.next(i, 'complaints', 'complainant name', 'identity'),
    phone: `1390000${String(4000 + ++phoneSeq)}`,
    idNumber: `MKID${i.replace(/-/g, '')}X${phoneSeq}`,
    address: book.next(i, 'complaints', 'complainant address', 'identity'),
  };
  book.add({ text: identity.phone, institution: i, cls: 'identity', context: 'complaints', where: 'complainant phone' });
  book.add({ text: identity.idNumber, institution: i, cls: 'identity', context: 'complaints', where: 'complainant ID number' });
  const submitted = await call(t, null, 'post', '/public/complaints', {
    category: 'red-envelopes-kickbacks',
    description: mk('complaint description'),
    institutionId: i,
    identity,
  });
  book.add({ text: String(submitted['secret']), institution: i, cls: 'secret', context: 'complaints', where: 'complaint secret' });
  const list = await call(t, s.inspector, 'get', '/complaints?pageSize=100');
  const item = (list['items'] as { ticketCode: string; ticketId: string }[]).find((x) => x.ticketCode === submitted['ticketCode']);
  if (!item) throw new Error(`seed: ticket ${String(submitted['ticketCode'])} not listed for its inspector`);
  const id = item.ticketId;
  t.clock.advanceHours(1);
  await call(t, s.inspector, 'post', `/complaints/${id}/dispatch`, { institutionId: i, complexity: 'simple' }, 200);
  await call(t, s.hospital, 'post', `/complaints/${id}/acknowledge`, {}, 200);
  await call(t, s.hospital, 'post', `/complaints/${id}/investigation-notes`, { note: mk('investigation note') }, 200);
  await call(
    t,
    s.hospital,
    'post',
    `/complaints/${id}/decision`,
    { decision: 'substantiated', findings: mk('decision findings'), implicatedStaffId: staff.staffId },
    200,
  );
  const subjectId = await sealedIdentity(t, id, i, book);
  return { ticketId: id, ticketCode: String(submitted['ticketCode']), subjectId };
}

/**
 * Filed against `from`, dispatched there, returned by it, and re-dispatched to `to`: ownership follows
 * the current assignment, so every marker of the ticket belongs to `to` and `from` may see none of it.
 */
export async function seedRedispatched(t: TestApp, from: Site, to: Site, book: MarkerBook): Promise<string> {
  const start = book.all.length;
  const mk = (where: string) => book.next(to.institution, 'complaints', where);
  const identity = { name: book.next(to.institution, 'complaints', 'redispatched complainant name', 'identity') };
  const submitted = await call(t, null, 'post', '/public/complaints', {
    category: 'fees',
    description: mk('redispatched description'),
    institutionId: from.institution,
    identity,
  });
  book.add({
    text: String(submitted['secret']),
    institution: to.institution,
    cls: 'secret',
    context: 'complaints',
    where: 'redispatched secret',
  });
  const list = await call(t, from.inspector, 'get', '/complaints?pageSize=100');
  const id = (list['items'] as { ticketCode: string; ticketId: string }[]).find((x) => x.ticketCode === submitted['ticketCode'])!.ticketId;
  await call(t, from.inspector, 'post', `/complaints/${id}/dispatch`, { institutionId: from.institution, complexity: 'simple' }, 200);
  await call(t, from.hospital, 'post', `/complaints/${id}/return`, { reason: mk('return reason') }, 200);
  await call(t, to.inspector, 'post', `/complaints/${id}/dispatch`, { institutionId: to.institution, complexity: 'simple' }, 200);
  await call(t, to.hospital, 'post', `/complaints/${id}/acknowledge`, {}, 200);
  await call(t, to.hospital, 'post', `/complaints/${id}/investigation-notes`, { note: mk('redispatched note') }, 200);
  await sealedIdentity(t, id, to.institution, book);
  book.reassign(
    book.all.slice(start).map((m) => m.text),
    to.institution,
  );
  return id;
}

/**
 * Received at the institution's own window (首诉负责) from a named complainant, then escalated to
 * its commission: the hospital typed the identity in but never reads it back, keeps reading the
 * ticket, and every marker is the institution's (its siblings may see none of it).
 */
export async function seedWindowComplaint(t: TestApp, s: Site, book: MarkerBook): Promise<string> {
  const i = s.institution;
  const mk = (where: string) => book.next(i, 'complaints', where);
  const received = await call(t, s.hospital, 'post', '/complaints', {
    channel: 'window',
    category: 'service-attitude',
    description: mk('window complaint description'),
    identity: { name: book.next(i, 'complaints', 'window complainant name', 'identity') },
  });
  book.add({ text: String(received['secret']), institution: i, cls: 'secret', context: 'complaints', where: 'window complaint secret' });
  const id = String(received['ticketId']);
  await call(t, s.hospital, 'post', `/complaints/${id}/escalate`, { reason: mk('escalation reason') }, 200);
  await sealedIdentity(t, id, i, book);
  return id;
}
