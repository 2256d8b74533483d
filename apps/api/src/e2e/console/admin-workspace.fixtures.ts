import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { DeliveryDispatcherService, DeliveryOutbox } from '@bihuan/notifications';
import { READ_MODELS } from '@bihuan/platform';
import { TableDeadLetterStore } from '@bihuan/processing';
import { OFFICIAL_2027 } from '../../testing/official-2027.fixture';
import { TestApp } from '../../testing/test-app';
import { INSPECTOR, INSTITUTION, step, submitPublic } from '../complaints/complaints-e2e.helpers';

/** A person as a row of the 用户 sheet, by the template's own column headers. */
export type UserRow = Readonly<Record<string, string>>;

const dir = mkdtempSync(join(tmpdir(), 'bihuan-admin-'));

/**
 * An XLSX of users made from the API's own import template (GET /directory/import-template): the
 * rows go under the 用户 sheet's header, matched by the header's words, as an office would fill it.
 */
export async function usersWorkbook(t: TestApp, name: string, rows: readonly UserRow[]): Promise<string> {
  const template = await t.download('/directory/import-template', 'admin').expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(template.body as Buffer).buffer);
  const sheet = workbook.getWorksheet('用户');
  if (!sheet) throw new Error('The template has no 用户 sheet');
  const headers = (sheet.getRow(1).values as unknown[]).map((cell) => (typeof cell === 'string' ? cell : ''));
  rows.forEach((row, i) => {
    const line = sheet.getRow(i + 2);
    for (const [header, value] of Object.entries(row)) {
      const column = headers.indexOf(header);
      if (column < 1) throw new Error(`The template has no column ${header} (has ${headers.join(', ')})`);
      line.getCell(column).value = value;
    }
    line.commit();
  });
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

/** The made-up official 2027 as the JSON file an admin uploads on the calendar page. */
export function calendarFile(): string {
  const file = join(dir, '2027年节假日安排.json');
  writeFileSync(file, JSON.stringify(OFFICIAL_2027, null, 2));
  return file;
}

/**
 * What the admin pages show beside the demo directory: two complaints dispatched at the year end
 * (answer deadlines counted on provisional 2027), a leader's read of one in the access log, a dead
 * letter of the deadline workflow, and a webhook delivery that failed.
 */
export async function seedAdminPages(t: TestApp): Promise<{ ticketId: string }> {
  let ticketId = '';
  for (const complexity of ['simple', 'complex']) {
    ({ ticketId } = await submitPublic(t));
    await step(t, INSPECTOR, ticketId, 'dispatch', { institutionId: INSTITUTION, complexity });
  }
  await t.http
    .get(`/audit/cases/complaintTicket-${ticketId}/history`)
    .query({ purpose: '督办核查' })
    .set(t.auth('leader-prov'))
    .expect(200);

  const startedAt = t.clock.now().toISOString();
  const data = { deadlineId: 'answer', purpose: 'answer', startedAt, dueAt: '2027-01-20T15:59:59.999Z', workingDays: 0 };
  const metadata = {
    eventId: 'probe-input-1',
    correlationId: 'c',
    causationId: null,
    actor: SYSTEM_ACTOR,
    occurredAt: startedAt,
    schemaVersion: 1,
  };
  const { position } = await t.store.append(
    'probeCase-1',
    [{ type: 'DeadlineSet', data: { ...data, calendarVersion: 't', warnAt: [], policy: {} }, metadata }],
    'no_stream',
  );
  await t.settle();
  await new TableDeadLetterStore(t.app.get<SqlDatabase>(READ_MODELS)).put({
    id: 'deadlineTimers/probe-input-1',
    workflow: 'deadlineTimers',
    instance: 'probeCase-1',
    input: { eventId: 'probe-input-1', type: 'DeadlineSet', streamName: 'probeCase-1', revision: 0, position },
    error: 'Timer backend unreachable: connect ECONNREFUSED 127.0.0.1:6379',
    attempts: 5,
    at: startedAt,
  });

  const { dispatcher } = t.app.get(DeliveryDispatcherService);
  await dispatcher.stop(); // this tick is the one that delivers: the webhook endpoint is unknown, so it fails
  await t.app.get(DeliveryOutbox).enqueue(
    {
      id: 'n-admin-1',
      kind: 'escalation',
      title: '整改逾期已升级督办',
      body: '请及时处理。',
      link: '/inbox',
      stream: null,
      recipient: { userId: 'leader-city-a', unitId: 'city-a' },
      occurredAt: startedAt,
    },
    [{ channel: 'webhook', address: 'city-a-oa' }],
  );
  await dispatcher.tick();
  return { ticketId };
}
