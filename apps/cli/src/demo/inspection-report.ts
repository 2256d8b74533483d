import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESCALATION_RUNG_LABELS, EscalationRung, LedgerRow, progressText } from '@bihuan/inspection';
import { DemoHarness } from './demo-harness';
import { expectState } from './demo-failure';
import { Json } from './demo-http';
import { DemoOutput, shanghaiDay, shanghaiTime, table } from './demo-print';
import { actorText, isBookkeeping, summarise } from './demo-summaries';
import { INSTITUTION, LEADER } from './inspection-fixtures';

/** The institution's 整改台账 as a table, with the summary line; checks there are three rows and one reopened. */
export async function printLedger(h: DemoHarness, out: DemoOutput): Promise<void> {
  const step = 'print-ledger';
  const ledger = await h.http.get(step, LEADER, `/ledgers/institutions/${INSTITUTION}`);
  const rows = (ledger['rows'] as LedgerRow[] | undefined) ?? [];
  const summary = (ledger['summary'] ?? {}) as Json;
  expectState(step, rows.length === 3, `the ledger should have 3 rows, got ${rows.length}`);
  expectState(
    step,
    rows.filter((r) => r.signedOff).length === 2 && rows.filter((r) => r.round === 2 && !r.signedOff).length === 1,
    `the ledger should show 2 rows signed off and 1 reopened, got ${JSON.stringify(rows.map((r) => [r.status, r.round]))}`,
  );
  out.line('');
  out.line(`  整改台账 — ${String(ledger['institutionName'] ?? INSTITUTION)}（李局长查看，${shanghaiTime(h.clock.now().toISOString())}）`);
  const body = rows.map((r) => [
    String(r.seq),
    r.description,
    r.measures ?? '',
    r.responsiblePerson ?? '',
    shanghaiDay(r.deadline),
    `${r.round > 1 ? `第${r.round}轮：` : ''}${progressText(r)}`,
    r.signedOff ? '是' : '否',
    r.escalationRung ? ESCALATION_RUNG_LABELS[r.escalationRung as EscalationRung] : '—',
  ]);
  for (const line of table(
    ['序号', '问题', '整改措施', '责任人', '整改时限', '完成情况', '是否销号', '督办级别'],
    [4, 24, 28, 8, 10, 38, 8, 10],
    body,
  ))
    out.line(`  ${line}`);
  out.line(
    `  合计 ${String(summary['total'])} 项：已销号 ${String(summary['signedOff'])}，未销号 ${String(summary['open'])}，逾期 ${String(summary['overdue'])}`,
  );
}

/** One finding's full history: time (Shanghai), actor (name, role, unit), event type, summary. */
export async function printFindingHistory(h: DemoHarness, out: DemoOutput, findingId: string, title: string): Promise<void> {
  const step = 'print-finding-history';
  const history = await h.http.get(step, LEADER, `/findings/${findingId}/history`);
  const entries = (history['entries'] as Json[] | undefined) ?? [];
  expectState(
    step,
    entries.some((e) => e['type'] === 'FindingEscalated') && entries.some((e) => e['type'] === 'ExtensionApproved'),
    `the history of ${findingId} should show escalations and the approved extension (got ${entries.length} entries)`,
  );
  // Deadline timers and workflow records are folded away, as the audit history does by default.
  const shown = entries.filter((e) => !isBookkeeping(e));
  out.line('');
  out.line(`  ${title} 全过程（${shown.length} 条事件，另有 ${entries.length - shown.length} 条时限记录未列出；北京时间）`);
  const body = shown.map((e) => [shanghaiTime(e['occurredAt']), actorText(e['actor']), String(e['type']), summarise(e)]);
  for (const line of table(['时间', '操作人（角色，单位）', '事件', '摘要'], [16, 44, 29, 60], body)) out.line(`  ${line}`);
}

/** Downloads the institution ledger as XLSX and CSV from the export endpoints into the data dir. */
export async function writeExports(h: DemoHarness, out: DemoOutput): Promise<string[]> {
  const step = 'export-ledger';
  const names: string[] = [];
  for (const format of ['xlsx', 'csv'] as const) {
    const file = await h.http.download(step, LEADER, `/ledgers/institutions/${INSTITUTION}/export?format=${format}`);
    const magic =
      format === 'xlsx'
        ? file.body.subarray(0, 2).toString('latin1') === 'PK'
        : file.body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    expectState(
      step,
      magic,
      `the ${format} export should start with ${format === 'xlsx' ? 'PK (zip)' : 'a UTF-8 BOM'} (content-type ${file.contentType})`,
    );
    const name = file.fileName.replace(/[\\/]/g, '_');
    writeFileSync(join(h.dir, name), file.body);
    names.push(name);
  }
  out.line('');
  out.line(`  导出文件（写入临时目录）：${names.join('，')}`);
  return names;
}
