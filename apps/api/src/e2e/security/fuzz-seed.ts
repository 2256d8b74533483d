import { ModulesContainer, Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '@bihuan/auth';
import { Role } from '@bihuan/core';
import { TestApp } from '../../testing/test-app';
import { steps } from '../inspection/inspection-steps';
import { submitPublic } from '../complaints/complaints-e2e.helpers';
import { launchCampaign } from '../campaigns/campaign-steps';

/** Who may call a route, read from the same metadata the AuthGuard reads, keyed by OpenAPI operationId. */
export interface RouteAccess {
  readonly isPublic: boolean;
  readonly roles: readonly Role[] | undefined;
}

export function routeAccess(t: TestApp): Map<string, RouteAccess> {
  const reflector = new Reflector();
  const access = new Map<string, RouteAccess>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      for (const method of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const targets = [handler, type];
        access.set(`${type.name}_${method}`, {
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
          roles: reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets),
        });
      }
    }
  }
  return access;
}

/** The demo user to act as for a role (all in 甲市东城区, where the seeded cases live). */
export const USER_OF_ROLE: Readonly<Record<string, string>> = {
  inspector: 'inspector-a1',
  hospital: 'hospital-a1-1',
  leader: 'leader-prov',
  admin: 'admin',
  partner: 'partner-discipline',
};

/**
 * One real case of every kind the write routes address, so a body that slipped through would
 * really act on something (and move the log's head). Returns the value for each path parameter.
 */
export async function seedCases(t: TestApp): Promise<(path: string, name: string) => string> {
  const s = steps(t);
  const H = 'hosp-a1-1';
  const campaignId = await launchCampaign(t, USER_OF_ROLE['inspector']!);
  const visitId = await s.visit();
  const findingId = await s.finding(visitId);
  await t.settle(); // the finding's saga opens the institution's credit archive
  const ticket = await submitPublic(t, { identity: { name: '张三', phone: '13812345678' } });
  await s.post('hospital-a1-1', '/ethics/archives', { staffId: 'S1', institutionId: H, departmentId: 'cardiology', name: '医生甲' }, 201);
  await s.post(
    'hospital-a1-1',
    '/ethics/archives/S1/records',
    {
      recordId: 'R1',
      institutionId: H,
      source: { kind: 'commendation', ref: 'letter-7' },
      summary: '患者表扬信',
      occurredAt: '2025-03-01T02:00:00.000Z',
    },
    201,
  );
  await s.post('hospital-a1-1', '/ethics/evaluations', { institutionId: H, year: 2025, staffId: 'S1' }, 201);
  await s.post(
    'inspector-a1',
    `/credit/archives/${H}/points`,
    { behaviour: 'red-envelopes', occurredAt: '2025-03-01T02:00:00.000Z', summary: '收受红包' },
    201,
  );
  await s.post(
    'hospital-a1-1',
    `/credit/archives/${H}/commitments`,
    { commitmentId: 'C1', kind: 'institution', text: '不收受红包', pledgedAt: '2025-01-05T00:00:00.000Z' },
    201,
  );
  await s.post(
    'inspector-a1',
    `/credit/archives/${H}/lists`,
    { entryId: 'black-1', list: 'black', reason: '多次收受红包', expiresAt: '2025-06-01T00:00:00.000Z' },
    201,
  );
  await s.post('inspector-city-a', '/draws', { plannedDate: '2025-04-15', inspectorsPerVisit: 1, jurisdiction: 'city-a', count: 1 }, 201);
  await t.settle();
  // Each points entry has its own stream `creditPoints-<institution>.<pointsId>` (ADR 0006).
  const points = (await t.store.readAll({ filter: { categories: ['creditPoints'] } })).find(
    (e) => e.type === 'CreditPointsAdded' && e.streamName.startsWith(`creditPoints-${H}.`),
  );
  const pointsId = String((points?.data as { pointsId?: string } | undefined)?.pointsId);
  const received = (await t.store.readStream(`complaintTicket-${ticket.ticketId}`))[0];
  const subjectId = String((received?.data as { complainant?: { subjectId?: string } } | undefined)?.complainant?.subjectId);
  const values: Record<string, string> = {
    campaignId,
    visitId,
    findingId,
    code: ticket.ticketCode,
    staffId: 'S1',
    recordId: 'R1',
    institutionId: H,
    year: '2025',
    pointsId,
    commitmentId: 'C1',
    entryId: 'black-1',
    subjectId,
    context: 'complaints',
  };
  return (path, name) =>
    name === 'id' ? (path.startsWith('/complaints') ? ticket.ticketId : 'dead-letter-1') : (values[name] ?? `unknown-${name}`);
}
