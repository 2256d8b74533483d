import { MemoryAccessLog } from '@bihuan/privacy';
import { AccessLogAuditTrail } from './access-log-audit-trail.adapter';
import { AuditTrail, readAuditTrail } from './audit-trail.port';
import { MemoryAuditTrail } from './memory-audit-trail.adapter';
import { ADMIN, LEADER } from '../testing/readers.fixture';
import { HOSPITAL } from '../testing/linked-case.fixture';

describe.each<[string, () => AuditTrail]>([
  ['memory', () => new MemoryAuditTrail()],
  ['privacy AccessLog', () => new AccessLogAuditTrail(new MemoryAccessLog())],
])('AuditTrail on %s', (_name, make) => {
  it('records reads and exports, newest first, visible to leaders and admins only', async () => {
    const trail = make();
    await trail.record({
      at: '2025-04-01T01:00:00.000Z',
      reader: LEADER,
      stream: 'complaintTicket-T1',
      action: 'history',
      purpose: '年度审计',
    });
    await trail.record({
      at: '2025-04-01T02:00:00.000Z',
      reader: LEADER,
      stream: 'complaintTicket-T1',
      action: 'dossier',
      purpose: '归档',
    });
    await trail.record({ at: '2025-04-01T03:00:00.000Z', reader: ADMIN, stream: 'finding-F1', action: 'history', purpose: '核查' });
    const seen = await readAuditTrail(trail, ADMIN, { stream: 'complaintTicket-T1' });
    expect(seen.map((e) => [e.action, e.purpose])).toEqual([
      ['dossier', '归档'],
      ['history', '年度审计'],
    ]);
    expect(await readAuditTrail(trail, LEADER, { readerId: ADMIN.id })).toHaveLength(1);
    await expect(readAuditTrail(trail, HOSPITAL)).rejects.toMatchObject({ code: 'AUDIT.TRAIL_FORBIDDEN', kind: 'forbidden' });
  });
});
