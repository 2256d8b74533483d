import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { UserDirectory } from '@bihuan/auth';
import { DeliveryDispatcherService, NOTIFICATION_PRODUCER } from '@bihuan/notifications';
// Test equipment of the notifications lib (smtp-server is a dev dependency, so it is not in the lib's index).
import { LocalSmtpServer } from '../../../../../libs/notifications/src/testing/local-smtp-server';
import { FakeClock, eventually } from '@bihuan/testing';
import { addHospitalUser, Run, startRun } from './deadline-notifications.harness';

type Row = { channel: string; address: string; status: string; notification_id: string; kind: string };

/**
 * Issue 19: a deadline warning yields exactly one inbox item and one e-mail per recipient, across
 * a worker restart that replays the warning (its checkpoint moved back, as after a crash between
 * the enqueue and the checkpoint) — time moved by a FakeClock and the manual timers.
 */
describe('deadline warning notifications across a restart (e2e)', () => {
  const smtp = new LocalSmtpServer();
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  let dir: string;
  let smtpUrl: string;
  let run: Run | null = null;

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    dir = mkdtempSync(join(tmpdir(), 'bihuan-notify-'));
  });
  afterAll(async () => {
    await run?.close();
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const deliveries = (db: Database.Database): Row[] =>
    db
      .prepare(
        `SELECT channel, address, status, notification_id, json_extract(notification, '$.kind') AS kind FROM notification_deliveries`,
      )
      .all() as Row[];
  const warnings = (db: Database.Database) => deliveries(db).filter((r) => r.kind === 'deadlineWarning');

  it('tells each hospital user once in the inbox and once by e-mail, though the worker handled the warning twice', async () => {
    run = await startRun(dir, clock, 'r1', smtpUrl);
    // Nothing is sent in the first run: the deliveries must survive the restart as rows.
    await run.app.get(DeliveryDispatcherService).dispatcher.stop();
    const now = clock.now().toISOString();
    await addHospitalUser(run, 'hospital-a1-1', 'hosp-a1-1', 'qc1@hosp-a1-1.example.cn', now);
    await addHospitalUser(run, 'quality-a1-1b', 'hosp-a1-1', 'qc2@hosp-a1-1.example.cn', now);
    const directory = run.app.get(UserDirectory);
    await eventually(() => directory.get('quality-a1-1b')?.email === 'qc2@hosp-a1-1.example.cn', 'the directory to know the e-mails');

    const post = async (path: string, body: object, status: number) => {
      const res = await run!.http.post(path).set(run!.auth('inspector-a1')).send(body);
      expect(res.status).toBe(status);
      return res.body as { id: string };
    };
    const visit = await post('/visits', { kind: 'unannounced', institutionId: 'hosp-a1-1', plannedDate: '2025-03-03' }, 201);
    await post(`/visits/${visit.id}/record`, { conductedOn: '2025-03-03', summary: '暗访门诊' }, 200);
    const finding = await post(
      `/visits/${visit.id}/findings`,
      {
        category: 'red-envelopes',
        severity: 'general',
        description: '外科病房医生收受患者红包',
        evidence: ['att-1'],
        responsibleDepartment: '外科',
        requiredAction: 'deadline',
      },
      201,
    );
    await post(`/findings/${finding.id}/notice`, {}, 200);
    // The first reminder (50% of the rectification time) falls on 13 March; the second on 19 March.
    await run.advanceTo('2025-03-14T00:00:00.000Z');
    const warned = (await run.store.readStream(`finding-${finding.id}`)).filter((e) => e.type === 'DeadlineWarned');
    expect(warned).toHaveLength(1);
    await eventually(() => warnings(run!.readModels).length === 4, 'the warning to be enqueued');

    // A crash between the enqueue and the checkpoint: the next run handles the warning again.
    await run.close();
    run = null;
    const file = new Database(join(dir, 'read-models.sqlite'));
    file.prepare('UPDATE checkpoints SET position = ? WHERE name = ?').run(warned[0]!.position - 1, NOTIFICATION_PRODUCER);
    file.close();

    run = await startRun(dir, clock, 'r2', smtpUrl);
    const db = run.readModels;
    await eventually(() => {
      const row = db.prepare('SELECT position FROM checkpoints WHERE name = ?').get(NOTIFICATION_PRODUCER) as { position: number };
      return row.position >= warned[0]!.position && warnings(db).every((r) => r.status === 'sent');
    }, 'the replay and the deliveries');

    const sent = warnings(db);
    expect(sent.map((r) => `${r.channel}:${r.address}`).sort()).toEqual([
      'email:qc1@hosp-a1-1.example.cn',
      'email:qc2@hosp-a1-1.example.cn',
      'inbox:hospital-a1-1',
      'inbox:quality-a1-1b',
    ]);
    const inbox = db.prepare(`SELECT user_id, title FROM notification_inbox WHERE kind = 'deadlineWarning'`).all() as {
      user_id: string;
      title: string;
    }[];
    expect(inbox.map((i) => i.user_id).sort()).toEqual(['hospital-a1-1', 'quality-a1-1b']);
    expect(inbox[0]!.title).toBe('整改时限即将届满：问题“外科病房医生收受患者红包”');
    const mails = smtp.received.filter((m) => m.subject?.includes('即将届满'));
    expect(mails.map((m) => (Array.isArray(m.to) ? m.to[0]!.text : m.to?.text)).sort()).toEqual([
      'qc1@hosp-a1-1.example.cn',
      'qc2@hosp-a1-1.example.cn',
    ]);
  });
});
