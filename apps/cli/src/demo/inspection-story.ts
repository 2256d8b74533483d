import { ESCALATION_RUNG_LABELS, EscalationRung } from '@bihuan/inspection';
import { DemoHarness } from './demo-harness';
import { expectState } from './demo-failure';
import { DemoHttp, Json } from './demo-http';
import { DemoOutput, heading, nextWorkingMorning, ok, shanghaiDay, shanghaiTime } from './demo-print';
import { HOSPITAL, INSPECTOR, INSTITUTION, LEADER } from './inspection-fixtures';
import { printFindingHistory, printLedger, writeExports } from './inspection-report';

/** A 1×1 PNG: the demo's photos are this image with a caption after its end, so each is its own file (its own SM3). */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Uploads a photo to a finding as `user` and answers its digest, for a step to cite. */
async function photo(http: DemoHttp, step: string, user: string, findingId: string, name: string): Promise<string> {
  const bytes = Buffer.concat([PIXEL, Buffer.from(name, 'utf8')]);
  const ack = await http.upload(step, user, `/findings/${findingId}/evidence`, { bytes, name: `${name}.png`, type: 'image/png' });
  return String((ack['file'] as Json)['digest']);
}

const FINDINGS = [
  {
    category: 'red-envelopes',
    severity: 'severe',
    description: '外科病房医生收受患者红包',
    evidence: ['暗访录音-01'],
    responsibleDepartment: '外科',
    responsiblePerson: '张主任',
    requiredAction: 'deadline',
  },
  {
    category: 'disclosure',
    severity: 'general',
    description: '门诊大厅未公示收费标准',
    evidence: ['现场照片-02'],
    responsibleDepartment: '财务科',
    responsiblePerson: '王科长',
    requiredAction: 'deadline',
  },
  {
    category: 'service-attitude',
    severity: 'serious',
    description: '门诊推诿患者、态度生硬',
    evidence: ['暗访录音-03'],
    responsibleDepartment: '门诊部',
    responsiblePerson: '李护士长',
    requiredAction: 'deadline',
  },
] as const;
const MEASURES = ['全院警示教育，签订廉洁承诺书', '在门诊大厅和官网公示收费标准', '开展服务礼仪培训，首诉负责'];

/** 09:00 Shanghai on the first working day after an instant (e.g. the morning after a deadline). */
const after = (instant: unknown): string => nextWorkingMorning(String(instant));
const rungLabel = (r: unknown): string => ESCALATION_RUNG_LABELS[r as EscalationRung] ?? String(r);

export interface InspectionOutcome {
  readonly visitId: string;
  readonly findingIds: readonly string[];
}

/**
 * Story 1 (issue 4, item 5): an unannounced visit (暗访) with three findings; two rectified and
 * signed off (销号); one overdue climbs the ladder to a summons, is extended and finally signed
 * off; a re-check (回头看) reopens one. Every step checks its HTTP status and the state after it.
 */
export async function inspectionStory(h: DemoHarness, out: DemoOutput): Promise<InspectionOutcome> {
  const http = h.http;
  const row = async (step: string, findingId: string): Promise<Json> => {
    const ledger = await http.get(step, LEADER, `/ledgers/institutions/${INSTITUTION}`);
    const found = (ledger['rows'] as Json[] | undefined)?.find((r) => r['findingId'] === findingId);
    expectState(step, found !== undefined, `ledger of ${INSTITUTION} has no row for ${findingId}`);
    return found!;
  };
  heading(out, '1. Inspection story — 暗访 · 整改 · 销号 · 督办 · 回头看');
  out.line(`  时间从 ${shanghaiTime(h.clock.now().toISOString())}（北京时间）开始；检查人 赵监督员，被检查机构 甲市第一人民医院`);

  let step = 'plan-and-record-visit';
  const day = shanghaiDay(h.clock.now().toISOString());
  const visitId = String(
    (await http.post(step, INSPECTOR, '/visits', { kind: 'unannounced', institutionId: INSTITUTION, plannedDate: day }, 201))['id'],
  );
  await http.post(step, INSPECTOR, `/visits/${visitId}/record`, { conductedOn: day, summary: '暗访门诊、住院部' });
  ok(out, step, `暗访 ${visitId}，${day} 实施`);

  step = 'open-three-findings';
  const ids: string[] = [];
  for (const f of FINDINGS) ids.push(String((await http.post(step, INSPECTOR, `/visits/${visitId}/findings`, f, 201))['id']));
  const visit = await http.get(step, LEADER, `/visits/${visitId}`);
  expectState(
    step,
    visit['status'] === 'findingsRegistered' && (visit['findingIds'] as unknown[]).length === 3,
    `visit should be findingsRegistered with 3 findings, got ${JSON.stringify({ status: visit['status'], findingIds: visit['findingIds'] })}`,
  );
  ok(out, step, `3 个问题：${FINDINGS.map((f) => f.description).join('；')}`);
  const [f1, f2, f3] = ids as [string, string, string];

  step = 'issue-rectification-notices';
  for (const [i, id] of ids.entries()) await http.post(step, INSPECTOR, `/findings/${id}/notice`, { noticeNo: `整改〔2025〕${i + 1}号` });
  const due3 = (await row(step, f3))['deadline'];
  expectState(step, typeof due3 === 'string', `row ${f3} should have a rectification deadline, got ${String(due3)}`);
  ok(out, step, `下发整改通知书 3 份，整改时限 ${shanghaiDay(due3)}（15个工作日）`);

  step = 'submit-plans';
  await h.advanceTo('2025-03-07T02:00:00.000Z');
  for (const [i, id] of ids.entries())
    await http.post(step, HOSPITAL, `/findings/${id}/plan`, { measures: MEASURES[i], responsiblePerson: FINDINGS[i]!.responsiblePerson });
  ok(out, step, `医院提交 3 份整改措施（${shanghaiDay(h.clock.now().toISOString())}）`);

  step = 'rectify-two-and-request-sign-off';
  await h.advanceTo('2025-03-12T02:00:00.000Z');
  for (const id of [f1, f2]) {
    await http.post(step, HOSPITAL, `/findings/${id}/progress`, {
      summary: '已完成整改',
      evidence: [await photo(http, step, HOSPITAL, id, `整改照片-${id.slice(-2)}`)],
      percentComplete: 100,
    });
    await http.post(step, HOSPITAL, `/findings/${id}/sign-off-request`, {
      summary: '整改完成，申请销号',
      evidence: [await photo(http, step, HOSPITAL, id, `承诺书-${id.slice(-2)}`)],
    });
  }
  expectState(step, (await row(step, f1))['status'] === 'signOffRequested', `row ${f1} should be signOffRequested`);
  ok(out, step, '问题1、2 报告进展（附证据）并申请销号');

  step = 'sign-off-two';
  await h.advanceTo('2025-03-13T02:00:00.000Z');
  await http.post(step, INSPECTOR, `/findings/${f1}/sign-off`, { comment: '同意销号' });
  await http.post(step, INSPECTOR, `/findings/${f2}/sign-off`, { comment: '同意销号' });
  const r1 = await row(step, f1);
  const r2 = await row(step, f2);
  expectState(
    step,
    r1['signedOff'] === true && r2['signedOff'] === true && r1['recheckStatus'] === 'scheduled',
    `rows 1 and 2 should be signed off, row 1 with a re-check scheduled; got ${JSON.stringify([r1['status'], r2['status'], r1['recheckStatus']])}`,
  );
  ok(out, step, `问题1、2 销号；问题1 为严重问题，回头看定于 ${shanghaiDay(r1['recheckDueAt'])}`);

  step = 'third-goes-overdue';
  await h.advanceTo(after(due3));
  let r3 = await row(step, f3);
  expectState(
    step,
    r3['overdue'] === true && r3['escalationRung'] === 'reminder-letter',
    `row 3 should be overdue at reminder-letter, got ${JSON.stringify({ overdue: r3['overdue'], rung: r3['escalationRung'] })}`,
  );
  ok(out, step, `${shanghaiDay(due3)} 逾期未完成 → ${rungLabel(r3['escalationRung'])}，限 ${shanghaiDay(r3['currentDueAt'])}`);

  step = 'climb-to-summons';
  for (let i = 0; i < 4 && r3['escalationRung'] !== 'summons'; i += 1) {
    await h.advanceTo(after(r3['currentDueAt']));
    r3 = await row(step, f3);
    ok(
      out,
      step,
      `仍未整改 → 第${String(r3['escalationStep'])}级 ${rungLabel(r3['escalationRung'])}，限 ${shanghaiDay(r3['currentDueAt'])}`,
    );
  }
  expectState(
    step,
    r3['escalationRung'] === 'summons' && r3['overdue'] === true,
    `row 3 should reach summons, got ${JSON.stringify(r3['escalationRung'])}`,
  );

  step = 'extend-third';
  const before = String(r3['currentDueAt']);
  const asked = await http.post(step, HOSPITAL, `/findings/${f3}/extension-request`, {
    reason: '需分批开展全员轮训',
    requestedDueAt: shanghaiDay(new Date(Date.parse(before) + 10 * 86_400_000).toISOString()),
  });
  await http.post(step, INSPECTOR, `/findings/${f3}/extension-approval`, {
    extensionId: asked['extensionId'],
    workingDays: 5,
    comment: '同意延期5个工作日',
  });
  r3 = await row(step, f3);
  expectState(
    step,
    r3['extensionsApproved'] === 1 && String(r3['currentDueAt']) > before,
    `row 3 should be extended past ${before}, got ${JSON.stringify({ due: r3['currentDueAt'], approved: r3['extensionsApproved'] })}`,
  );
  ok(out, step, `延期：理由“需分批开展全员轮训”，赵监督员批准，${shanghaiDay(before)} → ${shanghaiDay(r3['currentDueAt'])}`);

  step = 'sign-off-third';
  await h.advanceTo(nextWorkingMorning(h.clock.now().toISOString()));
  await http.post(step, HOSPITAL, `/findings/${f3}/progress`, {
    summary: '已完成全员培训',
    evidence: [await photo(http, step, HOSPITAL, f3, '培训签到表-31')],
    percentComplete: 100,
  });
  await http.post(step, HOSPITAL, `/findings/${f3}/sign-off-request`, {
    summary: '整改完成，申请销号',
    evidence: [await photo(http, step, HOSPITAL, f3, '整改报告-32')],
  });
  await http.post(step, INSPECTOR, `/findings/${f3}/sign-off`, { comment: '逾期完成，予以销号' });
  r3 = await row(step, f3);
  const closed = await http.get(step, LEADER, `/visits/${visitId}`);
  expectState(
    step,
    r3['signedOff'] === true && r3['onTime'] === false && closed['status'] === 'closed',
    `row 3 should be signed off late and the visit closed, got ${JSON.stringify({ signedOff: r3['signedOff'], onTime: r3['onTime'], visit: closed['status'] })}`,
  );
  ok(out, step, `问题3 逾期完成并销号；暗访全部销号，检查关闭`);

  step = 'recheck-reopens-first';
  await h.advanceTo(after(r1['recheckDueAt']));
  await http.post(step, INSPECTOR, `/findings/${f1}/recheck`, {
    outcome: 'reopened',
    notes: '回头看发现红包问题反弹',
    evidence: [await photo(http, step, INSPECTOR, f1, '回头看记录-90')],
  });
  const detail = await http.get(step, LEADER, `/findings/${f1}`);
  const reopened = await row(step, f1);
  const visitAgain = await http.get(step, LEADER, `/visits/${visitId}`);
  expectState(
    step,
    detail['status'] === 'noticeIssued' &&
      reopened['round'] === 2 &&
      reopened['signedOff'] === false &&
      visitAgain['status'] === 'findingsRegistered',
    `finding 1 should be reopened in round 2 and the visit open again, got ${JSON.stringify({ status: detail['status'], round: reopened['round'], visit: visitAgain['status'] })}`,
  );
  ok(
    out,
    step,
    `${shanghaiDay(h.clock.now().toISOString())} 回头看：问题1 反弹，第2轮整改至 ${shanghaiDay(reopened['deadline'])}；检查重新打开`,
  );

  await printLedger(h, out);
  await printFindingHistory(h, out, f3, '问题3（门诊推诿患者）');
  await writeExports(h, out);
  return { visitId, findingIds: ids };
}
