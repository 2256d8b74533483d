import { TokenService } from '@bihuan/auth';
import { createTestApp, TestApp } from '../../testing/test-app';
import { Headers } from '../../testing/access-matrix/matrix-http';
import { MarkerBook } from '../../testing/access-matrix/matrix-markers';
import { seedComplaint, seedInspection, Site, SiteIds } from '../../testing/access-matrix/matrix-seed-cases';
import { seedCredit } from '../../testing/access-matrix/matrix-seed-records';

type Ids = Pick<SiteIds, 'findingId' | 'ticketId'>;

/**
 * Issue 16: administration delegated down the tree. A city's admin reads and acts on its own city
 * only — case routes, lists, exports, the audit history and dossier, the directory's own history —
 * and is refused the system-wide operations that only the province's admin runs.
 */
describe("a city's admin: its own subtree only (e2e)", () => {
  let t: TestApp;
  let cityAdmin: Headers;
  const ids: Record<string, Ids> = {};
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    await t.http
      .post('/directory/users')
      .set(t.auth('admin'))
      .send({ id: 'admin.city-a', name: '甲市管理员', phone: '13900000001', role: 'admin', unitId: 'city-a' })
      .expect(201);
    const token = t.app.get(TokenService).mint({ sub: 'admin.city-a', role: 'admin', unit: 'city-a' });
    cityAdmin = { Authorization: `Bearer ${token}` };
    const book = new MarkerBook();
    const site = (institution: string, inspector: string, hospital: string): Site => ({
      institution,
      inspector: t.auth(inspector),
      hospital: t.auth(hospital),
      staffId: `S-${institution}`,
    });
    for (const s of [site('hosp-a1-1', 'inspector-a1', 'hospital-a1-1'), site('hosp-b1-1', 'inspector-b1', 'hospital-b1-1')]) {
      await seedCredit(t, s, book, false);
      const inspection = await seedInspection(t, s, book);
      const complaint = await seedComplaint(t, s, book);
      ids[s.institution] = { findingId: inspection.findingId, ticketId: complaint.ticketId };
    }
    await t.settle();
  }, 120_000);
  afterAll(() => t.close());

  const own = () => ids['hosp-a1-1']!;
  const other = () => ids['hosp-b1-1']!;
  const refused = (status: number) => expect([403, 404]).toContain(status);

  it('reads a finding, a complaint and a credit archive of its city, and not those of another city', async () => {
    await t.http.get(`/findings/${own().findingId}`).set(cityAdmin).expect(200);
    await t.http.get(`/complaints/${own().ticketId}`).set(cityAdmin).expect(200);
    await t.http.get('/credit/archives/hosp-a1-1').set(cityAdmin).expect(200);
    refused((await t.http.get(`/findings/${other().findingId}`).set(cityAdmin)).status);
    refused((await t.http.get(`/complaints/${other().ticketId}`).set(cityAdmin)).status);
    refused((await t.http.get('/credit/archives/hosp-b1-1').set(cityAdmin)).status);
    // The province's admin still reads everywhere.
    await t.http.get(`/complaints/${other().ticketId}`).set(t.auth('admin')).expect(200);
    await t.http.get('/credit/archives/hosp-b1-1').set(t.auth('admin')).expect(200);
  });

  it('gets only its subtree in lists and exports', async () => {
    const findings = await t.http.get('/findings').set(cityAdmin).expect(200);
    expect(JSON.stringify(findings.body)).toContain(own().findingId);
    expect(JSON.stringify(findings.body)).not.toContain(other().findingId);
    const tickets = await t.http.get('/complaints').set(cityAdmin).expect(200);
    expect(JSON.stringify(tickets.body)).toContain(own().ticketId);
    expect(JSON.stringify(tickets.body)).not.toContain(other().ticketId);
    const archives = await t.http.get('/credit/archives').set(cityAdmin).expect(200);
    expect(JSON.stringify(archives.body)).toContain('hosp-a1-1');
    expect(JSON.stringify(archives.body)).not.toContain('hosp-b1-1');
    const exported = await t.http.get('/ledgers/institutions/hosp-a1-1/export?format=csv').set(cityAdmin).expect(200);
    expect(exported.text).not.toContain('hosp-b1-1');
    refused((await t.http.get('/ledgers/institutions/hosp-b1-1/export?format=csv').set(cityAdmin)).status);
    refused((await t.http.get('/audit/ledgers/hosp-b1-1/export?format=csv').set(cityAdmin)).status);
    const rootTickets = await t.http.get('/complaints').set(t.auth('admin')).expect(200);
    expect(JSON.stringify(rootTickets.body)).toContain(other().ticketId);
  });

  it("cannot read another city's audit history or dossier, and sees only its own streams in the log views", async () => {
    await t.http.get(`/audit/cases/finding-${own().findingId}/history`).set(cityAdmin).expect(200);
    await t.http.get(`/audit/cases/finding-${own().findingId}/dossier`).set(cityAdmin).expect(200);
    refused((await t.http.get(`/audit/cases/finding-${other().findingId}/history?all=true`).set(cityAdmin)).status);
    refused((await t.http.get(`/audit/cases/finding-${other().findingId}/dossier`).set(cityAdmin)).status);
    refused((await t.http.get(`/audit/cases/complaintTicket-${other().ticketId}/history`).set(cityAdmin)).status);
    for (const path of ['/audit/access-log', '/audit/integrity']) {
      const res = await t.http.get(path).set(cityAdmin).expect(200);
      expect(res.text).not.toContain(other().findingId);
      expect(res.text).not.toContain(other().ticketId);
    }
  });

  it("reads the directory's history within its subtree; the province's admin reads it whole; an inspector not at all", async () => {
    const types = (body: { entries?: { type: string; data: object }[] }) => (body.entries ?? []).map((e) => JSON.stringify(e));
    const city = await t.http.get('/audit/cases/directory-main/history').set(cityAdmin).expect(200);
    const root = await t.http.get('/audit/cases/directory-main/history').set(t.auth('admin')).expect(200);
    expect(types(city.body).some((e) => e.includes('admin.city-a'))).toBe(true);
    expect(types(city.body).some((e) => e.includes('"city-b"'))).toBe(false);
    expect(types(root.body).some((e) => e.includes('"city-b"'))).toBe(true);
    const state = await t.http.get('/audit/cases/directory-main/state').set(cityAdmin);
    expect(JSON.stringify(state.body)).not.toContain('city-b');
    expect((await t.http.get('/audit/cases/directory-main/history').set(t.auth('inspector-a1'))).status).toBe(403);
  });

  it('is refused the system-wide operations (403 AUTH.SYSTEM_ADMIN_ONLY) that the province admin runs', async () => {
    const attempts = [
      t.http.put('/admin/policies/complaints').set(cityAdmin).send({}),
      t.http.post('/admin/calendar/years').set(cityAdmin).send({ year: 2030, holidays: [], workdays: [] }),
      t.http.post('/admin/dead-letters/dl-1/retry').set(cityAdmin).send({}),
      t.http.get('/admin/dead-letters').set(cityAdmin),
      t.http.get('/admin/policies').set(cityAdmin),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH.SYSTEM_ADMIN_ONLY');
    }
    await t.http.get('/admin/policies').set(t.auth('admin')).expect(200);
    await t.http.get('/admin/dead-letters').set(t.auth('admin')).expect(200);
  });
});
