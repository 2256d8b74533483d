import { DemoHarness } from './demo-harness';
import { expectState } from './demo-failure';
import { Json } from './demo-http';
import { DemoOutput, heading, nextWorkingMorning, ok, shanghaiDay, shanghaiTime } from './demo-print';
import { COMPLAINT_HOSPITAL, COMPLAINT_INSPECTOR, COMPLAINT_INSTITUTION, IDENTITY, STAFF_ID, TicketKeys } from './complaint-fixtures';
import { printConsequences, printPublicStatus, printTimeline, printViews } from './complaint-report';

const INSPECTOR = COMPLAINT_INSPECTOR;
const HOSPITAL = COMPLAINT_HOSPITAL;
const INSTITUTION = COMPLAINT_INSTITUTION;

const nextMorning = (h: DemoHarness): string => nextWorkingMorning(h.clock.now().toISOString(), 9.5);

/**
 * Story 2 (issue 5, item 6): a named complaint through the public entry; commission staff pick it
 * up and dispatch it; the hospital acknowledges, investigates, decides (substantiated, naming a
 * staff member) and answers; the patient checks the status with code + secret and rates; the
 * ticket closes. Then the timeline, the public view, what the hospital and a leader see, and the
 * consequences in the ethics and credit archives.
 */
export async function complaintStory(h: DemoHarness, out: DemoOutput): Promise<TicketKeys> {
  const http = h.http;
  heading(out, '2. Complaint story — 投诉 · 转办 · 答复 · 回访 · 办结');
  await h.advanceTo(nextMorning(h));

  let step = 'submit-public-complaint';
  const submitted = await http.post(
    step,
    null,
    '/public/complaints',
    {
      category: 'red-envelopes-kickbacks',
      description: '母亲手术前，外科医生暗示需要“表示一下”，家属被迫送了红包。',
      institutionId: INSTITUTION,
      identity: IDENTITY,
    },
    201,
  );
  const ticketCode = String(submitted['ticketCode']);
  const secret = String(submitted['secret']);
  expectState(
    step,
    /^[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(ticketCode) && secret.length >= 20,
    `expected a ticket code and a secret, got ${JSON.stringify(submitted)}`,
  );
  ok(
    out,
    step,
    `${shanghaiTime(h.clock.now().toISOString())} 实名投诉（公众入口），投诉编号 ${ticketCode}，查询密码 ${secret.slice(0, 6)}…`,
  );

  step = 'commission-receives';
  const list = await http.get(step, INSPECTOR, '/complaints?status=received');
  const item = (list['items'] as Json[] | undefined)?.find((i) => i['ticketCode'] === ticketCode);
  expectState(step, item !== undefined, `ticket ${ticketCode} should be listed for ${INSPECTOR}`);
  const ticketId = String(item!['ticketId']);
  ok(out, step, `赵监督员在待办中看到 ${ticketCode}（${ticketId}），首诉负责单位 ${String(item!['receivingUnit'])}`);

  step = 'dispatch';
  const dispatched = await http.post(step, INSPECTOR, `/complaints/${ticketId}/dispatch`, {
    institutionId: INSTITUTION,
    complexity: 'simple',
  });
  expectState(step, dispatched['status'] === 'dispatched', `status should be dispatched, got ${String(dispatched['status'])}`);
  const d = await http.get(step, INSPECTOR, `/complaints/${ticketId}`);
  ok(out, step, `转办甲市第一人民医院：签收时限 ${shanghaiDay(d['acknowledgeDueAt'])}，答复时限 ${shanghaiDay(d['answerDueAt'])}`);

  await h.advanceTo(nextMorning(h));
  step = 'hospital-acknowledges';
  const acked = await http.post(step, HOSPITAL, `/complaints/${ticketId}/acknowledge`);
  expectState(step, acked['status'] === 'acknowledged', `status should be acknowledged, got ${String(acked['status'])}`);
  ok(out, step, `${shanghaiDay(h.clock.now().toISOString())} 医院签收`);

  step = 'hospital-investigates';
  await http.post(step, HOSPITAL, `/complaints/${ticketId}/investigation-notes`, { note: '调阅病历与监控，约谈外科当班医生及护士' });
  ok(out, step, '调查核实：调阅病历与监控，约谈当事人');

  await h.advanceTo(nextMorning(h));
  step = 'hospital-decides';
  const decided = await http.post(step, HOSPITAL, `/complaints/${ticketId}/decision`, {
    decision: 'substantiated',
    findings: '经核实，该医生收受红包2000元属实',
    implicatedStaffId: STAFF_ID,
  });
  expectState(step, decided['status'] === 'decided', `status should be decided, got ${String(decided['status'])}`);
  ok(out, step, `处理意见：属实，涉及人员 ${STAFF_ID}`);

  step = 'hospital-answers';
  const answered = await http.post(step, HOSPITAL, `/complaints/${ticketId}/answer`, {
    answer: '经查属实，红包已退还，涉事医生已停职并通报批评。感谢您的监督。',
  });
  expectState(step, answered['status'] === 'answered', `status should be answered, got ${String(answered['status'])}`);
  ok(out, step, '答复投诉人（公众可见）');

  await h.advanceTo(nextMorning(h));
  step = 'patient-checks-status';
  const status = await http.get(step, null, `/public/complaints/${ticketCode}`, { headers: { 'X-Ticket-Secret': secret } });
  expectState(
    step,
    status['step'] === 'answered' && status['canRate'] === true,
    `public step should be answered and rateable, got ${JSON.stringify(status)}`,
  );
  ok(out, step, `投诉人凭编号+密码查询：已答复，可评价`);

  step = 'patient-rates';
  const rated = await http.post(step, null, `/public/complaints/${ticketCode}/rating`, {
    secret,
    rating: 'satisfied',
    comment: '处理及时，满意',
  });
  expectState(step, rated['status'] === 'followed-up', `status should be followed-up, got ${JSON.stringify(rated)}`);
  ok(out, step, '投诉人评价：满意');

  step = 'close-ticket';
  const closed = await http.post(step, INSPECTOR, `/complaints/${ticketId}/close`, {});
  const final = await http.get(step, INSPECTOR, `/complaints/${ticketId}`);
  expectState(
    step,
    closed['status'] === 'closed' && final['status'] === 'closed' && final['answeredOnTime'] === true,
    `the ticket should be closed, answered on time; got ${JSON.stringify({ status: final['status'], answeredOnTime: final['answeredOnTime'] })}`,
  );
  ok(out, step, `${shanghaiDay(h.clock.now().toISOString())} 办结（按时签收、按时答复）`);
  await h.settle();

  const keys = { ticketCode, secret, ticketId };
  await printTimeline(h, out, ticketId);
  await printPublicStatus(h, out, keys);
  await printViews(h, out, ticketId);
  await printConsequences(h, out, ticketId);
  return keys;
}
