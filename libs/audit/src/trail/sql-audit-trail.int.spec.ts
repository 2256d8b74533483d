import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { AUDIT_MIGRATIONS } from '../audit.migrations';
import { ADMIN, LEADER } from '../testing/readers.fixture';
import { readAuditTrail } from './audit-trail.port';
import { SqlAuditTrail } from './sql-audit-trail.adapter';

describe.each(TEST_SQL_DIALECTS)('SqlAuditTrail on $name', (dialect) => {
  let test: TestSqlDatabase;
  beforeEach(async () => {
    test = await dialect.open([AUDIT_MIGRATIONS]);
  });
  afterEach(() => test.dispose());

  it('records reads with their detail, lists them newest first, filtered by stream, reader, time and count', async () => {
    const trail = new SqlAuditTrail(test.database);
    const detail = { page: 2, asOf: { position: 42 } };
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
      action: 'asOf',
      purpose: '核对',
      detail,
    });
    await trail.record({ at: '2025-04-01T03:00:00.000Z', reader: ADMIN, stream: 'finding-F1', action: 'dossier', purpose: '归档' });

    const seen = await readAuditTrail(trail, ADMIN, { stream: 'complaintTicket-T1' });
    expect(seen).toEqual([
      { at: '2025-04-01T02:00:00.000Z', reader: LEADER, stream: 'complaintTicket-T1', action: 'asOf', purpose: '核对', detail },
      { at: '2025-04-01T01:00:00.000Z', reader: LEADER, stream: 'complaintTicket-T1', action: 'history', purpose: '年度审计' },
    ]);
    expect((await trail.list({ readerId: ADMIN.id })).map((e) => e.stream)).toEqual(['finding-F1']);
    expect((await trail.list({ from: '2025-04-01T02:00:00.000Z', to: '2025-04-01T02:00:00.000Z' })).map((e) => e.action)).toEqual(['asOf']);
    expect((await trail.list({ limit: 1 })).map((e) => e.action)).toEqual(['dossier']);
  });
});
