import { Actor, ROLE_LABELS, shanghaiDateTime } from '@bihuan/core';
import { HistoryEntry } from '../history/case-history.types';
import { IntegrityReport } from '../integrity/integrity-report';
import { DOSSIER_SCRIPT_ID, DossierPayload } from './dossier.types';
import { escapeHtml as h, scriptSafeJson } from './html-text';
import { timelineHtml, TimelineRow } from './dossier-timeline';
import { fileChecksHtml, filesHtml } from './dossier-files-html';
import { DossierAttachment } from './dossier.types';

/** `2025-03-03 09:00:00` Shanghai time for people (the ISO instant stays in the JSON block); unparseable text as it is. */
const t = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : shanghaiDateTime(iso));

const STATUS_LABELS: Readonly<Record<string, string>> = { pending: '计时中', paused: '已停表', expired: '已超期' };

const CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;font-size:12px}
h1{font-size:20px;margin:0 0 8px}h2{font-size:15px;border-bottom:2px solid #444;padding-bottom:2px;margin-top:24px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}
th{background:#eee}.ok{color:#0a6b2d;font-weight:bold}.bad{color:#b00020;font-weight:bold}
.ctx{color:#777}.mono{font-family:monospace;font-size:10px;word-break:break-all}pre{margin:0;white-space:pre-wrap;font-size:11px}
dl{display:grid;grid-template-columns:8em 1fr;gap:2px 8px}dt{font-weight:bold}
@media print{body{margin:10mm}tr{page-break-inside:avoid}h2{page-break-after:avoid}a{color:inherit;text-decoration:none}}`;

const actorText = (a: Actor): string => `${a.id}（${ROLE_LABELS[a.role] ?? a.role}，${a.unit}）`;

function integrityHtml(r: IntegrityReport): string {
  const rows = r.perStream
    .map(
      (s) =>
        `<tr><td>${h(s.stream)}</td><td>${s.events}</td><td class="mono">${h(s.firstHash ?? '')}</td><td class="mono">${h(s.lastHash ?? '')}</td><td class="${s.ok ? 'ok' : 'bad'}">${s.ok ? '通过' : '未通过'}</td></tr>`,
    )
    .join('');
  const br = r.firstBreak;
  return `<h2>完整性校验</h2><dl>
<dt>结果</dt><dd class="${r.ok ? 'ok' : 'bad'}">${r.ok ? '通过：哈希链完整，未发现篡改' : r.firstBreak ? '未通过：发现篡改' : '未通过：附件缺失或被改动'}</dd>
<dt>算法</dt><dd>${r.algorithm}（GB/T 32905-2016）</dd><dt>校验时间</dt><dd>${h(t(r.verifiedAt))}（北京时间）</dd>
<dt>事件数</dt><dd>${r.events}（${r.streams} 个流）</dd><dt>位置范围</dt><dd>${r.firstPosition ?? '—'} – ${r.lastPosition ?? '—'}</dd>
<dt>首个哈希</dt><dd class="mono">${h(r.firstHash ?? '—')}</dd><dt>末个哈希</dt><dd class="mono">${h(r.lastHash ?? '—')}</dd>
${fileChecksHtml(r.files)}
${br ? `<dt>首个断点</dt><dd class="bad">${h(br.streamName)} 第 ${br.revision} 版（位置 ${br.position}）：${h(br.problem)} — ${h(br.detail)}</dd>` : ''}
<dt>规范化</dt><dd>${h(r.canonicalization)}</dd></dl>
<table><tr><th>流</th><th>事件数</th><th>首个哈希</th><th>末个哈希</th><th>结果</th></tr>${rows}</table>`;
}

function actorsHtml(entries: readonly HistoryEntry[], nameOf: (actor: Actor) => string): string {
  const counts = new Map<string, { actor: Actor; n: number }>();
  for (const e of entries) {
    const key = `${e.actor.id}\u001f${e.actor.role}\u001f${e.actor.unit}`;
    const c = counts.get(key) ?? { actor: e.actor, n: 0 };
    c.n += 1;
    counts.set(key, c);
  }
  const rows = [...counts.values()].map(
    ({ actor, n }) =>
      `<tr><td>${h(nameOf(actor))}</td><td>${h(actor.id)}</td><td>${h(ROLE_LABELS[actor.role] ?? actor.role)}</td><td>${h(actor.unit)}</td><td>${n}</td></tr>`,
  );
  return `<h2>参与人员</h2><table><tr><th>人员</th><th>账号</th><th>角色</th><th>单位</th><th>事件数</th></tr>${rows.join('')}</table>`;
}

function deadlinesText(e: HistoryEntry): string {
  return e.deadlines
    .map(
      (d) =>
        `${h(d.purpose)}（${h(d.deadlineId)}）：${STATUS_LABELS[d.status] ?? d.status}，期限 ${h(t(d.dueAt))}${d.provisional ? '（暂定）' : ''}`,
    )
    .join('<br>');
}

function entryRow(e: HistoryEntry, shown: object): string {
  const cause = e.causedBy
    ? `<a href="#e-${h(e.causedBy.eventId)}">${h(e.causedBy.type)}</a><br><span class="mono">${h(e.causedBy.stream)} @${e.causedBy.position}</span>`
    : '—';
  return `<tr id="e-${h(e.eventId)}"${e.linked ? '' : ' class="ctx"'}><td>${e.position}</td><td>${h(e.stream)}<br>第 ${e.revision} 版</td><td>${h(e.type)}</td>
<td>${h(actorText(e.actor))}</td><td>${h(t(e.occurredAt))}</td><td>${h(t(e.recordedAt))}</td><td>${cause}</td><td>${deadlinesText(e)}</td>
<td><pre>${h(JSON.stringify(shown, null, 1))}</pre></td><td class="mono">${h(e.hash.slice(0, 16))}…</td></tr>`;
}

/**
 * The dossier needs only its inline stylesheet and its inline thumbnails (`data:` images): no
 * script runs (the JSON block is data), nothing is fetched. Sent as a header with the download and
 * embedded as a meta tag, so it still holds when the saved file is opened from disk.
 */
export const DOSSIER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The printable dossier: header, the readable timeline (案件经过) first, the integrity summary and
 * the people; then the appendix — the linked streams, every raw event with its envelope and hash,
 * and the JSON block the offline verifier reads.
 */
export function renderDossierHtml(
  payload: DossierPayload,
  entries: readonly HistoryEntry[],
  shown: readonly object[],
  title: string,
  timeline: { rows: readonly TimelineRow[]; folded: number },
  nameOf: (actor: Actor) => string,
  files: readonly DossierAttachment[] = [],
): string {
  const streams = payload.streams
    .map((s) => `<tr><td>${h(s.stream)}</td><td>0 – ${s.lastRevision}</td><td class="mono">${h(s.lastHash)}</td></tr>`)
    .join('');
  const asOf = payload.asOf
    ? 'position' in payload.asOf
      ? `日志位置 ${payload.asOf.position}`
      : `${t(payload.asOf.recordedAt)}（北京时间）`
    : '导出时';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}"><title>${h(title)}</title><style>${CSS}</style></head><body>
<h1>${h(title)}</h1><dl><dt>案件</dt><dd>${h(payload.root)}</dd><dt>截至</dt><dd>${h(asOf)}</dd>
<dt>导出时间</dt><dd>${h(t(payload.generatedAt))}（北京时间）</dd><dt>查阅人</dt><dd>${h(nameOf(payload.reader))}（${h(actorText(payload.reader))}）</dd>
<dt>查阅目的</dt><dd>${h(payload.purpose ?? '—')}</dd><dt>事件总数</dt><dd>${entries.length}</dd></dl>
${timelineHtml(timeline)}
${filesHtml(files)}
${integrityHtml(payload.integrity)}
${actorsHtml(entries, nameOf)}
<h2 id="appendix">附录一 关联流程</h2><table><tr><th>流</th><th>版本范围</th><th>末个哈希</th></tr>${streams}</table>
<h2 id="raw-events">附录二 原始事件与哈希</h2><p>全部事件（含内部处理与时限记录）的信封、内容与 SM3 哈希。灰色行为同一流中与本案无直接关联的事件（保留以便校验哈希链）。时间均为北京时间。</p>
<table><tr><th>位置</th><th>流 / 版本</th><th>事件</th><th>操作人</th><th>发生时间</th><th>记录时间</th><th>起因</th><th>期限状态</th><th>内容</th><th>哈希</th></tr>
${entries.map((e, i) => entryRow(e, shown[i]!)).join('\n')}</table>
<h2>附录三 离线校验</h2><p>本文件内嵌全部事件的原始数据与完整信封（含 SM3 哈希），可用 <code>npm run cli -- verify --export &lt;文件&gt;</code> 离线复核；所列附件（以 SM3 摘要或原名命名）放在本文件旁时一并核对。</p>
<script type="application/json" id="${DOSSIER_SCRIPT_ID}">${scriptSafeJson(payload)}</script>
</body></html>
`;
}
