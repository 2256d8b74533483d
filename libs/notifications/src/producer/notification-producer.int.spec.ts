import { DirectoryUser, UserDirectory } from '@bihuan/auth';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { MemorySubjectKeyStore, PersonalDataCipher } from '@bihuan/privacy';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { ChannelKind, Delivery } from '../notification';
import { NOTIFICATIONS_MIGRATIONS } from '../notifications.migrations';
import { DEFAULT_NOTIFICATIONS_POLICY, NotificationsPolicy } from '../notifications.policy';
import { DeliveryOutbox } from '../outbox/delivery-outbox';
import { NotificationProducer } from './notification-producer';
import { NotificationPreferences } from '../preferences/notification-preferences';

class Users extends UserDirectory {
  constructor(private readonly users: readonly DirectoryUser[]) {
    super();
  }
  get(id: string) {
    return this.users.find((u) => u.id === id);
  }
  all() {
    return this.users;
  }
}

const users = new Users([
  { id: 'qc-1', name: '质控办甲', role: 'hospital', unit: 'h1', active: true, email: 'qc1@h1.example.cn', phone: '13800000001' },
  { id: 'qc-2', name: '质控办乙', role: 'hospital', unit: 'h1', active: true },
  { id: 'qc-gone', name: '已停用', role: 'hospital', unit: 'h1', active: false, email: 'gone@h1.example.cn' },
  { id: 'insp-1', name: '监督员', role: 'inspector', unit: 'county-1', active: true, email: 'insp@wjw.example.cn' },
]);
/** h1 lies under county-1: its overseers are county-1's inspectors. */
const units = new Map([
  ['county-1', { parentId: null }],
  ['h1', { parentId: 'county-1' }],
]);
const policy: NotificationsPolicy = {
  ...DEFAULT_NOTIFICATIONS_POLICY,
  webhooks: [
    { id: 'h1-oa', url: 'https://oa.h1.example.cn/hook', kinds: [], units: ['h1'], format: 'generic', secret: 's' },
    { id: 'other-oa', url: 'https://oa.h2.example.cn/hook', kinds: [], units: ['h2'], format: 'generic', secret: 's' },
  ],
};
const meta = (eventId: string) => ({
  eventId,
  correlationId: eventId,
  causationId: null,
  actor: SYSTEM_ACTOR,
  occurredAt: '2026-03-02T01:00:00.000Z',
  schemaVersion: 1,
});

describe.each(TEST_SQL_DIALECTS)('NotificationProducer on $name', (dialect) => {
  let test: TestSqlDatabase;
  let store: MemoryEventStore;
  let outbox: DeliveryOutbox;
  let cipher: PersonalDataCipher;
  const phonesRead: string[] = [];
  const todoPings: string[] = [];
  const producer = (channels: ChannelKind[], preferences?: NotificationPreferences) =>
    new NotificationProducer({
      todoChanged: (userId) => todoPings.push(userId),
      ...(preferences ? { preferences: (userId: string, kind: string) => preferences.channelsFor(userId, kind) } : {}),
      store,
      outbox,
      directory: users,
      units,
      policy: async () => policy,
      channels: new Set(channels),
      complainantPhone: async (subject, ciphertext) => {
        const identity = await cipher.decrypt(subject, ciphertext);
        const phone = 'phone' in identity ? (identity.phone ?? null) : null;
        if (phone) phonesRead.push(phone);
        return phone;
      },
    });
  const all = async (): Promise<Delivery[]> => outbox.claim('test', ['inbox', 'email', 'webhook', 'sms'], 500, 60_000);
  const feed = async (p: NotificationProducer, stream: string) => {
    for (const e of await store.readStream(stream)) await p.handle(e);
  };

  beforeEach(async () => {
    const clock = new FakeClock('2026-03-02T01:00:00.000Z');
    test = await dialect.open([NOTIFICATIONS_MIGRATIONS]);
    store = new MemoryEventStore(clock);
    outbox = new DeliveryOutbox(test.database, clock);
    cipher = new PersonalDataCipher(new MemorySubjectKeyStore(clock));
    phonesRead.length = 0;
    todoPings.length = 0;
  });
  afterEach(() => test.dispose());

  it('addresses a finding’s deadline warning to the institution’s active hospital users, each once even when handled twice', async () => {
    await store.append(
      'visit-v1',
      [{ type: 'VisitPlanned', data: { visitId: 'v1', institutionId: 'h1', inspectorIds: ['insp-1'] }, metadata: meta('e1') }],
      'any',
    );
    await store.append(
      'finding-f1',
      [
        {
          type: 'FindingOpened',
          data: { findingId: 'f1', visitId: 'v1', institutionId: 'h1', description: '处方点评不规范' },
          metadata: meta('e2'),
        },
        {
          type: 'DeadlineSet',
          data: { deadlineId: 'rectify', purpose: 'rectify', dueAt: '2026-03-20T16:00:00.000Z' },
          metadata: meta('e3'),
        },
        { type: 'DeadlineWarned', data: { deadlineId: 'rectify', dueAt: '2026-03-20T16:00:00.000Z' }, metadata: meta('e4') },
      ],
      'any',
    );
    const p = producer(['inbox', 'email', 'webhook']);
    await feed(p, 'finding-f1');
    await feed(p, 'finding-f1'); // a replay (crash before the checkpoint): nothing new
    const warnings = (await all()).filter((d) => d.notification.kind === 'deadlineWarning');
    expect(warnings.map((d) => `${d.notification.recipient.userId} ${d.channel}:${d.address}`).sort()).toEqual([
      'qc-1 email:qc1@h1.example.cn',
      'qc-1 inbox:qc-1',
      'qc-1 webhook:h1-oa', // the unit's OA once, on its first user
      'qc-2 inbox:qc-2',
    ]);
    expect(new Set(warnings.map((d) => d.notification.id)).size).toBe(2);
    expect(warnings[0]!.notification).toMatchObject({ link: '/cases/findings/f1', stream: 'finding-f1' });
  });

  it('leaves out the e-mail of a person who turned e-mail off for the kind, but keeps their inbox and the unit’s webhook', async () => {
    await store.append(
      'finding-f1',
      [
        {
          type: 'FindingOpened',
          data: { findingId: 'f1', visitId: 'v1', institutionId: 'h1', description: '处方点评不规范' },
          metadata: meta('e2'),
        },
        {
          type: 'DeadlineSet',
          data: { deadlineId: 'rectify', purpose: 'rectify', dueAt: '2026-03-20T16:00:00.000Z' },
          metadata: meta('e3'),
        },
        { type: 'DeadlineWarned', data: { deadlineId: 'rectify', dueAt: '2026-03-20T16:00:00.000Z' }, metadata: meta('e4') },
      ],
      'any',
    );
    const preferences = new NotificationPreferences(test.database, new FakeClock('2026-03-02T01:00:00.000Z'));
    await preferences.set('qc-1', { email: true, sms: true, overrides: [{ kind: 'deadlineWarning', email: false }] });
    await feed(producer(['inbox', 'email', 'webhook'], preferences), 'finding-f1');
    const warnings = (await all()).filter((d) => d.notification.kind === 'deadlineWarning');
    expect(warnings.map((d) => `${d.notification.recipient.userId} ${d.channel}:${d.address}`).sort()).toEqual([
      'qc-1 inbox:qc-1',
      'qc-1 webhook:h1-oa',
      'qc-2 inbox:qc-2',
    ]);
    // Whoever is told has a changed to-do list: their open consoles are pinged to re-read it.
    expect([...new Set(todoPings)].sort()).toEqual(['qc-1', 'qc-2']);
  });

  it('tells staff of a named complainant’s ticket without their identity, and the consenting complainant by SMS with the code only', async () => {
    const identityCiphertext = await cipher.encrypt('subj-1', { name: '李四', phone: '13912345678' });
    await store.append(
      'complaintTicket-t1',
      [
        {
          type: 'ComplaintReceived',
          data: {
            ticketId: 't1',
            ticketCode: 'TS-0042',
            description: '我是李四，急诊拒诊',
            complainant: { kind: 'named', subjectId: 'subj-1', identityCiphertext },
            receivingUnit: 'county-1',
            institutionId: null,
            notifyBySms: true,
          },
          metadata: meta('c1'),
        },
        { type: 'ComplaintDispatched', data: { ticketId: 't1', round: 1, institutionId: 'h1' }, metadata: meta('c2') },
      ],
      'any',
    );
    await feed(producer(['inbox', 'email', 'sms']), 'complaintTicket-t1');
    const sent = await all();
    const toComplainant = sent.filter((d) => d.notification.recipient.userId === 'complainant');
    expect(toComplainant.map((d) => `${d.channel}:${d.address}`)).toEqual(['sms:13912345678']);
    expect(toComplainant[0]!.notification.title).toBe('您的投诉 TS-0042 办理状态有更新');
    const staff = sent.filter((d) => d.notification.recipient.userId !== 'complainant');
    expect(staff.map((d) => `${d.notification.recipient.userId} ${d.channel}`).sort()).toContain('qc-1 inbox');
    for (const d of sent) {
      const { title, body, link } = d.notification;
      expect(`${title}${body}${link}`).not.toMatch(/李四|13912345678|急诊|subj-1/);
    }
    expect(phonesRead).toEqual(['13912345678']);
  });

  it('sends no SMS when SMS is not configured, and never reads the phone then', async () => {
    const identityCiphertext = await cipher.encrypt('subj-2', { phone: '13912345678' });
    await store.append(
      'complaintTicket-t2',
      [
        {
          type: 'ComplaintReceived',
          data: {
            ticketId: 't2',
            ticketCode: 'TS-0043',
            complainant: { kind: 'named', subjectId: 'subj-2', identityCiphertext },
            receivingUnit: 'county-1',
            notifyBySms: true,
          },
          metadata: meta('d1'),
        },
        { type: 'ComplaintDispatched', data: { ticketId: 't2', round: 1, institutionId: 'h1' }, metadata: meta('d2') },
      ],
      'any',
    );
    await feed(producer(['inbox']), 'complaintTicket-t2');
    expect((await all()).map((d) => d.channel)).toEqual(['inbox', 'inbox']);
    expect(phonesRead).toEqual([]);
  });

  it('tells the commission above of 督办 and of an extension request on a ticket a hospital’s own office holds', async () => {
    const received = {
      ticketId: 't3',
      ticketCode: 'TS-0044',
      complainant: { kind: 'anonymous' },
      receivingUnit: 'h1',
      institutionId: 'h1',
    };
    await store.append(
      'complaintTicket-t3',
      [
        { type: 'ComplaintReceived', data: received, metadata: meta('e1') },
        { type: 'ComplaintExtensionRequested', data: { ticketId: 't3', deadlineId: 'answer', reason: '需调取病历' }, metadata: meta('e2') },
        { type: 'ComplaintSupervised', data: { ticketId: 't3', trigger: 'answer-overdue' }, metadata: meta('e3') },
      ],
      'any',
    );
    await feed(producer(['inbox']), 'complaintTicket-t3');
    const told = (await all()).map((d) => `${d.notification.title} → ${d.notification.recipient.userId}`).sort();
    // The request is the commission's to decide: not sent back to the office that made it.
    expect(told.filter((line) => line.startsWith('延期申请待审批'))).toEqual(['延期申请待审批：投诉 TS-0044 → insp-1']);
    expect(told.filter((line) => line.startsWith('督办'))).toEqual([
      '督办：投诉 TS-0044 → insp-1',
      '督办：投诉 TS-0044 → qc-1',
      '督办：投诉 TS-0044 → qc-2',
    ]);
  });
});
