import { DemoHarness } from './demo-harness';
import { expectState } from './demo-failure';
import { Json } from './demo-http';
import { DemoOutput, shanghaiTime, table } from './demo-print';
import { SATISFACTION_RATING_LABELS, SatisfactionRating } from '@bihuan/complaints';
import { actorText, isBookkeeping, summarise } from './demo-summaries';
import { COMPLAINT_HOSPITAL, COMPLAINT_INSTITUTION, COMPLAINT_LEADER, IDENTITY, STAFF_ID, TicketKeys } from './complaint-fixtures';

const LEADER = COMPLAINT_LEADER;
const HOSPITAL = COMPLAINT_HOSPITAL;
const IDENTITY_TEXT = [IDENTITY.name, IDENTITY.phone];

/** The ticket's timeline as the commission sees it (no identity in it either). */
export async function printTimeline(h: DemoHarness, out: DemoOutput, ticketId: string): Promise<void> {
  const detail = await h.http.get('print-ticket-timeline', LEADER, `/complaints/${ticketId}`);
  const history = (detail['history'] as Json[] | undefined) ?? [];
  out.line('');
  const shown = history.filter((e) => !isBookkeeping(e));
  out.line(`  投诉件时间线（${shown.length} 条事件，另有 ${history.length - shown.length} 条时限记录未列出；北京时间）`);
  const rows = shown.map((e) => [shanghaiTime(e['at']), actorText(e['actor']), String(e['type']), summarise(e)]);
  for (const line of table(['时间', '操作人（角色，单位）', '事件', '摘要'], [16, 44, 27, 60], rows)) out.line(`  ${line}`);
}

/** What the complainant sees with code + secret — and only that. */
export async function printPublicStatus(h: DemoHarness, out: DemoOutput, keys: TicketKeys): Promise<void> {
  const step = 'public-status-view';
  const s = await h.http.post(step, null, `/public/complaints/${keys.ticketCode}/status`, { secret: keys.secret });
  expectState(
    step,
    s['step'] === 'closed' && s['rating'] === 'satisfied',
    `public status should be closed and rated, got ${JSON.stringify(s)}`,
  );
  const wrong = await h.http.probe(step, null, `/public/complaints/${keys.ticketCode}`);
  expectState(step, wrong.status === 404, `without the secret the status must be 404, got ${wrong.status}`);
  out.line('');
  out.line(`  公众查询视图（编号 ${keys.ticketCode} + 密码；字段：${Object.keys(s).join(', ')}）`);
  out.line(
    `    进度 ${String(s['step'])} · 受理 ${shanghaiTime(s['receivedAt'])} · 答复 ${shanghaiTime(s['answeredAt'])} · 办结 ${shanghaiTime(s['closedAt'])} · 评价 ${SATISFACTION_RATING_LABELS[s['rating'] as SatisfactionRating] ?? String(s['rating'] ?? '')}`,
  );
  out.line(`    答复内容：${String(s['answer'])}`);
  out.line(`    无密码查询 → HTTP ${wrong.status}（与编号不存在相同）`);
}

/** The hospital sees no identity (and may not ask); a leader sees it on request, and the read is recorded. */
export async function printViews(h: DemoHarness, out: DemoOutput, ticketId: string): Promise<void> {
  let step = 'hospital-view';
  const seen = await h.http.get(step, HOSPITAL, `/complaints/${ticketId}`);
  const text = JSON.stringify(seen);
  expectState(
    step,
    !('complainant' in seen) && IDENTITY_TEXT.every((t) => !text.includes(t)),
    'the hospital view must not contain the complainant',
  );
  const denied = await h.http.probe(step, HOSPITAL, `/complaints/${ticketId}/complainant?purpose=curious`);
  expectState(step, denied.status === 403, `the hospital asking for the identity must get 403, got ${denied.status}`);
  out.line('');
  out.line(
    `  医院视图（甲市一院质控办）：状态 ${String(seen['status'])}，处理意见 ${String(seen['decision'])}；投诉人字段：无；请求身份 → HTTP ${denied.status} ${String(denied.body?.['code'] ?? '')}`,
  );

  step = 'leader-view';
  const lead = await h.http.get(step, LEADER, `/complaints/${ticketId}`);
  const complainant = (lead['complainant'] ?? {}) as Json;
  const shown = await h.http.get(step, LEADER, `/complaints/${ticketId}/complainant?purpose=${encodeURIComponent('核实回访')}`);
  const identity = (shown['identity'] ?? {}) as Json;
  expectState(
    step,
    complainant['kind'] === 'named' && identity['name'] === IDENTITY_TEXT[0],
    `the leader should see a named complainant and the identity on request, got ${JSON.stringify(shown)}`,
  );
  out.line(
    `  领导视图（李局长）：投诉人 ${String(complainant['kind'])}，主体 ${String(complainant['subjectId'])}；按需解密 → ${String(identity['name'])} ${String(identity['phone'])}（事件中只有 SM4 密文）`,
  );
  const log = await h.http.get(step, LEADER, `/audit/access-log?subjectId=${encodeURIComponent(String(complainant['subjectId']))}`);
  const reads = ((log['rows'] as Json[] | undefined) ?? []).filter((r) => r['action'] === 'reveal');
  expectState(step, reads.length >= 1, `the identity read should be in the access log, got ${JSON.stringify(log).slice(0, 300)}`);
  const last = reads[0]!;
  out.line(
    `  访问日志：${shanghaiTime(last['at'])} ${actorText(last['reader'])} ${String(last['action'])}，目的“${String(last['purpose'])}”，结果 ${String(last['outcome'])}`,
  );
}

/**
 * Ethics record and credit points sent by the complaintConsequences saga, read from the audit's
 * merged case history (complaint → saga → archives) — or a note that they are not wired.
 */
export async function printConsequences(h: DemoHarness, out: DemoOutput, ticketId: string): Promise<void> {
  const step = 'consequences';
  out.line('');
  out.line('  后果（complaintConsequences 流程，审计合并时间线中由本投诉引起的事件）：');
  const history = await h.http.probe(
    step,
    LEADER,
    `/audit/cases/complaintTicket-${ticketId}/history?pageSize=500&purpose=${encodeURIComponent('演示')}`,
  );
  const caused = ((history.body?.['entries'] as Json[] | undefined) ?? []).filter(
    (e) => /^(ethicsArchive|creditArchive|creditPoints)-/.test(String(e['stream'])) && e['linked'] !== false,
  );
  const ethics = await h.http.probe(step, LEADER, `/ethics/archives/${STAFF_ID}`);
  const records = ((ethics.body?.['records'] as Json[] | undefined) ?? []).filter((r) => JSON.stringify(r).includes(ticketId));
  const level = await h.http.probe(step, LEADER, `/credit/archives/${COMPLAINT_INSTITUTION}/level`);
  if (history.status !== 200 || caused.length === 0) {
    out.line(
      `    未见后果事件（GET /audit/cases/complaintTicket-${ticketId}/history → HTTP ${history.status}）— the consequence sagas are not wired`,
    );
  }
  for (const e of caused)
    out.line(`    ${String(e['stream']).padEnd(26)} ${String(e['type']).padEnd(22)} ${String(e['summary'] ?? summarise(e))}`);
  out.line(
    ethics.status === 200 && records.length > 0
      ? `    医德档案 ${STAFF_ID}：${records.length} 条来自本投诉的记录`
      : `    医德档案 ${STAFF_ID}：无本投诉的记录（HTTP ${ethics.status}）— ethics saga not wired`,
  );
  const lv = level.body ?? {};
  out.line(
    level.status === 200
      ? `    甲市第一人民医院信用等级 ${String(lv['level'])}（${String(lv['reason'])}），本周期记分 ${String(lv['cyclePoints'])}（含暗访问题的记分）`
      : `    信用等级：HTTP ${level.status} — credit context not wired`,
  );
}
