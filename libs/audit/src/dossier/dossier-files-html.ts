import { shanghaiDateTime } from '@bihuan/core';
import { FileChecks } from '../integrity/evidence-check';
import { DossierAttachment, DossierFileCheck } from './dossier.types';
import { escapeHtml as h } from './html-text';

/** `1.2 MB`, `830 KB`, `512 B`: sizes for people (the exact byte count is in the verification block). */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The verification block's entry of a file: its name only when the reader may know it. */
export function fileCheckOf(f: DossierAttachment, nameShown: boolean): DossierFileCheck {
  return {
    stream: f.stream,
    revision: f.revision,
    digest: f.digest,
    size: f.size,
    mediaType: f.mediaType,
    ...(nameShown ? { name: f.name } : {}),
  };
}

/**
 * 附件 (证据文件): each file with its name, type, size, SM3 digest, the step it belongs to, who
 * attached it and when, and for images an inline thumbnail (a `data:` URL, the only image source
 * DOSSIER_CSP allows). A sealed file hidden from the reader shows a marker for its name and no
 * thumbnail; its owner erased, 已删除（个人信息已销毁）.
 */
export function filesHtml(files: readonly DossierAttachment[]): string {
  if (files.length === 0) return '';
  const rows = files
    .map(
      (f) =>
        `<tr><td>${h(f.name)}${f.sealed ? '<br><span class="ctx">（加密保存）</span>' : ''}</td><td>${h(f.mediaType)}</td><td>${h(sizeText(f.size))}</td>
<td class="mono">${h(f.digest)}</td><td>${h(f.step)}</td><td>${h(f.attachedBy)}</td><td>${h(shanghaiDateTime(f.attachedAt))}</td>
<td>${f.thumbnail ? `<img src="${h(f.thumbnail)}" alt="${h(f.name)}" style="max-width:160px;max-height:160px">` : '—'}</td></tr>`,
    )
    .join('\n');
  return `<h2 id="files">附件（证据文件）</h2><p>共 ${files.length} 个文件。SM3 摘要与大小已写入附录三的校验数据：把文件（以摘要或原名命名）放在本文件旁，即可离线核对。时间为北京时间。</p>
<table><tr><th>名称</th><th>类型</th><th>大小</th><th>SM3 摘要</th><th>环节</th><th>上传人</th><th>上传时间</th><th>缩略图</th></tr>
${rows}</table>`;
}

/** The file part of the integrity summary: how many were checked, and each missing or altered one by case and file. */
export function fileChecksHtml(files: FileChecks | undefined): string {
  if (!files) return '';
  const problems = files.problems
    .map(
      (p) =>
        `<dd class="bad">${p.status === 'missing' ? '文件缺失' : '文件被改动'}：${h(p.stream)} 第 ${p.revision} 版所附「${h(p.name)}」<span class="mono">${h(p.digest)}</span>${p.actualDigest ? `，现摘要 <span class="mono">${h(p.actualDigest)}</span>` : ''}</dd>`,
    )
    .join('');
  const ok = files.problems.length === 0;
  return `<dt>附件校验</dt><dd class="${ok ? 'ok' : 'bad'}">已校验 ${files.checked} 个文件，${ok ? '全部存在且与记录一致' : `${files.problems.length} 个有问题`}</dd>${problems}`;
}
