import { EvidenceAttached, EvidenceFile, Summariser } from '@bihuan/core';

/** The kind of file in words, from the type judged on upload. */
export function mediaKind(mediaType: string): string {
  const [top = '', sub = ''] = mediaType.toLowerCase().split('/');
  if (top === 'image') return '图片';
  if (top === 'video') return '视频';
  if (top === 'audio') return '音频';
  if (sub === 'pdf') return 'PDF 文档';
  if (/wordprocessing|msword/.test(sub)) return 'Word 文档';
  if (/spreadsheet|ms-excel/.test(sub)) return 'Excel 表格';
  if (/presentation|ms-powerpoint/.test(sub)) return '演示文稿';
  return '文件';
}

/** 812B, 45.2KB, 2.3MB, 1.1GB: one decimal, as a person reads a file's size. */
export function readableSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${bytes}B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1).replace(/\.0$/, '')}${units[unit]}`;
}

/** 《现场照片.jpg》（图片，2.3MB）: a file as a history line names it. */
export function fileInWords(file: EvidenceFile): string {
  return `《${file.name}》（${mediaKind(file.mediaType)}，${readableSize(file.size)}）`;
}

/**
 * EvidenceAttached in words: who attached which file at which step (the step's word is looked up
 * among every catalogue's terms, so another context's steps read in its own words once it lists
 * them), and the note. The event is core's and has this one summary (the registry refuses two).
 */
export const evidenceAttachedSummary: Summariser<EvidenceAttached['data']> = (d, c) => {
  const step = c.term(d.step);
  return `${c.person(d.attachedBy)} 上传${step === d.step ? '' : step}证据${fileInWords(d.file)}${d.note ? `：${d.note}` : ''}`;
};
