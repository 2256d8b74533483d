import { createTestApp, TestApp } from '../../testing/test-app';

const POLICE = 'partner-police-a';
const INFORMANT = { name: '举报人王某', phone: '13912345678' };

interface Entry {
  readonly type: string;
  readonly stream: string;
}

/**
 * Issue 22, item 4: leads come back from partner agencies as complaint tickets (channel
 * agency-transfer), which the agency follows by status only; and a complaint referred to an agency
 * goes with a case file that carries no complainant.
 */
describe('leads from partner agencies (交办线索) and a complaint referred', () => {
  let t: TestApp;
  let leadId: string;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-12-30T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  const post = (user: string, path: string, body: object = {}) => t.http.post(path).set(t.auth(user)).send(body);
  const get = (user: string, path: string) => t.http.get(path).set(t.auth(user));
  const lead = (user: string, over: object = {}) =>
    post(user, '/leads', {
      unitId: 'city-a',
      institutionId: 'hosp-a1-1',
      category: 'red-envelopes-kickbacks',
      description: '侦办中发现某科室医生收受药品回扣',
      agencyReference: '甲公移〔2025〕12号',
      identity: INFORMANT,
      ...over,
    });

  it('takes a lead in as a complaint ticket of the commission it names, channel agency-transfer, the lead as its reference', async () => {
    const res = await lead(POLICE).expect(201);
    leadId = res.body.id;
    ticketId = res.body.ticketId;
    expect(res.body).toMatchObject({
      stream: `lead-${leadId}`,
      events: ['LeadSubmitted', 'LeadRegistered'],
      ticketCode: expect.any(String),
    });
    const ticket = (await get('inspector-city-a', `/complaints/${ticketId}`).expect(200)).body;
    expect(ticket).toMatchObject({ channel: 'agency-transfer', externalReference: `LEAD-${leadId}`, status: 'received' });
    expect((await get('inspector-city-a', '/me/todos').expect(200)).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'complaint-dispatch', caseId: ticketId })]),
    );
    const [received] = await t.store.readStream(`complaintTicket-${ticketId}`);
    expect(received!.data).toMatchObject({ fromAgency: 'agency-city-a-police', receivingUnit: 'city-a' });
    expect(JSON.stringify((await t.store.readStream(`lead-${leadId}`)).map((e) => e.data))).not.toContain(INFORMANT.phone);
  });

  it('shows the agency its lead’s status — never the informant — and nobody else’s lead', async () => {
    const mine = (await get(POLICE, `/leads/${leadId}`).expect(200)).body;
    expect(mine).toMatchObject({ status: 'registered', ticketId, ticket: { step: 'received', answeredAt: null } });
    expect(JSON.stringify(mine)).not.toContain(INFORMANT.name);
    expect(JSON.stringify(mine)).not.toContain(INFORMANT.phone);
    expect((await get(POLICE, '/leads').expect(200)).body.items.map((l: { leadId: string }) => l.leadId)).toEqual([leadId]);
    await get('partner-insurance-b', `/leads/${leadId}`).expect(404);
    expect((await get('partner-insurance-b', '/leads').expect(200)).body.items).toEqual([]);
    await get('inspector-a1', `/leads/${leadId}`).expect(403); // sent to the city: its county sees the ticket once dispatched
    await get('hospital-a1-1', `/leads/${leadId}`).expect(403);
    await get(POLICE, `/complaints/${ticketId}`).expect(403);
    expect((await get('leader-city-a', `/leads/${leadId}`).expect(200)).body.ticket).toMatchObject({ step: 'received' });
  });

  it('links the lead and its ticket in the audit: each one’s history shows the other', async () => {
    const history = (await get('leader-city-a', `/audit/cases/lead-${leadId}/history?pageSize=200`).expect(200)).body;
    expect((history.entries as Entry[]).map((e) => e.type)).toEqual(
      expect.arrayContaining(['LeadSubmitted', 'ComplaintReceived', 'LeadRegistered']),
    );
    const ticketHistory = (await get('leader-city-a', `/audit/cases/complaintTicket-${ticketId}/history?pageSize=200`).expect(200)).body;
    expect((ticketHistory.entries as Entry[]).some((e) => e.stream === `lead-${leadId}`)).toBe(true);
  });

  it('refuses a lead to a commission the agency does not work with, to a non-commission, or without text, and writes nothing', async () => {
    const before = await t.store.headPosition();
    await lead(POLICE, { unitId: 'city-b', institutionId: 'hosp-b1-1' }).expect(403);
    await lead(POLICE, { unitId: 'county-a1', institutionId: 'hosp-a2-1' }).expect(403);
    expect((await lead(POLICE, { unitId: 'hosp-a1-1' }).expect(400)).body).toMatchObject({ code: 'COMPLAINT.NOT_A_COMMISSION' });
    expect((await lead(POLICE, { unitId: 'agency-city-a-police' }).expect(400)).body).toMatchObject({ code: 'COMPLAINT.NOT_A_COMMISSION' });
    expect((await lead(POLICE, { description: '' }).expect(400)).body.fields[0]).toMatchObject({ field: 'description' });
    expect((await lead(POLICE, { category: 'parking' }).expect(400)).body.fields[0]).toMatchObject({ field: 'category' });
    await lead('inspector-city-a').expect(403);
    await lead('hospital-a1-1').expect(403);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('refers a named complaint to 纪检监察 with a case file that carries no complainant', async () => {
    const referral = (
      await post('inspector-city-a', '/referrals', {
        sourceStream: `complaintTicket-${ticketId}`,
        agencyId: 'agency-prov-discipline',
        reason: '涉及公职人员违纪，移交纪检监察',
      }).expect(201)
    ).body;
    const html = (await t.download(`/referrals/${referral.id}/files/${referral.file.digest}`, 'partner-discipline').expect(200))
      .body as Buffer;
    const text = html.toString('utf8');
    expect(text).toContain('收受药品回扣');
    expect(text).not.toContain(INFORMANT.name);
    expect(text).not.toContain(INFORMANT.phone);
    // The same case's dossier, exported by the inspector for the commission's own files, names the complainant.
    const own = await get(
      'inspector-city-a',
      `/audit/cases/complaintTicket-${ticketId}/dossier?purpose=${encodeURIComponent('核实')}`,
    ).expect(200);
    expect(own.text).toContain(INFORMANT.name);
    expect((await get('partner-discipline', `/referrals/${referral.id}`).expect(200)).body).toMatchObject({
      sourceCategory: 'complaintTicket',
      institutionId: null,
      fromUnit: 'city-a',
    });
    await get(POLICE, `/referrals/${referral.id}`).expect(404);
  });
});
