import Database from 'better-sqlite3';
import { eventually } from '@bihuan/testing';
import { onePixelPng, uploadEvidence } from '../../testing/evidence-upload';
import { TestApp } from '../../testing/test-app';

type Body = Record<string, unknown>;

/**
 * 2025年医德医风专项行动 of 甲市 over its general and TCM hospitals (hosp-a1-1, hosp-a1-2): a
 * 实施方案 due Friday 7 March (a few working days after a Monday launch), then 月报 at each month's
 * end — 31 May is a Saturday of 端午, so May's falls due on Tuesday 3 June.
 */
export const REPORTING_CAMPAIGN = {
  title: '2025年医德医风专项行动',
  year: 2025,
  scope: { institutionTypes: ['general_hospital', 'tcm_hospital'] },
  phases: [
    { name: '宣传动员', from: '2025-03-01', to: '2025-03-15', reports: [{ kind: 'implementation-plan', due: '2025-03-07' }] },
    { name: '集中整治', from: '2025-03-16', to: '2025-05-31', reports: [{ kind: 'monthly-report', recurrence: 'monthly' }] },
  ],
};

export interface DutyItem {
  readonly dutyId: string;
  readonly institutionId: string;
  readonly kind: string;
  readonly dueOn: string;
  readonly dueAt: string;
  readonly status: string;
  readonly onTime: boolean | null;
  readonly overdue: boolean;
  readonly escalationRung: string | null;
}

/** A user's duties, as GET /report-duties lists them (one page is enough here). */
export async function duties(t: TestApp, user: string, query = ''): Promise<DutyItem[]> {
  const res = await t.http.get(`/report-duties?pageSize=100${query}`).set(t.auth(user));
  if (res.status !== 200) throw new Error(`GET /report-duties as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { items: DutyItem[] }).items;
}

/** The duty of `institutionId` for the report due `dueOn`. */
export async function dutyOf(t: TestApp, user: string, institutionId: string, dueOn: string): Promise<DutyItem> {
  const found = (await duties(t, user)).find((d) => d.institutionId === institutionId && d.dueOn === dueOn);
  if (!found) throw new Error(`no duty of ${institutionId} due ${dueOn} for ${user}`);
  return found;
}

/** Uploads a small file to the duty as `user` (201) and answers its digest. */
export async function reportFile(t: TestApp, user: string, dutyId: string, shade = 0x40): Promise<string> {
  const ack = await uploadEvidence(t, user, `/report-duties/${dutyId}/evidence`, {
    file: onePixelPng(shade),
    name: '实施方案.png',
    note: '盖章扫描件',
  });
  return (ack['file'] as { digest: string }).digest;
}

/** The user's to-do items of the reporting kinds. */
export async function reportTodos(t: TestApp, user: string): Promise<Body[]> {
  await t.settle();
  const res = await t.http.get('/me/todos').set(t.auth(user));
  if (res.status !== 200) throw new Error(`GET /me/todos as ${user}: ${res.status}`);
  return (res.body as { items: Body[] }).items.filter((i) => String(i['kind']).startsWith('report-duty'));
}

interface Delivery {
  readonly address: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
}

/** The inbox notifications the producer enqueued (read from the outbox table), once `expected` of a kind are there. */
export async function inboxNotes(db: Database.Database, kind: string, expected: number): Promise<Delivery[]> {
  const rows = (): Delivery[] =>
    db
      .prepare(
        `SELECT address, json_extract(notification, '$.kind') AS kind, json_extract(notification, '$.title') AS title,
                json_extract(notification, '$.body') AS body
           FROM notification_deliveries WHERE channel = 'inbox'`,
      )
      .all()
      .filter((r) => (r as Delivery).kind === kind) as Delivery[];
  await eventually(() => rows().length >= expected, `${expected} ${kind} notification(s)`);
  return rows();
}
